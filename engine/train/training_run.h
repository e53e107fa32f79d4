// A training run as its weights file keeps it: the trainer's settings and the data it learned
// from, each under its own key of the file's metadata ("train.epochs=50"), so that `scrawl card`
// reads them as data instead of reading back the command that started the run.
#pragma once
#include <cstddef>
#include <map>
#include <string>

#include "core/status.h"
#include "trainer.h"

namespace scrawl {

struct TrainingRun {
  TrainConfig config;        // its pointers (cut-outs, the model to start from) are not kept
  size_t mnist_digits = 0;   // MNIST training digits before config.limit
  std::string real_writers;  // the real-data folder the run also learned from; empty: none
  int shape_scenes = 0;      // one-digit task with real writers: drawings of shapes it was shown
  std::string started_from;  // fine-tuning: the weights file it started from; empty: random weights
};

using Metadata = std::map<std::string, std::string>;

void record_training_run(const TrainingRun& run, Metadata& metadata);

// False for weights trained before runs were kept as data (they record only the command).
bool records_training_run(const Metadata& metadata);

// The run back, as record_training_run wrote it; the error names a key that is missing or
// does not read.
Result<TrainingRun> read_training_run(const Metadata& metadata);

}  // namespace scrawl
