// A recognizer on MNIST's test digits, each prepared as MNIST was made and classified: the
// accuracy, the confusion matrix, the digits marked unsure and the calibration (ECE).
#pragma once
#include <array>
#include <string>
#include <vector>

#include "data/mnist.h"
#include "recognize/recognizer.h"
#include "train/reader_threads.h"

namespace scrawl {

struct MnistEvaluation {
  size_t count = 0, correct = 0, rejected = 0;      // rejected: the pipeline found no digit
  size_t unsure = 0, unsure_wrong = 0;              // below the model's unsure threshold
  std::array<std::array<int, 10>, 10> confusion{};  // [true][predicted]
  double ece = 0;                                   // expected calibration error, 15 bins
  std::array<double, 15> bin_confidence{}, bin_accuracy{};
  std::array<int, 15> bin_count{};
  double seconds = 0;
  std::vector<size_t> wrong;  // indices of misclassified digits
  double accuracy() const { return count ? double(correct) / double(count) : 0.0; }
};

// One thread, in the order of the set.
MnistEvaluation evaluate_mnist(Recognizer& recognizer, const DigitSet& test);
// The same on `threads` threads, each with a reader of its own: the same counts, in less time.
Result<MnistEvaluation> evaluate_mnist(const ReaderFactory& make_reader, const DigitSet& test, int threads);

// The confusion matrix as the CLI, the report and the model card print it: a header row of
// predicted digits, then a row per true digit.
std::string format_confusion(const MnistEvaluation& e);

}  // namespace scrawl
