// The options of `scrawl train`, read into a TrainConfig. `scrawl card` reads them back from the
// command a weights file records, so both see a training run the same way.
#pragma once
#include <string>
#include <vector>

#include "cli.h"
#include "train/trainer.h"

namespace scrawl::cli {

extern const char* const kTrainHelp;
extern const std::vector<std::string> kTrainValueOptions;
extern const std::vector<std::string> kTrainFlags;

// The problem in words, or an empty string when the options are good.
std::string train_config_from(const Args& args, TrainConfig& cfg);

// Options that only say where results go or whether the test set is read: a command that
// reproduces a weights file does not need them.
bool is_output_option(const std::string& option);

}  // namespace scrawl::cli
