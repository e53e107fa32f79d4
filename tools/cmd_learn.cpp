// `scrawl samples` writes the digits of the writers `npm run eval:learning` teaches, one samples
// file each; `scrawl teach` teaches the model one person's samples file, as the page does, and
// writes the personal model.
#include <cstdio>
#include <filesystem>
#include <string>

#include "cli.h"
#include "commands.h"
#include "evaluate/learning_writers.h"
#include "learn/teaching.h"
#include "nn/weights_file.h"
#include "real/cvl_digits.h"
#include "real/writer_split.h"
#include "sample_file.h"
#include "train/mnist_preparer.h"
#include "train/trainer.h"

namespace scrawl::cli {
namespace {

const char* kSamplesHelp =
    "usage: scrawl samples [--real DIR] [--mnist DIR] [--drawn N [--hand NAME]] --out DIR [--min-per-digit N] [--per-digit N]\n"
    "\n"
    "Writes one samples file (as the page exports a person's corrections) for each pen writer of the\n"
    "real-data folder with at least N (30) digits of each kind, drawn on a canvas and cut as the\n"
    "page cuts a drawing, and with --mnist for five synthetic writers: MNIST test digits, each\n"
    "writer's bent one way (N = 40 of each kind apiece). --drawn N: the same five hands writing N digits\n"
    "of each kind drawn by code (no data set needed; for tests); --hand: only the one named (far-slant,\n"
    "sideways, wavy, squat-bold, thin-leaning-left).\n";

const char* kTeachHelp =
    "usage: scrawl teach SAMPLES.json [--weights FILE] [--out FILE] [--teach-per-digit N] [--all-layers]\n"
    "                   [--steps N] [--rate R] [--keep-near K] [--copies N] [--rehearsal-weight W]\n"
    "\n"
    "Teaches the model (the built-in one, or --weights) a person's handwriting from a samples file\n"
    "exported by the page, beside digits drawn by code so that it does not forget other hands.\n"
    "With --teach-per-digit N it learns from the first N samples of each digit and is judged on\n"
    "the rest; otherwise a quarter of each digit's samples is held back to judge it. Prints the\n"
    "verdict (--mnist DIR: and the accuracy on MNIST's test digits before and after); --out writes the personal model (for `scrawl recognize --weights`) if it is kept.\n"
    "The rest are the page's teaching settings: batches (0: by the number of samples), learning\n"
    "rate, pull back toward the start, moved copies of each sample, weight of the rehearsal set.\n";

}  // namespace

int cmd_samples(int argc, char** argv) {
  Args args;
  if (auto err = parse_args(argc, argv,
                            {"--real", "--mnist", "--drawn", "--hand", "--out", "--min-per-digit", "--per-digit"},
                            {"--help"}, args)) {
    std::fprintf(stderr, "scrawl samples: %s\n\n%s", err->c_str(), kSamplesHelp);
    return 2;
  }
  if (args.has("--help")) return std::fputs(kSamplesHelp, stdout), 0;
  const std::string real = real::real_dir(args.get("--real")), out = args.get("--out");
  const std::string mnist = mnist_dir(args.get("--mnist"));
  const int drawn = std::stoi(args.get("--drawn", "0"));
  if ((real.empty() && mnist.empty() && !drawn) || out.empty())
    return std::fprintf(stderr, "scrawl samples: give --real DIR, --mnist DIR or --drawn N, and --out DIR\n"), 2;
  auto reader = load_recognizer("");
  if (!reader) return std::fprintf(stderr, "scrawl samples: %s\n", reader.error().message.c_str()), 1;
  std::vector<WriterSamples> writers;
  if (!real.empty()) {
    auto pens = real::load_all_pen_samples(real);
    if (!pens) return std::fprintf(stderr, "scrawl samples: %s\n", pens.error().message.c_str()), 2;
    writers = real_learning_writers(*pens, **reader, std::stoi(args.get("--min-per-digit", "30")), 1);
  }
  if (!mnist.empty()) {
    auto test = load_mnist(mnist, "t10k");
    if (!test) return std::fprintf(stderr, "scrawl samples: %s\n", test.error().message.c_str()), 2;
    for (auto& w : synthetic_learning_writers(*test, **reader, std::stoi(args.get("--per-digit", "40"))))
      writers.push_back(std::move(w));
  }
  if (drawn > 0)
    for (auto& w : drawn_learning_writers(**reader, drawn, 1, args.get("--hand"))) writers.push_back(std::move(w));
  std::filesystem::create_directories(out);
  for (const WriterSamples& w : writers) {
    std::string name = w.name;
    for (char& c : name)
      if (c == ':' || c == '/') c = '_';
    const bool real_writer = w.name.rfind("synthetic:", 0) != 0 && w.name.rfind("drawn:", 0) != 0;
    const std::string split = real_writer ? real::writer_use_name(real::writer_use(w.name)) : "";
    const std::string json = samples_json({w.name, split, w.samples});
    if (auto st = write_file(out + "/" + name + ".json", std::vector<uint8_t>(json.begin(), json.end())); !st)
      return std::fprintf(stderr, "scrawl samples: %s\n", st.error().message.c_str()), 1;
    // Which part of the writer split a real writer is in: the shipped models may have learnt
    // from "train" writers' digits, never from the others'.
    std::printf("%s: %zu samples%s\n", w.name.c_str(), w.samples.size(),
                split.empty() ? "" : (" (" + split + " writer)").c_str());
  }
  return 0;
}

int cmd_teach(int argc, char** argv) {
  Args args;
  if (auto err = parse_args(argc, argv,
                            {"--weights", "--out", "--mnist", "--teach-per-digit", "--steps", "--rate", "--keep-near",
                             "--copies", "--rehearsal-weight"},
                            {"--help", "--all-layers"}, args)) {
    std::fprintf(stderr, "scrawl teach: %s\n\n%s", err->c_str(), kTeachHelp);
    return 2;
  }
  if (args.has("--help")) return std::fputs(kTeachHelp, stdout), 0;
  if (args.positional.size() != 1)
    return std::fprintf(stderr, "scrawl teach: give one samples file\n\n%s", kTeachHelp), 2;
  auto bytes = read_file(args.positional[0]);
  if (!bytes) return std::fprintf(stderr, "scrawl teach: %s\n", bytes.error().message.c_str()), 2;
  auto file = parse_samples_json(std::string(bytes->begin(), bytes->end()));
  if (!file)
    return std::fprintf(stderr, "scrawl teach: %s: %s\n", args.positional[0].c_str(), file.error().message.c_str()), 2;
  auto reader = load_recognizer(args.get("--weights"));
  if (!reader) return std::fprintf(stderr, "scrawl teach: %s\n", reader.error().message.c_str()), 2;
  // The first N of each digit to learn from, the rest to judge by; or a quarter held back.
  const int per_digit = std::stoi(args.get("--teach-per-digit", "0"));
  std::vector<learn::Sample> teach, check;
  int seen[10] = {};
  for (const learn::Sample& s : file->samples) {
    const int k = seen[s.label]++;
    (per_digit > 0 ? k < per_digit : k % 4 != 3) ? teach.push_back(s) : check.push_back(s);
  }
  learn::TeachOptions options;
  options.all_layers = args.has("--all-layers");
  options.steps = std::stoi(args.get("--steps", "0"));
  options.learning_rate = std::stof(args.get("--rate", std::to_string(options.learning_rate)));
  options.keep_near = std::stof(args.get("--keep-near", std::to_string(options.keep_near)));
  options.rehearsal_weight = std::stof(args.get("--rehearsal-weight", std::to_string(options.rehearsal_weight)));
  options.copies = std::stoi(args.get("--copies", std::to_string(options.copies)));
  auto teaching = learn::Teaching::create((*reader)->model().network, teach, check, options);
  if (!teaching) return std::fprintf(stderr, "scrawl teach: %s\n", teaching.error().message.c_str()), 2;
  while (!(*teaching)->finished()) (*teaching)->step();
  const learn::Verdict v = (*teaching)->judge();
  std::printf("%s: taught %zu, held back %d: %d right before, %d after; rehearsal %.2f%% -> %.2f%%\n%s\n",
              file->writer.c_str(), teach.size(), v.checked, v.right_before, v.right_after, 100 * v.rehearsal_before,
              100 * v.rehearsal_after, v.why.c_str());
  if (const std::string dir = mnist_dir(args.get("--mnist")); !dir.empty()) {
    auto test = load_mnist(dir, "t10k");
    if (!test) return std::fprintf(stderr, "scrawl teach: %s\n", test.error().message.c_str()), 2;
    MnistPreparer prep;
    std::vector<DigitPixels> digits(test->size());
    for (size_t i = 0; i < digits.size(); ++i) prep.prepare(test->image(i), digits[i]);
    std::printf("MNIST test: %.2f%% -> %.2f%%\n", 100 * accuracy((*reader)->model().network, digits, test->labels),
                100 * accuracy((*teaching)->model(), digits, test->labels));
  }
  if (args.has("--out") && v.keep) {
    Model personal{(*teaching)->model(), (*reader)->model().metadata};
    personal.metadata["personal"] = "taught " + std::to_string(teach.size()) + " samples";
    if (auto st = write_file(args.get("--out"), serialize_model(personal, TensorType::kInt8)); !st)
      return std::fprintf(stderr, "scrawl teach: %s\n", st.error().message.c_str()), 1;
  }
  return 0;
}

}  // namespace scrawl::cli
