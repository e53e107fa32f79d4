// CVL single digits (../shared/data/real/cvl): 28×28 crops of 300 dpi form scans, dark ink on
// light paper, with the writer of each.
#pragma once
#include <string>
#include <vector>

#include "data/mnist.h"

namespace scrawl::real {

struct CvlDigits {
  DigitSet digits;                   // as stored: dark ink on light paper
  std::vector<std::string> writers;  // per digit: "cvl:<writer>"
};

// split: "train" or "validation".
Result<CvlDigits> load_cvl(const std::string& real_dir, const std::string& split);

// The real-data folder from --real, else $SCRAWL_REAL, else "".
std::string real_dir(const std::string& flag);

}  // namespace scrawl::real
