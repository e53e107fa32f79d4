// Weights trained before the training run was kept as data (train/training_run.h) record only
// the command that trained them, as the committed weights/scrawl.bin and one-digit.bin do. For
// those files alone, `scrawl card` reads the run back from that command, exactly as `scrawl train`
// read its options then. Weights written since are never read this way.
#pragma once
#include <string>

#include "core/status.h"
#include "train/training_run.h"

namespace scrawl::cli {

// command: the file's trained_with. The MNIST training set in mnist_dir is counted, as such
// files do not record its size.
Result<TrainingRun> legacy_training_run(const std::string& command, const std::string& mnist_dir);

}  // namespace scrawl::cli
