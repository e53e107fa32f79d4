// Trains the line model: CTC over the columns of lines made by LineExampleMaker, with the
// digit trainer's optimizer (optimizer.h), data-parallel over threads, reproducible by seed.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "line_examples.h"
#include "nn/network.h"

namespace scrawl {

// 108k parameters, ~55M multiply-adds per line; 96 columns of 2 pixels each (a narrow digit in
// a dense number still spans the three columns that a repeated digit with a blank between needs).
inline constexpr const char* kLineArchitecture =
    "conv 16 3; bn; relu; maxpool 2; conv 32 3; bn; relu; maxpool 2x1; conv 64 3; bn; relu; conv 64 3; bn; relu; "
    "colmean; conv 96 1x3; bn; relu; conv 96 1x3; bn; relu; conv 11 1";

struct LineTrainConfig {
  std::string architecture = kLineArchitecture;
  int epochs = 30;
  int examples_per_epoch = 20000;
  int batch = 32;
  float learning_rate = 0.05f;
  float weight_decay = 5e-4f;
  float momentum = 0.9f;
  int warmup_epochs = 1;
  float clip_norm = 5.0f;  // the batch's mean gradient is scaled down to at most this norm
  uint64_t seed = 1;
  int threads = 2;
  LineShares shares;
  // Fine-tuning: start from these weights (a shipped line model, its batch-norm folded) instead
  // of random ones; `architecture` is then theirs.
  const Network* start = nullptr;
};

struct LineEpochReport {
  int epoch = 0, epochs = 0;
  double loss = 0;              // mean CTC loss per line
  double validation_exact = 0;  // share of validation lines read exactly
  double seconds = 0, seconds_left = 0;
};

struct LineTrainResult {
  Network trained;  // with batch-norm, as trained
  std::vector<LineEpochReport> epochs;
  double seconds = 0;
};

// Lines read exactly by a line model, prepared as the reader prepares them (whole image).
double line_exact_rate(const Network& net, const std::vector<WrittenLine>& lines);

// pen_writers (may be null): the training writers' pen trajectories, for lines in one hand.
Result<LineTrainResult> train_lines(const std::vector<WrittenLine>& train_lines_, const DigitSet* mnist,
                                    const std::vector<real::PenSample>* pen_writers,
                                    const std::vector<WrittenLine>& validation, const LineTrainConfig& config,
                                    const std::function<void(const LineEpochReport&)>& on_epoch,
                                    const std::function<void(int epoch, int done, int total, double loss)>& on_batch);

}  // namespace scrawl
