// Which real writers a result may be chosen on, which are only reported on, and which the
// models may learn from. Decided by a hash of the writer's key alone, so every tool and every
// run agrees, and a writer's digits never sit on two sides.
#pragma once
#include <string>

namespace scrawl::real {

enum class WriterUse {
  kDevelop,  // settings are chosen on these (20%)
  kReport,   // held back: figures are reported on these only (30%)
  kTrain,    // models may learn from these (50%)
};

WriterUse writer_use(const std::string& writer_key);
const char* writer_use_name(WriterUse use);

}  // namespace scrawl::real
