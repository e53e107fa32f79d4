#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "cli.h"
#include "commands.h"
#include "data/mnist.h"
#include "eval_amounts.h"
#include "eval_numbers.h"
#include "eval_real.h"
#include "eval_strings.h"
#include "evaluate/mnist_eval.h"
#include "evaluate/robustness_eval.h"
#include "recognize/recognizer.h"
#include "report.h"

namespace scrawl::cli {
namespace {

const char* kHelp =
    "usage: scrawl eval --mnist DIR [--weights FILE] [--robustness] [--report DIR] [--limit N]\n"
    "\n"
    "Runs the 10,000 MNIST test digits through the whole pipeline (preprocessing and model)\n"
    "and prints the accuracy, the expected calibration error (ECE), how many digits are marked\n"
    "unsure, the confusion matrix and the time taken.\n"
    "\n"
    "  --mnist DIR      folder with the MNIST IDX files (default: $SCRAWL_MNIST)\n"
    "  --weights FILE   evaluate this model instead of the one built in\n"
    "  --robustness     also the accuracy after each transform a user's input goes through\n"
    "                   (paper, thicker, thinner, large canvas, low contrast, JPEG, noise, rotation,\n"
    "                   border, ruled line)\n"
    "  --report DIR     write a Markdown report with images to DIR\n"
    "  --limit N        robustness on the first N test digits only (default: all)\n"
    "  --strings        read whole numbers on synthetic photos instead: see 'scrawl eval --strings --help'\n"
    "  --real DIR       read real writers' digits (canvas, photo, scan) instead: see 'scrawl eval --real DIR --help'\n"
    "  --amounts        with --real DIR: read real cheque amounts instead: see 'scrawl eval --amounts --help'\n"
    "  --numbers        with --real DIR: read 5-10 digit numbers in real writers' hands as scans and photos\n"
    "                   instead: see 'scrawl eval --numbers --help'\n";

}  // namespace

int cmd_eval(int argc, char** argv) {
  // The whole-number reading test has its own options: see eval_strings.cpp.
  for (int i = 0; i < argc; ++i)
    if (std::string(argv[i]) == "--strings") return cmd_eval_strings(argc, argv);
  for (int i = 0; i < argc; ++i)
    if (std::string(argv[i]) == "--amounts") return cmd_eval_amounts(argc, argv);
  for (int i = 0; i < argc; ++i)
    if (std::string(argv[i]) == "--numbers") return cmd_eval_numbers(argc, argv);
  for (int i = 0; i < argc; ++i)
    if (std::string(argv[i]) == "--real") return cmd_eval_real(argc, argv);
  Args args;
  if (auto err =
          parse_args(argc, argv, {"--mnist", "--weights", "--report", "--limit"}, {"--help", "--robustness"}, args)) {
    std::fprintf(stderr, "scrawl eval: %s\n\n%s", err->c_str(), kHelp);
    return 2;
  }
  if (args.has("--help")) return std::fputs(kHelp, stdout), 0;
  auto recognizer = load_recognizer(args.get("--weights"));
  if (!recognizer) {
    std::fprintf(stderr, "scrawl eval: %s\n", recognizer.error().message.c_str());
    return 2;
  }
  auto test = load_mnist(mnist_dir(args.get("--mnist")), "t10k");
  if (!test) {
    std::fprintf(stderr, "scrawl eval: %s\n", test.error().message.c_str());
    return 2;
  }
  const int threads = evaluation_threads();
  const std::string weights = args.get("--weights");
  auto evaluated = evaluate_mnist([&] { return load_recognizer(weights); }, *test, threads);
  if (!evaluated) {
    std::fprintf(stderr, "scrawl eval: %s\n", evaluated.error().message.c_str());
    return 2;
  }
  const MnistEvaluation& e = *evaluated;
  std::printf("MNIST test: %zu digits, %zu correct, accuracy %.2f%%, ECE %.2f%%\n", e.count, e.correct,
              100.0 * e.accuracy(), 100.0 * e.ece);
  if (e.rejected) std::printf("no digit found in %zu test images\n", e.rejected);
  std::printf(
      "unsure (confidence below %.2f): %zu digits, of which %zu wrong; accuracy of the rest %.2f%%\n",
      double((*recognizer)->unsure_threshold()), e.unsure, e.unsure_wrong,
      e.count > e.unsure ? 100.0 * double(e.correct - (e.unsure - e.unsure_wrong)) / double(e.count - e.unsure) : 0.0);
  std::printf("\nconfusion matrix (rows: true digit, columns: predicted)\n%s", format_confusion(e).c_str());
  std::printf("\ntime: %.2f s, %.1f µs per digit per thread (preprocessing + model, %d thread%s)\n", e.seconds,
              1e6 * e.seconds * threads / double(e.count), threads, threads == 1 ? "" : "s");

  std::vector<RobustnessRow> rows;
  if (args.has("--robustness")) {
    const size_t limit = size_t(std::strtoul(args.get("--limit", "0").c_str(), nullptr, 10));
    std::printf("\nrobustness (whole pipeline, %zu test digits each)\n", limit ? limit : test->size());
    rows = evaluate_robustness(**recognizer, *test, limit, [](const RobustnessRow& r) {
      std::printf("  %-12s %6.2f%%  %-60s (%zu no digit, %.1fs)\n", r.name.c_str(), 100 * r.accuracy(),
                  r.description.c_str(), r.no_digit, r.seconds);
      std::fflush(stdout);
    });
  }
  if (args.has("--report")) {
    std::string command = "build/native/scrawl eval";
    for (int i = 0; i < argc; ++i) command += std::string(" ") + argv[i];
    if (auto st = write_report(args.get("--report"), **recognizer, *test, e, rows, command); !st) {
      std::fprintf(stderr, "scrawl eval: %s\n", st.error().message.c_str());
      return 1;
    }
    std::printf("\nreport written to %s/README.md\n", args.get("--report").c_str());
  }
  return 0;
}

}  // namespace scrawl::cli
