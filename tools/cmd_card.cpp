// `scrawl card`: the second half of choosing a model on validation. Weights trained with
// `scrawl train --no-test` are evaluated on the MNIST test set once, and their model card written
// from the training run they record.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "cli.h"
#include "commands.h"
#include "data/mnist.h"
#include "model_card_facts.h"
#include "nn/weights_file.h"
#include "train_options.h"

namespace scrawl::cli {
namespace {

const char* kHelp =
    "usage: scrawl card WEIGHTS --mnist DIR [--card FILE]\n"
    "\n"
    "Evaluates weights written by `scrawl train --no-test` on the MNIST test set and writes their\n"
    "model card (default MODEL.md next to WEIGHTS), with the training command the weights record\n"
    "(less --out, --card and --no-test, which do not change the weights).\n";

}  // namespace

int cmd_card(int argc, char** argv) {
  Args args;
  if (auto err = parse_args(argc, argv, {"--mnist", "--card"}, {"--help"}, args)) {
    std::fprintf(stderr, "scrawl card: %s\n\n%s", err->c_str(), kHelp);
    return 2;
  }
  if (args.has("--help")) return std::fputs(kHelp, stdout), 0;
  if (args.positional.size() != 1) {
    std::fprintf(stderr, "scrawl card: give one weights file\n\n%s", kHelp);
    return 2;
  }
  const std::string weights_path = args.positional[0];
  auto bytes = read_file(weights_path);
  if (!bytes) {
    std::fprintf(stderr, "scrawl card: %s\n", bytes.error().message.c_str());
    return 2;
  }
  auto model = parse_model(*bytes);
  if (!model) {
    std::fprintf(stderr, "scrawl card: %s: %s\n", weights_path.c_str(), model.error().message.c_str());
    return 2;
  }
  const auto& meta = model->metadata;
  const auto command = meta.find("trained_with");
  if (command == meta.end() || !meta.count("validation_accuracy") || !meta.count("training_seconds")) {
    std::fprintf(stderr, "scrawl card: %s does not record how it was trained (train it with `scrawl train`)\n",
                 weights_path.c_str());
    return 2;
  }

  // Read the training options back exactly as `scrawl train` read them.
  const std::vector<std::string> words = shell_split(command->second);
  std::vector<std::string> options;
  std::string kept = "build/native/scrawl train";
  for (size_t i = 2; i < words.size(); ++i) {
    const bool takes_value = std::find(kTrainValueOptions.begin(), kTrainValueOptions.end(), words[i]) !=
                             kTrainValueOptions.end();
    if (is_output_option(words[i])) {
      i += takes_value ? 1 : 0;
      continue;
    }
    options.push_back(words[i]);
    kept += " " + shell_quote(words[i]);
    if (takes_value && i + 1 < words.size()) options.push_back(words[++i]), kept += " " + shell_quote(words[i]);
  }
  std::vector<char*> argv_again;
  for (auto& w : options) argv_again.push_back(w.data());
  Args trained_args;
  TrainConfig cfg;
  std::string problem;
  if (auto err = parse_args(int(argv_again.size()), argv_again.data(), kTrainValueOptions, kTrainFlags, trained_args))
    problem = *err;
  else
    problem = train_config_from(trained_args, cfg);
  if (!problem.empty()) {
    std::fprintf(stderr, "scrawl card: the recorded training command does not read back: %s\n", problem.c_str());
    return 2;
  }

  const std::string dir = mnist_dir(args.get("--mnist"));
  auto train_set = load_mnist(dir, "train");
  if (!train_set) {
    std::fprintf(stderr, "scrawl card: %s\n", train_set.error().message.c_str());
    return 2;
  }
  TrainingRecord record;
  record.command = kept;
  record.config = cfg;
  record.validation_accuracy = std::strtod(meta.at("validation_accuracy").c_str(), nullptr);
  record.seconds = std::strtod(meta.at("training_seconds").c_str(), nullptr);
  record.training_set_size = train_set->size();
  const std::string card_path =
      args.get("--card", (std::filesystem::path(weights_path).parent_path() / "MODEL.md").string());
  return test_and_write_card("card", *bytes, record, dir, card_path);
}

}  // namespace scrawl::cli
