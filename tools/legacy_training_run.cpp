#include "legacy_training_run.h"

#include <algorithm>
#include <vector>

#include "cli.h"
#include "data/mnist.h"
#include "train_options.h"

namespace scrawl::cli {

Result<TrainingRun> legacy_training_run(const std::string& command, const std::string& mnist_dir) {
  std::vector<std::string> options = shell_split(reproducing_command(command));
  options.erase(options.begin(), options.begin() + std::min<size_t>(2, options.size()));  // "build/native/scrawl train"
  std::vector<char*> argv;
  for (auto& w : options) argv.push_back(w.data());
  Args args;
  TrainingRun run;
  std::string problem;
  if (auto err = parse_args(int(argv.size()), argv.data(), kTrainValueOptions, kTrainFlags, args)) problem = *err;
  else problem = train_config_from(args, run.config);
  if (!problem.empty())
    return make_error(ErrorCode::kBadWeights, "the recorded training command does not read back: " + problem);
  run.real_writers = args.get("--real");
  run.started_from = args.get("--from");
  auto train_set = load_mnist(mnist_dir, "train");
  if (!train_set) return train_set.error();
  run.mnist_digits = train_set->size();
  return run;
}

}  // namespace scrawl::cli
