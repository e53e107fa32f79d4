// The marks written between and after the digits of a number that are no digit: the decimal
// point or comma, a thousands separator, a dash ("02139-4307", "38.117-") or an equals sign
// after an amount ("8558="). They are told apart from specks and from digits by their size and
// where they sit against the line's digits (a point on the baseline, a dash at mid-height), so
// that a reading keeps them as what they are and never reads them as 1s.
#pragma once
#include <span>
#include <vector>

#include "core/box.h"
#include "digit_splitter.h"

namespace scrawl {

struct Mark {
  char symbol = '.';  // '.', ',', '-' or '='
  Box box;            // working pixels until the segmenter maps it to the source
  int line = 0;
};

class SeparatorFinder {
 public:
  // The line's digits (left to right) and what its reading left out of them: specks and dots
  // the splitter skipped, and the dashes dropped. Appends the marks among them, left to right
  // and numbered `line`, to out.
  void find(std::span<const FoundDigit> digits, std::span<const Box> left_out, int line, std::vector<Mark>& out);

 private:
  std::vector<int> values_;
  std::vector<Mark> found_;
};

}  // namespace scrawl
