// scrawl: the native command line over the engine (recognize, train, eval).
#include <cstdio>
#include <cstring>
#include <string>

#include "commands.h"

namespace {
const char* kUsage =
    "Scrawl: handwritten digit recognition.\n"
    "\n"
    "usage: scrawl COMMAND [options]\n"
    "\n"
    "commands:\n"
    "  recognize [--json] [--weights FILE] FILE...   read the digits in each image\n"
    "  train --mnist DIR [--epochs N] [--seed S] [--out FILE]   train a model\n"
    "  eval --mnist DIR [--weights FILE]             test accuracy, calibration, confusion matrix\n"
    "  card WEIGHTS --mnist DIR                      test a model trained with --no-test, write its card\n"
    "  store IN OUT --as f32|f16|int8                rewrite a weights file with its numbers stored another way\n"
    "  teach SAMPLES.json [--out FILE]               learn a person's handwriting from their samples\n"
    "  samples --real DIR --out DIR                  write the samples of the writers eval:learning teaches\n"
    "\n"
    "'scrawl COMMAND --help' tells more. The MNIST folder may also come from SCRAWL_MNIST.\n";
}

int main(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "help")) {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  const std::string cmd = argv[1];
  if (cmd == "recognize") return scrawl::cli::cmd_recognize(argc - 2, argv + 2);
  if (cmd == "train") return scrawl::cli::cmd_train(argc - 2, argv + 2);
  if (cmd == "eval") return scrawl::cli::cmd_eval(argc - 2, argv + 2);
  if (cmd == "card") return scrawl::cli::cmd_card(argc - 2, argv + 2);
  if (cmd == "store") return scrawl::cli::cmd_store(argc - 2, argv + 2);
  if (cmd == "teach") return scrawl::cli::cmd_teach(argc - 2, argv + 2);
  if (cmd == "samples") return scrawl::cli::cmd_samples(argc - 2, argv + 2);
  std::fprintf(stderr, "scrawl: unknown command '%s'\n\n%s", cmd.c_str(), kUsage);
  return 2;
}
