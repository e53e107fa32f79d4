// `scrawl store`: rewrites a weights file with its numbers stored another way (f32, f16 or
// int8), keeping its architecture and what it records. The shipped weights are stored this
// way; `scrawl eval` on the result tells what the storage costs.
#include <cstdio>
#include <string>

#include "cli.h"
#include "commands.h"
#include "nn/weights_file.h"

namespace scrawl::cli {
namespace {

const char* kHelp =
    "usage: scrawl store IN OUT --as f32|f16|int8\n"
    "\n"
    "Writes the model in weights file IN to OUT with its numbers stored as 32- or 16-bit floats,\n"
    "or as 8-bit integers with a scale per output channel (biases stay 16-bit). The architecture\n"
    "and the training record are kept. Check the result with `scrawl eval --weights OUT`.\n";

}  // namespace

int cmd_store(int argc, char** argv) {
  Args args;
  if (auto err = parse_args(argc, argv, {"--as"}, {"--help"}, args)) {
    std::fprintf(stderr, "scrawl store: %s\n\n%s", err->c_str(), kHelp);
    return 2;
  }
  if (args.has("--help")) return std::fputs(kHelp, stdout), 0;
  const std::string as = args.get("--as");
  if (args.positional.size() != 2 || (as != "f32" && as != "f16" && as != "int8")) {
    std::fprintf(stderr, "scrawl store: give IN, OUT and --as f32, f16 or int8\n\n%s", kHelp);
    return 2;
  }
  const std::string& in = args.positional[0];
  auto bytes = read_file(in);
  if (!bytes) return std::fprintf(stderr, "scrawl store: %s\n", bytes.error().message.c_str()), 2;
  auto model = parse_model(*bytes);
  if (!model) return std::fprintf(stderr, "scrawl store: %s: %s\n", in.c_str(), model.error().message.c_str()), 2;
  const TensorType type = as == "f32" ? TensorType::kFloat32 : as == "f16" ? TensorType::kFloat16 : TensorType::kInt8;
  const auto out = serialize_model(*model, type);
  if (auto st = write_file(args.positional[1], out); !st)
    return std::fprintf(stderr, "scrawl store: %s\n", st.error().message.c_str()), 1;
  std::printf("%s: %zu bytes -> %s: %zu bytes (%s)\n", in.c_str(), bytes->size(), args.positional[1].c_str(),
              out.size(), as.c_str());
  return 0;
}

}  // namespace scrawl::cli
