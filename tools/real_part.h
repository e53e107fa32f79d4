// Which real data an evaluation reads: the folder (--real DIR or $SCRAWL_REAL) and the part
// of the writers (--writers report|develop, see real/writer_split.h).
#pragma once
#include <optional>
#include <string>

#include "cli.h"
#include "real/writer_split.h"

namespace scrawl::cli {

struct RealPart {
  std::string dir;
  std::string name;  // "report" or "develop"
  real::WriterUse use = real::WriterUse::kReport;
};

// Prints what is wrong as "`command`: ..." and gives nothing when the folder or part is bad.
std::optional<RealPart> real_part(const Args& args, const char* command);

}  // namespace scrawl::cli
