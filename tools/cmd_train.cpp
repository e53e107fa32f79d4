#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "cli.h"
#include "commands.h"
#include "evaluation.h"
#include "model_card.h"
#include "recognizer.h"
#include "robustness.h"
#include "train/mnist.h"
#include "train/trainer.h"
#include "weights_file.h"

namespace scrawl::cli {
namespace {

const char* kHelp =
    "usage: scrawl train --mnist DIR [options]\n"
    "\n"
    "Trains the digit model on the MNIST training set (the last 5,000 digits held out for\n"
    "validation), writes the weights file and its model card, and evaluates the MNIST test\n"
    "set once at the end. Progress (epoch, loss, accuracy, time left) goes to stderr.\n"
    "\n"
    "  --mnist DIR        folder with the MNIST IDX files (default: $SCRAWL_MNIST)\n"
    "  --epochs N         passes over the training digits (default 40)\n"
    "  --seed S           random seed; the same seed gives the same weights (default 1)\n"
    "  --out FILE         weights file to write (default weights/scrawl.bin)\n"
    "  --card FILE        model card to write (default MODEL.md next to --out)\n"
    "  --threads N        worker threads (default 2)\n"
    "  --lr X             peak learning rate (default 0.1)\n"
    "  --batch N          batch size (default 128)\n"
    "  --augment LIST     all, none, or a comma list of affine,elastic,thickness,blur,noise,polarity\n"
    "                     (default all)\n"
    "  --augment-strength X  scales rotation, scale, shear and elastic distortion (default 0.5;\n"
    "                     at 1: ±15°, ±20%, ±0.25, elastic amplitude 20–34 px)\n"
    "  --arch SPEC        architecture, layers separated by ';' (default: the shipped one)\n"
    "  --limit N          use only the first N training digits (for quick checks)\n"
    "  --no-test          do not touch the test set (for choosing settings on validation)\n";

bool parse_int(const std::string& s, long lo, long hi, long& out) {
  char* end = nullptr;
  out = std::strtol(s.c_str(), &end, 10);
  return !s.empty() && *end == 0 && out >= lo && out <= hi;
}

}  // namespace

int cmd_train(int argc, char** argv) {
  Args args;
  if (auto err = parse_args(argc, argv,
                            {"--mnist", "--epochs", "--seed", "--out", "--card", "--threads", "--lr", "--batch",
                             "--augment", "--augment-strength", "--arch", "--limit"},
                            {"--help", "--no-test"}, args)) {
    std::fprintf(stderr, "scrawl train: %s\n\n%s", err->c_str(), kHelp);
    return 2;
  }
  if (args.has("--help")) return std::fputs(kHelp, stdout), 0;

  TrainConfig cfg;
  long v;
  auto int_option = [&](const char* name, long lo, long hi, auto& field) {
    if (!args.has(name)) return true;
    if (!parse_int(args.get(name), lo, hi, v)) {
      std::fprintf(stderr, "scrawl train: %s must be a whole number from %ld to %ld\n", name, lo, hi);
      return false;
    }
    field = decltype(field + 0)(v);
    return true;
  };
  if (!int_option("--epochs", 1, 1000, cfg.epochs) || !int_option("--threads", 1, 64, cfg.threads) ||
      !int_option("--batch", 2, 4096, cfg.batch) || !int_option("--limit", 0, 1000000, cfg.limit))
    return 2;
  if (args.has("--seed")) cfg.seed = std::strtoull(args.get("--seed").c_str(), nullptr, 10);
  if (args.has("--lr")) cfg.learning_rate = std::strtof(args.get("--lr").c_str(), nullptr);
  if (args.has("--arch")) cfg.architecture = args.get("--arch");
  if (args.has("--augment-strength")) cfg.augment.strength = std::strtof(args.get("--augment-strength").c_str(), nullptr);
  if (!(cfg.augment.strength >= 0.0f && cfg.augment.strength <= 3.0f)) {
    std::fprintf(stderr, "scrawl train: --augment-strength must be a number from 0 to 3\n");
    return 2;
  }
  if (args.has("--augment") && !AugmentOptions::parse(args.get("--augment"), cfg.augment)) {
    std::fprintf(stderr, "scrawl train: --augment takes all, none or a list of affine,elastic,thickness,blur,noise,polarity\n");
    return 2;
  }
  const std::string out_path = args.get("--out", "weights/scrawl.bin");
  const std::string card_path =
      args.get("--card", (std::filesystem::path(out_path).parent_path() / "MODEL.md").string());

  const std::string dir = mnist_dir(args.get("--mnist"));
  auto data = load_mnist(dir, "train");
  if (!data) {
    std::fprintf(stderr, "scrawl train: %s\n", data.error().message.c_str());
    return 2;
  }
  std::fprintf(stderr, "training on %zu MNIST digits, %d epochs, %d threads, augmentation: %s\n", data->size(),
               cfg.epochs, cfg.threads, cfg.augment.describe().c_str());

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
  auto trained = train(*data, cfg, progress);
  if (!trained) {
    std::fprintf(stderr, "scrawl train: %s\n", trained.error().message.c_str());
    return 1;
  }
  auto folded = fold_batchnorm(trained->trained);
  if (!folded) {
    std::fprintf(stderr, "scrawl train: %s\n", folded.error().message.c_str());
    return 1;
  }

  std::string command = "build/native/scrawl train";
  for (int i = 0; i < argc; ++i) command += std::string(" ") + argv[i];
  Model model{std::move(folded.value()), {}};
  model.metadata["trained_with"] = command;
  model.metadata["validation_accuracy"] = json_number(trained->epochs.back().validation_accuracy);
  const size_t params = model.network.params().size();
  std::vector<uint8_t> bytes = serialize_model(model);
  if (!out_path.empty()) std::filesystem::create_directories(std::filesystem::path(out_path).parent_path().empty() ? "." : std::filesystem::path(out_path).parent_path());
  if (auto st = write_file(out_path, bytes); !st) {
    std::fprintf(stderr, "scrawl train: %s\n", st.error().message.c_str());
    return 1;
  }
  std::fprintf(stderr, "wrote %s (%zu parameters, %zu bytes) in %.1f minutes\n", out_path.c_str(), params,
               bytes.size(), trained->seconds / 60);
  if (args.has("--no-test")) return 0;

  auto test = load_mnist(dir, "t10k");
  auto recognizer = Recognizer::from_weights(bytes);
  if (!test || !recognizer) {
    std::fprintf(stderr, "scrawl train: %s\n", (!test ? test.error() : recognizer.error()).message.c_str());
    return 1;
  }
  const Evaluation e = evaluate_mnist(**recognizer, *test);
  std::printf("validation %.2f%%, MNIST test %.2f%%, ECE %.2f%%\n", 100 * trained->epochs.back().validation_accuracy,
              100 * e.accuracy(), 100 * e.ece);

  ModelCardFacts facts;
  facts.command = command;
  facts.config = cfg;
  facts.parameters = params;
  facts.file_bytes = bytes.size();
  facts.architecture = model.network.spec();
  facts.validation_accuracy = trained->epochs.back().validation_accuracy;
  facts.test_accuracy = e.accuracy();
  facts.ece = e.ece;
  facts.seconds = trained->seconds;
  facts.confusion = format_confusion(e);
  facts.unsure_below = (*recognizer)->unsure_threshold();
  facts.unsure = e.unsure, facts.unsure_wrong = e.unsure_wrong, facts.test_count = e.count, facts.test_correct = e.correct;
  std::fprintf(stderr, "robustness evaluation (10 transforms of the test digits)...\n");
  facts.robustness = evaluate_robustness(**recognizer, *test, 0);
  const size_t used = cfg.limit > 0 ? std::min(data->size(), size_t(cfg.limit)) : data->size();
  facts.validation_digits = std::min<size_t>(size_t(cfg.validation), used / 5);
  facts.train_digits = used - facts.validation_digits;
  for (const char* name : {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                           "t10k-labels-idx1-ubyte"}) {
    auto md5 = mnist_file_md5(dir, name);
    facts.md5_lines += std::string("| ") + name + " | " + (md5 ? *md5 : "?") + " |\n";
  }
  if (auto st = write_model_card(card_path, facts); !st) {
    std::fprintf(stderr, "scrawl train: %s\n", st.error().message.c_str());
    return 1;
  }
  std::fprintf(stderr, "wrote %s\n", card_path.c_str());
  return 0;
}

}  // namespace scrawl::cli
