#include "train_line.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "cli.h"
#include "core/json_text.h"
#include "data/encode.h"
#include "data/mnist.h"
#include "decode/decode.h"
#include "nn/weights_file.h"
#include "real/cheque_amounts.h"
#include "real/cvl_digits.h"
#include "real/pen_samples.h"
#include "real/writer_split.h"
#include "train/line_trainer.h"

namespace scrawl::cli {
namespace {

const char* kHelp =
    "usage: scrawl train --task line --real DIR [--mnist DIR] [options]\n"
    "\n"
    "Trains the line model, which reads a line of digits without cutting it (CTC over its\n"
    "columns), on the training part of the real cheque amounts (ORAND-CAR-A in DIR), on numbers\n"
    "composed from their digits and from MNIST's training digits, and on numbers written in one\n"
    "hand from the training writers' pen trajectories (DIR/strokes). After each epoch it\n"
    "prints the share of the 'develop' cheques read exactly. Progress goes to stderr.\n"
    "\n"
    "  --real DIR        the real-data folder (default: $SCRAWL_REAL)\n"
    "  --mnist DIR       MNIST, for composed numbers (default: $SCRAWL_MNIST; none: without)\n"
    "  --epochs N        (default 30)\n"
    "  --examples N      lines per epoch (default 20000)\n"
    "  --real-share X    the share of examples that are real amounts (default 0.45)\n"
    "  --mnist-share X   of the composed numbers' digits, the share from MNIST (default 0.4)\n"
    "  --pen-share X     of the composed numbers, the share in one pen writer's hand (default 0.4)\n"
    "  --pen-scene-share X  of those, the share made as whole scans or photos (default 0.5)\n"
    "  --lr X            peak learning rate (default 0.05)\n"
    "  --batch N         (default 32)\n"
    "  --seed S          (default 1)\n"
    "  --threads N       (default 2)\n"
    "  --out FILE        weights file to write (default weights/line.bin)\n"
    "  --arch SPEC       the layers, as the weights file writes them (default: the shipped\n"
    "                    model's); it must end in colmean, then conv 11 1\n"
    "  --from FILE       fine-tune the line model in FILE (e.g. weights/line.bin) instead of\n"
    "                    starting from random weights; with a lower --lr (e.g. 0.01)\n"
    "  --preview DIR     write 64 training lines as the model sees them to DIR (PNG, with\n"
    "                    their digits in the names), and train nothing\n";

Result<std::vector<WrittenLine>> cheque_lines(const std::vector<real::ChequeAmount>& amounts, real::WriterUse use) {
  std::vector<WrittenLine> lines;
  for (const auto& a : amounts) {
    if (real::writer_use(a.key) != use) continue;
    std::ifstream in(a.file, std::ios::binary);
    std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto image = decode_image(bytes);
    if (!image) return make_error(ErrorCode::kBadArgument, "cannot read " + a.file + ": " + image.error().message);
    lines.push_back({std::move(image.value()), a.digits, a.boxes});
  }
  return lines;
}

int fail(const std::string& message, int status) {
  std::fprintf(stderr, "scrawl train --task line: %s\n", message.c_str());
  return status;
}

// The options read into cfg; false, with the problem printed, when one is out of range.
bool line_config_from(const Args& args, LineTrainConfig& cfg) {
  cfg.architecture = args.get("--arch", kLineArchitecture);
  cfg.epochs = std::atoi(args.get("--epochs", "30").c_str());
  cfg.examples_per_epoch = std::atoi(args.get("--examples", "20000").c_str());
  cfg.batch = std::atoi(args.get("--batch", "32").c_str());
  cfg.threads = std::atoi(args.get("--threads", "2").c_str());
  cfg.seed = std::strtoull(args.get("--seed", "1").c_str(), nullptr, 10);
  cfg.learning_rate = std::strtof(args.get("--lr", "0.05").c_str(), nullptr);
  cfg.shares.real = std::strtof(args.get("--real-share", "0.45").c_str(), nullptr);
  cfg.shares.mnist_digits = std::strtof(args.get("--mnist-share", "0.4").c_str(), nullptr);
  cfg.shares.pen_lines = std::strtof(args.get("--pen-share", "0.4").c_str(), nullptr);
  cfg.shares.pen_scenes = std::strtof(args.get("--pen-scene-share", "0.5").c_str(), nullptr);
  if (cfg.epochs < 1 || cfg.epochs > 1000 || cfg.examples_per_epoch < cfg.batch || cfg.batch < 2 || cfg.batch > 4096 ||
      cfg.threads < 1 || cfg.threads > 64 || !(cfg.learning_rate > 0) ||
      !(cfg.shares.real >= 0 && cfg.shares.real <= 1) ||
      !(cfg.shares.mnist_digits >= 0 && cfg.shares.mnist_digits <= 1) ||
      !(cfg.shares.pen_lines >= 0 && cfg.shares.pen_lines <= 1) ||
      !(cfg.shares.pen_scenes >= 0 && cfg.shares.pen_scenes <= 1)) {
    std::fprintf(stderr,
                 "scrawl train --task line: --epochs is 1 to 1000, --batch 2 to 4096 and at most --examples, "
                 "--threads 1 to 64, --lr above 0, the shares from 0 to 1\n");
    return false;
  }
  return true;
}

// What the line model learns from.
struct LineData {
  std::vector<WrittenLine> lines, validation;  // the training and the develop cheques
  DigitSet mnist;                              // empty: without
  std::vector<real::PenSample> pens;           // the training writers' only
};

Status load_line_data(const Args& args, const LineTrainConfig& cfg, LineData& data) {
  const std::string dir = real::real_dir(args.get("--real"));
  if (dir.empty())
    return make_error(ErrorCode::kBadArgument, "no real-data folder given: pass --real DIR or set SCRAWL_REAL");
  auto amounts = real::load_cheque_amounts(dir);
  if (!amounts) return amounts.error();
  auto lines = cheque_lines(*amounts, real::WriterUse::kTrain);
  auto validation = lines ? cheque_lines(*amounts, real::WriterUse::kDevelop) : lines;
  if (!lines || !validation) return (lines ? validation : lines).error();
  data.lines = std::move(lines.value());
  data.validation = std::move(validation.value());
  const std::string mnist_path = args.get("--mnist") == "none" ? "" : mnist_dir(args.get("--mnist"));
  if (!mnist_path.empty()) {
    auto loaded = load_mnist(mnist_path, "train");
    if (!loaded) return loaded.error();
    data.mnist = std::move(loaded.value());
  }
  // Only the writers models may learn from; the others' numbers are what eval --numbers reads.
  if (cfg.shares.pen_lines > 0) {
    auto all = real::load_all_pen_samples(dir);
    if (!all) return all.error();
    for (auto& s : *all)
      if (real::writer_use(s.writer) == real::WriterUse::kTrain) data.pens.push_back(std::move(s));
  }
  return Ok{};
}

// --preview: 64 training lines as the model sees them, as PNGs named by their digits.
int write_preview(const std::filesystem::path& folder, const LineData& data, const LineTrainConfig& cfg) {
  std::filesystem::create_directories(folder);
  LineExampleMaker maker(data.lines, data.mnist.size() ? &data.mnist : nullptr, cfg.shares);
  maker.use_pen_writers(data.pens);
  std::vector<float> frame(size_t(kLineHeight) * kLineWidth);
  std::vector<int> labels;
  GrayImage img(kLineWidth, kLineHeight);
  for (int i = 0; i < 64; ++i) {
    Rng rng(cfg.seed, 77, uint64_t(i));
    maker.make(rng, frame.data(), labels);
    for (size_t j = 0; j < frame.size(); ++j) img.pixels[j] = uint8_t(255 - std::lround(255 * frame[j]));
    std::string name = std::to_string(i) + "_";
    for (int d : labels) name += char('0' + d);
    if (auto st = write_file((folder / (name + ".png")).string(), encode_png(img)); !st)
      return fail(st.error().message, 1);
  }
  std::fprintf(stderr, "wrote 64 training lines to %s (%zu real amounts, %zu of their digits, %zu pen writers)\n",
               folder.c_str(), maker.real_count(), maker.glyph_count(), maker.pen_writer_count());
  return 0;
}

Result<LineTrainResult> train_on(const LineData& data, const LineTrainConfig& cfg) {
  std::fprintf(stderr,
               "training the line model on %zu cheque amounts and numbers composed from their digits%s and "
               "%zu pen samples; %d epochs of %d lines; %zu develop cheques for validation\n",
               data.lines.size(), data.mnist.size() ? " and MNIST's" : "", data.pens.size(), cfg.epochs,
               cfg.examples_per_epoch, data.validation.size());
  return train_lines(
      data.lines, data.mnist.size() ? &data.mnist : nullptr, data.pens.empty() ? nullptr : &data.pens, data.validation,
      cfg,
      [](const LineEpochReport& r) {
        std::fprintf(stderr, "\repoch %d/%d  loss %.4f  develop cheques exact %.2f%%  %.0fs  time left %dm%02ds\n",
                     r.epoch, r.epochs, r.loss, 100 * r.validation_exact, r.seconds, int(r.seconds_left) / 60,
                     int(r.seconds_left) % 60);
      },
      [](int epoch, int done, int total, double loss) {
        std::fprintf(stderr, "\repoch %d  %d/%d batches  loss %.4f   ", epoch, done, total, loss);
      });
}

// The folded network with the command and the run's result in its metadata, written to `out`.
int write_line_weights(Network folded, const LineTrainResult& trained, int argc, char** argv, const std::string& out) {
  std::string command = "build/native/scrawl train";
  for (int i = 0; i < argc; ++i) command += " " + shell_quote(argv[i]);
  Model model{std::move(folded), {}};
  model.metadata["trained_with"] = command;
  model.metadata["develop_cheques_exact"] = json_number(trained.epochs.back().validation_exact);
  model.metadata["training_seconds"] = json_number(trained.seconds);
  const std::vector<uint8_t> bytes = serialize_model(model);
  const auto out_dir = std::filesystem::path(out).parent_path();
  if (!out_dir.empty()) std::filesystem::create_directories(out_dir);
  if (auto st = write_file(out, bytes); !st) return fail(st.error().message, 1);
  std::fprintf(stderr, "wrote %s (%zu parameters, %zu bytes) in %.1f minutes\n", out.c_str(),
               model.network.params().size(), bytes.size(), trained.seconds / 60);
  std::printf("develop cheques read exactly: %.2f%%\n", 100 * trained.epochs.back().validation_exact);
  return 0;
}

}  // namespace

int cmd_train_line(int argc, char** argv) {
  Args args;
  if (auto err = parse_args(
          argc, argv,
          {"--task", "--real", "--mnist", "--epochs", "--examples", "--real-share", "--mnist-share", "--pen-share",
           "--pen-scene-share", "--lr", "--batch", "--seed", "--threads", "--out", "--preview", "--from", "--arch"},
          {"--help"}, args)) {
    std::fprintf(stderr, "scrawl train --task line: %s\n\n%s", err->c_str(), kHelp);
    return 2;
  }
  if (args.has("--help")) return std::fputs(kHelp, stdout), 0;
  LineTrainConfig cfg;
  if (!line_config_from(args, cfg)) return 2;
  LineData data;
  if (auto st = load_line_data(args, cfg, data); !st) return fail(st.error().message, 2);
  if (args.has("--preview")) return write_preview(args.get("--preview"), data, cfg);
  Model start;
  if (args.has("--from")) {
    auto bytes = read_file(args.get("--from"));
    auto model = bytes ? parse_model(*bytes) : Result<Model>(bytes.error());
    if (!model) return fail("--from " + args.get("--from") + ": " + model.error().message, 2);
    start = std::move(model.value());
    cfg.start = &start.network;
  }

  auto trained = train_on(data, cfg);
  if (!trained) return fail(trained.error().message, 1);
  auto batchnorm_folded = fold_batchnorm(trained->trained);
  auto folded = batchnorm_folded ? compact_row_convs(*batchnorm_folded) : batchnorm_folded;
  if (!folded) return fail(folded.error().message, 1);
  return write_line_weights(std::move(folded.value()), *trained, argc, argv, args.get("--out", "weights/line.bin"));
}

}  // namespace scrawl::cli
