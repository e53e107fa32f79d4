// A recognizer on MNIST's test digits after each transform a user's input goes through
// (user_transforms.h), read through the whole pipeline as an upload is.
#pragma once
#include <string>
#include <vector>

#include "data/mnist.h"
#include "recognize/recognizer.h"

namespace scrawl {

struct RobustnessRow {
  std::string name, description;
  size_t count = 0, correct = 0, no_digit = 0;
  double seconds = 0;
  double accuracy() const { return count ? double(correct) / double(count) : 0.0; }
};

// Runs every user transform over the first `limit` test digits (0 = all); progress gets each
// row as it is done.
std::vector<RobustnessRow> evaluate_robustness(Recognizer& recognizer, const DigitSet& test, size_t limit,
                                               void (*progress)(const RobustnessRow&) = nullptr);

}  // namespace scrawl
