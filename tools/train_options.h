// The options of `scrawl train`, read into a TrainConfig. (`scrawl card` reads them back from the
// command only in weights written before the run was kept as data: legacy_training_run.h.)
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

// A recorded `scrawl train` command less the options that only say where results go or whether
// the test set is read (--out, --card, --no-test): the command that reproduces the weights.
std::string reproducing_command(const std::string& recorded);

}  // namespace scrawl::cli
