// Trains a network on MNIST with SGD (Nesterov momentum, weight decay, warm-up then cosine
// learning rate), data-parallel over threads with a fixed reduction order, so a seed
// reproduces the same weights on the same machine and build.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "augment.h"
#include "data/mnist.h"
#include "mnist_preparer.h"
#include "nn/network.h"
#include "page_cutouts.h"
#include "segment/digit_normalizer.h"

namespace scrawl {

// The shipped architecture: 93k parameters, ~14M multiply-adds per digit.
inline constexpr const char* kDefaultArchitecture =
    "conv 16 3; bn; relu; conv 32 3; bn; relu; maxpool 2; conv 48 3; bn; relu; conv 64 3; bn; relu; maxpool 2; "
    "conv 80 3; bn; relu; gap; dense 10; softmax";

// The segmenter's second opinion: 19k parameters, ~0.8M multiply-adds per candidate.
inline constexpr const char* kOneDigitArchitecture =
    "conv 16 3; bn; relu; maxpool 2; conv 32 3; bn; relu; maxpool 2; conv 48 3; bn; relu; gap; dense 2; softmax";

enum class TrainTask {
  kDigits,    // which digit (10 classes)
  kOneDigit,  // one digit (class 0), or two touching digits or a piece of one (class 1)
};

struct TrainConfig {
  TrainTask task = TrainTask::kDigits;
  std::string architecture = kDefaultArchitecture;
  int epochs = 50;
  uint64_t seed = 1;
  int batch = 128;
  float learning_rate = 0.1f;  // peak
  float weight_decay = 5e-4f;
  float momentum = 0.9f;
  int warmup_epochs = 1;
  int validation = 5000;  // the last this many training digits are held out
  int threads = 2;
  int limit = 0;  // train on only the first this many digits (0 = all); for tests
  AugmentOptions augment;
  // In the last this many epochs half of the digits are shown undistorted, so that the model
  // settles on ordinary handwriting after learning from distorted copies of it.
  int settle_epochs = 25;
  // Candidates the reader cut from pages (page_cutouts.h), in the model's form. This share of
  // the examples comes from `cutouts` (pages of training digits): for the one-digit task half
  // of each class, for the digit model the whole digits with their labels. For the one-digit
  // task `validation_cutouts` (pages of held-out digits) join the validation set. The caller
  // cuts `cutout_pages` pages for the one and a tenth as many for the other.
  int cutout_pages = 0;
  // One-digit task: this share of the composed negatives are shapes that are no digit
  // (not_a_digit.h) instead of pairs and pieces of digits.
  float not_a_digit_share = 0.0f;
  float cutout_share = 0.5f;
  const LabelledCutouts* cutouts = nullptr;
  const LabelledCutouts* validation_cutouts = nullptr;
  // Fine-tuning: start from these weights (a shipped model, its batch-norm folded) instead of
  // random ones; `architecture` is then this network's.
  const Network* start = nullptr;
};

struct EpochReport {
  int epoch = 0, epochs = 0;
  double loss = 0, train_accuracy = 0, validation_accuracy = 0;
  double seconds = 0, seconds_left = 0;
};

struct Progress {
  // Called now and then within an epoch (done/total batches, running loss and accuracy).
  std::function<void(int epoch, int done, int total, double loss, double accuracy, double seconds_left)> batch;
  std::function<void(const EpochReport&)> epoch;
};

struct TrainResult {
  Network trained;  // with batch-norm, as trained
  std::vector<EpochReport> epochs;
  double seconds = 0;
};

// How train() splits a set of `size` digits: [0, train_end) to learn from, [train_end, end)
// held out for validation.
struct DigitSplit {
  size_t train_end = 0, end = 0;
};
DigitSplit split_for(size_t size, const TrainConfig& config);

Result<TrainResult> train(const DigitSet& train_set, const TrainConfig& config, const Progress& progress);

// Accuracy of a network on prepared digits.
double accuracy(const Network& net, const std::vector<DigitPixels>& digits, const std::vector<uint8_t>& labels);

}  // namespace scrawl
