#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "cli.h"
#include "commands.h"
#include "core/json_text.h"
#include "data/mnist.h"
#include "model_card_facts.h"
#include "nn/weights_file.h"
#include "train/page_cutouts.h"
#include "train/real_cutouts.h"
#include "train/trainer.h"
#include "train/training_run.h"
#include "train_line.h"
#include "train_options.h"

namespace scrawl::cli {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// The cut-outs of real writers' digits are the built-in reader's.
Result<std::unique_ptr<Recognizer>> built_in_reader() { return load_recognizer(""); }

// One-digit task with real writers: the drawings of shapes that are no digit it cuts.
int shape_scenes(const Args& args) { return std::max(0, std::atoi(args.get("--shape-scenes", "6000").c_str())); }

void report_real_writers_read(size_t done, size_t total) {
  if (done % 5000 == 0) std::fprintf(stderr, "  real writers: %zu of %zu read\n", done, total);
}

// Fine-tuning starts from a weights file's model, and trains its architecture. False, with the
// problem printed, when that cannot be.
bool start_from_model(const Args& args, bool one_digit, Model& start, TrainConfig& cfg) {
  if (args.has("--from") && args.has("--arch")) {
    std::fprintf(stderr,
                 "scrawl train: --from trains the architecture of the model it starts from; leave out --arch\n");
    return false;
  }
  if (!args.has("--from")) return true;
  auto bytes = read_file(args.get("--from"));
  const int classes = one_digit ? 2 : 10;
  auto model = bytes ? parse_classifier(*bytes, classes, "the model to start from") : Result<Model>(bytes.error());
  if (!model) {
    std::fprintf(stderr, "scrawl train: --from %s: %s\n", args.get("--from").c_str(), model.error().message.c_str());
    return false;
  }
  start = std::move(model.value());
  cfg.start = &start.network;
  cfg.architecture = start.network.spec();
  return true;
}

void describe_training(const DigitSet& data, const TrainConfig& cfg) {
  if (cfg.task == TrainTask::kOneDigit)
    std::fprintf(stderr, "task: one digit, or two touching digits or a piece of one (half of the examples each)\n");
  std::fprintf(stderr, "training on %zu MNIST digits, %d epochs, %d threads, augmentation: %s\n", data.size(),
               cfg.epochs, cfg.threads, cfg.augment.describe().c_str());
  if (cfg.settle_epochs > 0)
    std::fprintf(stderr, "the last %d epochs show half of the digits undistorted\n",
                 std::min(cfg.settle_epochs, cfg.epochs));
}

// Learning from the reader's own cuts too: pages written with the training digits for
// training, with the held-out digits for validation (the split train() makes).
void cut_training_pages(const DigitSet& data, TrainConfig& cfg, LabelledCutouts& cutouts, LabelledCutouts& validation) {
  const DigitSplit split = split_for(data.size(), cfg);
  const auto start = Clock::now();
  cut_pages(slice(data, 0, split.train_end), cfg.cutout_pages, cfg.seed, cfg.threads, cutouts);
  cut_pages(slice(data, split.train_end, split.end), std::max(1, cfg.cutout_pages / 10), cfg.seed + 1, cfg.threads,
            validation);
  std::fprintf(stderr, "cut %d pages: %zu candidates (%zu one digit, %zu not), and %zu for validation, in %.0f s\n",
               cfg.cutout_pages, cutouts.labels.size(), cutouts.count(0), cutouts.count(1), validation.labels.size(),
               seconds_since(start));
  cfg.cutouts = &cutouts;
  cfg.validation_cutouts = &validation;
}

// Real writers' digits as the reader cuts them are whole digits; for the one-digit check, the
// shapes it cuts from drawings are not: the check learns both from the reader's own cuts of
// real-looking input.
Status cut_real_examples(const Args& args, TrainConfig& cfg, LabelledCutouts& cutouts) {
  const auto start = Clock::now();
  const size_t before = cutouts.pixels.size();
  const bool ink_crops = args.has("--ink-crops");
  if (auto st = cut_real_writers(args.get("--real"), built_in_reader, cfg.seed, cfg.threads, cutouts,
                                 report_real_writers_read, ink_crops);
      !st)
    return st;
  const size_t digits = cutouts.pixels.size() - before;
  cfg.cutouts = &cutouts;
  if (cfg.task != TrainTask::kOneDigit) {
    std::fprintf(stderr, "real writers: %zu digits read as one digit, in %.0f s\n", digits, seconds_since(start));
    return Ok{};
  }
  const int scenes = shape_scenes(args);
  if (auto st = cut_drawn_shapes(scenes, built_in_reader, cfg.seed, cfg.threads, cutouts, ink_crops); !st) return st;
  std::fprintf(stderr,
               "real writers: %zu digits read as one digit; %d drawings that are no digit: %zu cut-outs; in %.0f s\n",
               digits, scenes, cutouts.pixels.size() - before - digits, seconds_since(start));
  return Ok{};
}

Progress training_progress() {
  Progress progress;
  progress.batch = [](int epoch, int done, int total, double loss, double acc, double left) {
    std::fprintf(stderr, "\repoch %d  %d/%d batches  loss %.4f  accuracy %.2f%%  time left %dm%02ds   ", epoch, done,
                 total, loss, 100 * acc, int(left) / 60, int(left) % 60);
  };
  progress.epoch = [](const EpochReport& r) {
    std::fprintf(stderr, "\repoch %d/%d  loss %.4f  train %.2f%%  validation %.2f%%  %.0fs  time left %dm%02ds\n",
                 r.epoch, r.epochs, r.loss, 100 * r.train_accuracy, 100 * r.validation_accuracy, r.seconds,
                 int(r.seconds_left) / 60, int(r.seconds_left) % 60);
  };
  return progress;
}

// The run's settings and data, which `scrawl card` reads back, and the command as a person would
// retype it.
TrainingRecord record_of(int argc, char** argv, const Args& args, const TrainConfig& cfg, const TrainResult& trained,
                         size_t set_size) {
  TrainingRecord record;
  record.command = "build/native/scrawl train";
  for (int i = 0; i < argc; ++i) record.command += " " + shell_quote(argv[i]);
  record.run.config = cfg;
  record.run.mnist_digits = set_size;
  record.run.real_writers = args.get("--real");
  record.run.shape_scenes = args.has("--real") && cfg.task == TrainTask::kOneDigit ? shape_scenes(args) : 0;
  record.run.started_from = args.get("--from");
  record.validation_accuracy = trained.epochs.back().validation_accuracy;
  record.seconds = trained.seconds;
  return record;
}

// The folded network with its record in the metadata, written to out_path; the file's bytes.
Result<std::vector<uint8_t>> write_weights(Network folded, const TrainingRecord& record, const std::string& out_path) {
  Model model{std::move(folded), {}};
  record_training_run(record.run, model.metadata);
  // For people reading the file; `scrawl card` reads the run from the keys above.
  model.metadata["trained_with"] = record.command;
  model.metadata["validation_accuracy"] = json_number(record.validation_accuracy);
  model.metadata["training_seconds"] = json_number(record.seconds);
  const size_t params = model.network.params().size();
  std::vector<uint8_t> bytes = serialize_model(model);
  const auto out_dir = std::filesystem::path(out_path).parent_path();
  if (!out_dir.empty()) std::filesystem::create_directories(out_dir);
  if (auto st = write_file(out_path, bytes); !st) return st.error();
  std::fprintf(stderr, "wrote %s (%zu parameters, %zu bytes) in %.1f minutes\n", out_path.c_str(), params, bytes.size(),
               record.seconds / 60);
  return bytes;
}

int fail(const std::string& message, int status) {
  std::fprintf(stderr, "scrawl train: %s\n", message.c_str());
  return status;
}

}  // namespace

