// ORAND-CAR-A (../shared/data/real/orand-car-a): the handwritten amounts of real bank cheques,
// grey crops as scanned, each with the digits written (separators not labelled: "1.990" is
// "1990") and a box per digit.
#pragma once
#include <string>
#include <vector>

#include "core/box.h"
#include "core/status.h"

namespace scrawl::real {

struct ChequeAmount {
  std::string file;        // full path of the PNG
  std::string digits;      // the digits written, left to right
  std::vector<Box> boxes;  // one per digit, left to right, in the image's pixels
  std::string key;         // "orand:<name>": who wrote it is not known, so each cheque is its own writer
};

Result<std::vector<ChequeAmount>> load_cheque_amounts(const std::string& real_dir);

}  // namespace scrawl::real
