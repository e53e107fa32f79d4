#pragma once
#include <string>

#include "core/status.h"
#include "evaluate/robustness_eval.h"
#include "train/trainer.h"

namespace scrawl::cli {

struct ModelCardFacts {
  std::string command;
  TrainConfig config;
  bool real_writers = false;  // learned from the real writers besides MNIST
  size_t parameters = 0;
  size_t file_bytes = 0;
  std::string architecture;  // as shipped (batch-norm folded)
  double validation_accuracy = 0;
  double test_accuracy = 0;
  double ece = 0;
  double seconds = 0;
  std::string md5_lines;  // "| file | md5 |" rows
  std::string confusion;
  float unsure_below = 0;
  size_t unsure = 0, unsure_wrong = 0, test_count = 0, test_correct = 0;
  std::vector<RobustnessRow> robustness;
  size_t train_digits = 0, validation_digits = 0;
};

Status write_model_card(const std::string& path, const ModelCardFacts& f);

}  // namespace scrawl::cli
