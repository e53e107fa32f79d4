// Measures a recognizer on MNIST test digits run through the whole pipeline.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "data/mnist.h"
#include "recognize/recognizer.h"

namespace scrawl::cli {

struct Evaluation {
  size_t count = 0, correct = 0, rejected = 0;  // rejected: the pipeline found no digit
  size_t unsure = 0, unsure_wrong = 0;          // below the model's unsure threshold
  std::array<std::array<int, 10>, 10> confusion{};  // [true][predicted]
  double ece = 0;                                   // expected calibration error, 15 bins
  std::array<double, 15> bin_confidence{}, bin_accuracy{};
  std::array<int, 15> bin_count{};
  double seconds = 0;
  std::vector<size_t> wrong;  // indices of misclassified digits
  double accuracy() const { return count ? double(correct) / double(count) : 0.0; }
};

Evaluation evaluate_mnist(Recognizer& recognizer, const DigitSet& test);
std::string format_confusion(const Evaluation& e);

}  // namespace scrawl::cli
