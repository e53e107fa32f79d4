// `scrawl card`: the second half of choosing a model on validation. Weights trained with
// `scrawl train --no-test` are evaluated on the MNIST test set once, and their model card written
// from the training run they record.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "cli.h"
#include "commands.h"
#include "data/mnist.h"
#include "legacy_training_run.h"
#include "model_card_facts.h"
#include "nn/weights_file.h"
#include "train/training_run.h"
#include "train_options.h"

namespace scrawl::cli {
namespace {

const char* kHelp =
    "usage: scrawl card WEIGHTS --mnist DIR [--card FILE]\n"
    "\n"
    "Evaluates weights written by `scrawl train --no-test` on the MNIST test set and writes their\n"
    "model card (default MODEL.md next to WEIGHTS), with the training command the weights record\n"
    "(less --out, --card and --no-test, which do not change the weights).\n";

// The weights file's bytes and its model; false, with the problem printed, when it does not read.
bool load_weights(const std::string& path, std::vector<uint8_t>& bytes, Model& model) {
  auto read = read_file(path);
  if (!read) {
    std::fprintf(stderr, "scrawl card: %s\n", read.error().message.c_str());
    return false;
  }
  auto parsed = parse_model(*read);
  if (!parsed) {
    std::fprintf(stderr, "scrawl card: %s: %s\n", path.c_str(), parsed.error().message.c_str());
    return false;
  }
  bytes = std::move(read.value());
  model = std::move(parsed.value());
  return true;
}

// The run as the file keeps it; from its command only in files written before runs were kept as data.
Result<TrainingRun> recorded_run(const Metadata& meta, const std::string& mnist_dir) {
  if (records_training_run(meta)) return read_training_run(meta);
  return legacy_training_run(meta.at("trained_with"), mnist_dir);
}

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
  std::vector<uint8_t> bytes;
  Model model;
  if (!load_weights(weights_path, bytes, model)) return 2;
  const Metadata& meta = model.metadata;
  if (!meta.count("trained_with") || !meta.count("validation_accuracy") || !meta.count("training_seconds")) {
    std::fprintf(stderr, "scrawl card: %s does not record how it was trained (train it with `scrawl train`)\n",
                 weights_path.c_str());
    return 2;
  }

  const std::string dir = mnist_dir(args.get("--mnist"));
  auto run = recorded_run(meta, dir);
  if (!run) {
    std::fprintf(stderr, "scrawl card: %s\n", run.error().message.c_str());
    return 2;
  }
  TrainingRecord record;
  record.command = reproducing_command(meta.at("trained_with"));
  record.run = std::move(run.value());
  record.validation_accuracy = std::strtod(meta.at("validation_accuracy").c_str(), nullptr);
  record.seconds = std::strtod(meta.at("training_seconds").c_str(), nullptr);
  const std::string card_path =
      args.get("--card", (std::filesystem::path(weights_path).parent_path() / "MODEL.md").string());
  return test_and_write_card("card", bytes, record, dir, card_path);
}

}  // namespace scrawl::cli
