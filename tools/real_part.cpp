#include "real_part.h"

#include <cstdio>

#include "real/cvl_digits.h"

namespace scrawl::cli {

std::optional<RealPart> real_part(const Args& args, const char* command) {
  RealPart part;
  part.dir = real::real_dir(args.get("--real"));
  if (part.dir.empty()) {
    std::fprintf(stderr, "%s: no real-data folder given: pass --real DIR or set SCRAWL_REAL\n", command);
    return std::nullopt;
  }
  part.name = args.get("--writers", "report");
  if (part.name != "report" && part.name != "develop") {
    std::fprintf(stderr, "%s: --writers is 'report' or 'develop', not '%s'\n", command, part.name.c_str());
    return std::nullopt;
  }
  part.use = part.name == "report" ? real::WriterUse::kReport : real::WriterUse::kDevelop;
  return part;
}

}  // namespace scrawl::cli
