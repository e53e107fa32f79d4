#include "train_options.h"

#include <algorithm>
#include <cstdlib>

namespace scrawl::cli {

const char* const kTrainHelp =
    "usage: scrawl train --mnist DIR [options]\n"
    "\n"
    "Trains the digit model on the MNIST training set (the last 5,000 digits held out for\n"
    "validation), writes the weights file and its model card, and evaluates the MNIST test\n"
    "set once at the end. Progress (epoch, loss, accuracy, time left) goes to stderr.\n"
    "\n"
    "  --mnist DIR        folder with the MNIST IDX files (default: $SCRAWL_MNIST)\n"
    "  --task T           digits: the digit model (default); one-digit: the segmenter's check\n"
    "                     that a cut-out shows one whole digit, not two touching ones or a\n"
    "                     piece of one (writes weights/one-digit.bin, reports validation only;\n"
    "                     its defaults: 30 epochs, 10 settling, the shipped check's architecture,\n"
    "                     3000 pages of cut-outs); line: the line model, which reads a line\n"
    "                     of digits whole (see 'scrawl train --task line --help')\n"
    "  --cutout-pages N   also learn from the candidates the reader cuts from N synthetic pages\n"
    "                     written with training digits (default 0, one-digit task 3000)\n"
    "  --cutout-share X   the share of examples taken from those cut-outs (default 0.5)\n"
    "  --not-a-digit-share X  one-digit task: the share of its negatives that are shapes which\n"
    "                     are no digit (polygons, rings, scribbles, hatching, dots; default 0.2)\n"
    "  --real DIR         the digit model also learns from real writers (../shared/data/real):\n"
    "                     the training writers' digits drawn on canvases and photographed on\n"
    "                     paper, and CVL's scans of training writers, as the reader cuts them;\n"
    "                     they join the cut-outs (--cutout-share of the examples). With --task\n"
    "                     one-digit: those digits are whole digits to the check, and the cut-outs\n"
    "                     of shapes drawn on --shape-scenes canvases and photos (default 6000)\n"
    "                     are not\n"
    "  --ink-crops        with --real: also CVL's training scans cut to their ink as other\n"
    "                     scanners save them (grey, black and white, or stretched to a small\n"
    "                     square), read without the one-digit check; for --task one-digit, also\n"
    "                     a quarter as many shapes cut the same way, as not one digit\n"
    "  --from FILE        fine-tune the model in FILE (e.g. weights/scrawl.bin) instead of\n"
    "                     starting from random weights; with a lower --lr (e.g. 0.01)\n"
    "  --epochs N         passes over the training digits (default 50)\n"
    "  --seed S           random seed; the same seed gives the same weights (default 1)\n"
    "  --out FILE         weights file to write (default weights/scrawl.bin)\n"
    "  --card FILE        model card to write (default MODEL.md next to --out)\n"
    "  --threads N        worker threads (default 2)\n"
    "  --lr X             peak learning rate (default 0.1)\n"
    "  --batch N          batch size (default 128)\n"
    "  --augment LIST     all, none, or a comma list of affine,elastic,thickness,blur,noise,polarity,\n"
    "                     broken,neighbour,crossed (default all); stretched (a tenth of the digits\n"
    "                     stretched to fill a square) and bilevel (a tenth black and white only)\n"
    "                     are asked for by name\n"
    "  --augment-strength X  scales rotation, scale, shear and elastic distortion (default 0.5;\n"
    "                     at 1: ±15°, ±20%, ±0.25, elastic amplitude 20–34 px)\n"
    "  --settle-epochs N  in the last N epochs, show half of the digits undistorted (default 25)\n"
    "  --arch SPEC        architecture, layers separated by ';' (default: the shipped one)\n"
    "  --limit N          use only the first N training digits (for quick checks)\n"
    "  --no-test          do not touch the test set (for choosing settings on validation);\n"
    "                     `scrawl card` evaluates the chosen weights on it afterwards\n";

const std::vector<std::string> kTrainValueOptions = {"--mnist",
                                                     "--epochs",
                                                     "--seed",
                                                     "--out",
                                                     "--card",
                                                     "--threads",
                                                     "--lr",
                                                     "--batch",
                                                     "--augment-strength",
                                                     "--settle-epochs",
                                                     "--arch",
                                                     "--limit",
                                                     "--augment",
                                                     "--task",
                                                     "--cutout-pages",
                                                     "--cutout-share",
                                                     "--real",
                                                     "--not-a-digit-share",
                                                     "--shape-scenes",
                                                     "--from"};
const std::vector<std::string> kTrainFlags = {"--help", "--no-test", "--ink-crops"};

namespace {

bool parse_int(const std::string& s, long lo, long hi, long& out) {
  char* end = nullptr;
  out = std::strtol(s.c_str(), &end, 10);
  return !s.empty() && *end == 0 && out >= lo && out <= hi;
}

}  // namespace

std::string train_config_from(const Args& args, TrainConfig& cfg) {
  long v;
  std::string problem;
  auto int_option = [&](const char* name, long lo, long hi, auto& field) {
    if (!args.has(name) || !problem.empty()) return;
    if (!parse_int(args.get(name), lo, hi, v))
      problem = std::string(name) + " must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
    else field = decltype(field + 0)(v);
  };
  if (args.has("--task")) {
    const std::string task = args.get("--task");
    if (task == "one-digit") {
      // The shipped check's recipe; the options below override it.
      cfg.task = TrainTask::kOneDigit;
      cfg.architecture = kOneDigitArchitecture;
      cfg.epochs = 30;
      cfg.settle_epochs = 10;
      cfg.cutout_pages = 3000;
      cfg.not_a_digit_share = 0.2f;
    } else if (task != "digits") {
      return "--task must be digits or one-digit";
    }
  }
  int_option("--epochs", 1, 1000, cfg.epochs);
  int_option("--threads", 1, 64, cfg.threads);
  int_option("--batch", 2, 4096, cfg.batch);
  int_option("--limit", 0, 1000000, cfg.limit);
  int_option("--settle-epochs", 0, 1000, cfg.settle_epochs);
  int_option("--cutout-pages", 0, 1000000, cfg.cutout_pages);
  if (!problem.empty()) return problem;
  if (args.has("--seed")) cfg.seed = std::strtoull(args.get("--seed").c_str(), nullptr, 10);
  if (args.has("--lr")) cfg.learning_rate = std::strtof(args.get("--lr").c_str(), nullptr);
  if (args.has("--arch")) cfg.architecture = args.get("--arch");
  if (args.has("--cutout-share")) cfg.cutout_share = std::strtof(args.get("--cutout-share").c_str(), nullptr);
  if (!(cfg.cutout_share >= 0.0f && cfg.cutout_share <= 1.0f)) return "--cutout-share must be a number from 0 to 1";
  if (args.has("--not-a-digit-share"))
    cfg.not_a_digit_share = std::strtof(args.get("--not-a-digit-share").c_str(), nullptr);
  if (!(cfg.not_a_digit_share >= 0.0f && cfg.not_a_digit_share <= 1.0f))
    return "--not-a-digit-share must be a number from 0 to 1";
  if (args.has("--augment-strength"))
    cfg.augment.strength = std::strtof(args.get("--augment-strength").c_str(), nullptr);
  if (!(cfg.augment.strength >= 0.0f && cfg.augment.strength <= 3.0f))
    return "--augment-strength must be a number from 0 to 3";
  if (args.has("--augment") && !AugmentOptions::parse(args.get("--augment"), cfg.augment))
    return "--augment takes all, none or a list of affine,elastic,thickness,blur,noise,polarity,broken,neighbour,crossed";
  return "";
}

namespace {

bool is_output_option(const std::string& option) {
  return option == "--out" || option == "--card" || option == "--no-test";
}

bool takes_value(const std::string& option) {
  return std::find(kTrainValueOptions.begin(), kTrainValueOptions.end(), option) != kTrainValueOptions.end();
}

}  // namespace

std::string reproducing_command(const std::string& recorded) {
  const std::vector<std::string> words = shell_split(recorded);
  std::string kept = "build/native/scrawl train";
  for (size_t i = 2; i < words.size(); ++i) {
    if (is_output_option(words[i])) {
      i += takes_value(words[i]) ? 1 : 0;
      continue;
    }
    kept += " " + shell_quote(words[i]);
    if (takes_value(words[i]) && i + 1 < words.size()) kept += " " + shell_quote(words[++i]);
  }
  return kept;
}

}  // namespace scrawl::cli
