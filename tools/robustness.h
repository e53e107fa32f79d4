#pragma once
#include <string>
#include <vector>

#include "data/mnist.h"
#include "recognize/recognizer.h"

namespace scrawl::cli {

struct RobustnessRow {
  std::string name, description;
  size_t count = 0, correct = 0, no_digit = 0;
  double seconds = 0;
  double accuracy() const { return count ? double(correct) / double(count) : 0.0; }
};

// Runs every user transform over the first `limit` test digits (0 = all) through the whole pipeline.
std::vector<RobustnessRow> evaluate_robustness(Recognizer& recognizer, const DigitSet& test, size_t limit,
                                               void (*progress)(const RobustnessRow&) = nullptr);

}  // namespace scrawl::cli
