#include <cstdio>
#include <memory>
#include <string>

#include "cli.h"
#include "commands.h"
#include "recognizer.h"

namespace scrawl::cli {
namespace {

const char* kHelp =
    "usage: scrawl recognize [--json] [--weights FILE] FILE...\n"
    "\n"
    "Reads the handwritten digit in each image (PNG, JPG, BMP, GIF, TGA) and prints a line per\n"
    "file: 'FILE: 7 (99.8%)', or with --json one object per line:\n"
    "  {\"file\":\"a.png\",\"digit\":7,\"confidence\":0.998,\"unsure\":false,\"probs\":[...10]}\n"
    "  {\"file\":\"b.txt\",\"error\":\"not an image: PNG or JPG expected\"}\n"
    "'unsure' is true when the confidence is below the model's threshold: check such digits by hand.\n"
    "Exit status 1 if any file could not be read.\n"
    "\n"
    "  --json           one JSON object per line\n"
    "  --weights FILE   use this model instead of the one built in\n";

Result<std::unique_ptr<Recognizer>> load_recognizer(const std::string& weights) {
  if (weights.empty()) return Recognizer::from_embedded();
  auto bytes = read_file(weights);
  if (!bytes) return make_error(ErrorCode::kIo, weights + ": " + bytes.error().message);
  return Recognizer::from_weights(*bytes);
}

}  // namespace

int cmd_recognize(int argc, char** argv) {
  Args args;
  if (auto err = parse_args(argc, argv, {"--weights"}, {"--json", "--help"}, args)) {
    std::fprintf(stderr, "scrawl recognize: %s\n\n%s", err->c_str(), kHelp);
    return 2;
  }
  if (args.has("--help")) return std::fputs(kHelp, stdout), 0;
  if (args.positional.empty()) {
    std::fprintf(stderr, "scrawl recognize: no image files given\n\n%s", kHelp);
    return 2;
  }
  auto recognizer = load_recognizer(args.get("--weights"));
  if (!recognizer) {
    std::fprintf(stderr, "scrawl recognize: %s\n", recognizer.error().message.c_str());
    return 2;
  }
  const bool json = args.has("--json");
  int failures = 0;
  for (const std::string& file : args.positional) {
    auto bytes = read_file(file);
    Result<Recognition> r = bytes ? (*recognizer)->recognize_file(*bytes) : Result<Recognition>(bytes.error());
    if (!r) {
      ++failures;
      if (json) std::printf("{\"file\":%s,\"error\":%s}\n", json_string(file).c_str(), json_string(r.error().message).c_str());
      else std::printf("%s: error: %s\n", file.c_str(), r.error().message.c_str());
      continue;
    }
    if (json) {
      std::string probs;
      for (float p : r->probs) probs += (probs.empty() ? "" : ",") + json_number(p);
      std::printf("{\"file\":%s,\"digit\":%d,\"confidence\":%s,\"unsure\":%s,\"box\":[%d,%d,%d,%d],\"probs\":[%s]}\n",
                  json_string(file).c_str(), r->digit, json_number(r->confidence).c_str(), r->unsure ? "true" : "false",
                  r->box.x, r->box.y, r->box.w, r->box.h, probs.c_str());
    } else {
      std::printf("%s: %d (%.1f%%)%s\n", file.c_str(), r->digit, 100.0 * r->confidence, r->unsure ? " unsure" : "");
    }
  }
  return failures ? 1 : 0;
}

}  // namespace scrawl::cli
