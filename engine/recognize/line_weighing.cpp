#include "line_weighing.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace scrawl {
namespace {

// The log of a reading's weight.
double log_weight(const std::string& text, std::span<const ReadDigit> cut_digits, const LineWeighing& w,
                  const std::function<double(std::string_view)>& line_log_probability) {
  double digit_log = 0;
  for (size_t i = 0; i < cut_digits.size(); ++i)
    digit_log += std::log(std::max(1e-6f, cut_digits[i].probs[size_t(text[i] - '0')]));
  return line_log_probability(text) + double(w.digit_weight) * digit_log;
}

}  // namespace

std::string weigh_same_length(const std::string& cut, const std::string& line, std::span<const ReadDigit> cut_digits,
                              const LineWeighing& weighing,
                              const std::function<double(std::string_view)>& line_log_probability) {
  if (cut.size() != line.size() || cut.size() != cut_digits.size() || cut == line) return cut;
  constexpr size_t kMostMixed = 4;  // 16 mixes at most
  std::array<size_t, kMostMixed> differ{};
  size_t differing = 0;
  for (size_t i = 0; i < cut.size() && differing <= kMostMixed; ++i)
    if (cut[i] != line[i]) {
      if (differing < kMostMixed) differ[differing] = i;
      ++differing;
    }
  std::string best = line, text;
  double best_log = -std::numeric_limits<double>::infinity();
  if (differing > kMostMixed) {
    best_log = log_weight(line, cut_digits, weighing, line_log_probability);
  } else {
    for (uint32_t mask = 1; mask < (1u << differing); ++mask) {  // mask 0 is the cut reading
      text = cut;
      for (size_t k = 0; k < differing; ++k)
        if (mask >> k & 1u) text[differ[k]] = line[differ[k]];
      const double log_w = log_weight(text, cut_digits, weighing, line_log_probability);
      if (log_w > best_log) best_log = log_w, best = text;
    }
  }
  const double cut_log = log_weight(cut, cut_digits, weighing, line_log_probability);
  return cut_log >= best_log + std::log(double(weighing.cut_share)) ? cut : best;
}

}  // namespace scrawl