int cmd_train(int argc, char** argv) {
  for (int i = 0; i + 1 < argc; ++i)
    if (std::string(argv[i]) == "--task" && std::string(argv[i + 1]) == "line") return cmd_train_line(argc, argv);
  Args args;
  if (auto err = parse_args(argc, argv, kTrainValueOptions, kTrainFlags, args)) {
    std::fprintf(stderr, "scrawl train: %s\n\n%s", err->c_str(), kTrainHelp);
    return 2;
  }
  if (args.has("--help")) return std::fputs(kTrainHelp, stdout), 0;
  TrainConfig cfg;
  if (auto problem = train_config_from(args, cfg); !problem.empty()) return fail(problem, 2);
  const bool one_digit = cfg.task == TrainTask::kOneDigit;
  const std::string out_path = args.get("--out", one_digit ? "weights/one-digit.bin" : "weights/scrawl.bin");
  const std::string card_path =
      args.get("--card", (std::filesystem::path(out_path).parent_path() / "MODEL.md").string());
  Model start;
  if (!start_from_model(args, one_digit, start, cfg)) return 2;

  const std::string dir = mnist_dir(args.get("--mnist"));
  auto data = load_mnist(dir, "train");
  if (!data) return fail(data.error().message, 2);
  describe_training(*data, cfg);
  LabelledCutouts cutouts, validation_cutouts;
  if (cfg.cutout_pages > 0) cut_training_pages(*data, cfg, cutouts, validation_cutouts);
  if (args.has("--real"))
    if (auto st = cut_real_examples(args, cfg, cutouts); !st) return fail(st.error().message, 2);

  auto trained = train(*data, cfg, training_progress());
  if (!trained) return fail(trained.error().message, 1);
  auto folded = fold_batchnorm(trained->trained);
  if (!folded) return fail(folded.error().message, 1);
  const TrainingRecord record = record_of(argc, argv, args, cfg, *trained, data->size());
  auto bytes = write_weights(std::move(folded.value()), record, out_path);
  if (!bytes) return fail(bytes.error().message, 1);
  if (args.has("--no-test") || one_digit) {
    std::printf("validation %.2f%%\n", 100 * record.validation_accuracy);
    return 0;
  }
  return test_and_write_card("train", *bytes, record, dir, card_path);
}

}  // namespace scrawl::cli
