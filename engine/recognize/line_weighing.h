// Where the cut reader and the line model read a line as the same number of digits but not the
// same digits, which reading stands. The digit model saw each cut-out alone and is often right
// where the line model doubts one digit among touching ones ("529202227" read by the line
// model as "528202727"); the line model is right where a cut-out was cut badly. Both are asked.
#pragma once
#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "recognizer.h"

namespace scrawl {

struct LineWeighing {
  // Each reading's weight: the line model's probability of it times the digit model's
  // probabilities of its digits (each cut-out's `probs`) to this power.
  float digit_weight = 0.75f;
  // The cut reading stands unless another weighs more than 1 / cut_share times as much.
  float cut_share = 0.2f;
};

// Among `cut`, `line` and every mix of the two (each digit where they differ taken from one or
// the other; the two alone where more than four differ), the reading that weighs most, given
// how probable the line model finds a reading of the line (`line_log_probability`, natural
// log). `cut_digits` are the cut-outs `cut` was read from, one per digit.
std::string weigh_same_length(const std::string& cut, const std::string& line, std::span<const ReadDigit> cut_digits,
                              const LineWeighing& weighing,
                              const std::function<double(std::string_view)>& line_log_probability);

}  // namespace scrawl
