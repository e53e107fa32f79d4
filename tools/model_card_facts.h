// Measures a trained model on the MNIST test set (accuracy, calibration, unsure digits,
// robustness) and gathers what its model card states. This is the one place the test set is read
// for a model card.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "model_card.h"
#include "train/training_run.h"

namespace scrawl::cli {

struct TrainingRecord {
  std::string command;  // reproduces the weights
  TrainingRun run;
  double validation_accuracy = 0;
  double seconds = 0;
};

Result<ModelCardFacts> measure_for_card(const std::vector<uint8_t>& weights, const TrainingRecord& record,
                                        const std::string& mnist_dir);

// Measures, prints the headline figures and writes the card; the exit status for `command`.
int test_and_write_card(const char* command, const std::vector<uint8_t>& weights, const TrainingRecord& record,
                        const std::string& mnist_dir, const std::string& card_path);

}  // namespace scrawl::cli
