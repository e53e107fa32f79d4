#include <cstdio>
#include <memory>
#include <string>

#include "cli.h"
#include "commands.h"
#include "evaluation.h"
#include "recognizer.h"
#include "train/mnist.h"

namespace scrawl::cli {
namespace {

const char* kHelp =
    "usage: scrawl eval --mnist DIR [--weights FILE]\n"
    "\n"
    "Runs the 10,000 MNIST test digits through the whole pipeline (preprocessing and model)\n"
    "and prints the accuracy, the expected calibration error (ECE), the confusion matrix and\n"
    "the time taken.\n"
    "\n"
    "  --mnist DIR      folder with the MNIST IDX files (default: $SCRAWL_MNIST)\n"
    "  --weights FILE   evaluate this model instead of the one built in\n";

}  // namespace

int cmd_eval(int argc, char** argv) {
  Args args;
  if (auto err = parse_args(argc, argv, {"--mnist", "--weights"}, {"--help"}, args)) {
    std::fprintf(stderr, "scrawl eval: %s\n\n%s", err->c_str(), kHelp);
    return 2;
  }
  if (args.has("--help")) return std::fputs(kHelp, stdout), 0;
  Result<std::unique_ptr<Recognizer>> recognizer = Recognizer::from_embedded();
  if (args.has("--weights")) {
    auto bytes = read_file(args.get("--weights"));
    recognizer = bytes ? Recognizer::from_weights(*bytes)
                       : Result<std::unique_ptr<Recognizer>>(make_error(ErrorCode::kIo, args.get("--weights") + ": " + bytes.error().message));
  }
  if (!recognizer) {
    std::fprintf(stderr, "scrawl eval: %s\n", recognizer.error().message.c_str());
    return 2;
  }
  auto test = load_mnist(mnist_dir(args.get("--mnist")), "t10k");
  if (!test) {
    std::fprintf(stderr, "scrawl eval: %s\n", test.error().message.c_str());
    return 2;
  }
  const Evaluation e = evaluate_mnist(**recognizer, *test);
  std::printf("MNIST test: %zu digits, %zu correct, accuracy %.2f%%, ECE %.2f%%\n", e.count, e.correct,
              100.0 * e.accuracy(), 100.0 * e.ece);
  if (e.rejected) std::printf("no digit found in %zu test images\n", e.rejected);
  std::printf("\nconfusion matrix (rows: true digit, columns: predicted)\n%s", format_confusion(e).c_str());
  std::printf("\ntime: %.2f s, %.1f µs per digit (preprocessing + model, one thread)\n", e.seconds,
              1e6 * e.seconds / double(e.count));
  return 0;
}

}  // namespace scrawl::cli
