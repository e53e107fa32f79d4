#include "writer_split.h"

#include <cstdint>

namespace scrawl::real {

WriterUse writer_use(const std::string& writer_key) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a: fixed across compilers, unlike std::hash
  for (unsigned char c : writer_key) h = (h ^ c) * 1099511628211ull;
  const int bucket = int((h >> 20) % 10);
  return bucket < 2 ? WriterUse::kDevelop : bucket < 5 ? WriterUse::kReport : WriterUse::kTrain;
}

const char* writer_use_name(WriterUse use) {
  switch (use) {
    case WriterUse::kDevelop: return "develop";
    case WriterUse::kReport: return "report";
    case WriterUse::kTrain: return "train";
  }
  return "?";
}

}  // namespace scrawl::real
