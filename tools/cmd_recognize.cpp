#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

#include "cli.h"
#include "commands.h"
#include "core/json_text.h"
#include "decode/decode.h"
#include "recognize/field_value.h"
#include "recognize/reading_json.h"
#include "recognize/recognizer.h"

namespace scrawl::cli {
namespace {

const char* kHelp =
    "usage: scrawl recognize [--json] [--format digits|zip] [--max-side N] [--weights FILE] [--line FILE|none]\n"
    "                        FILE...\n"
    "\n"
    "Reads the handwritten digits in each image (PNG, JPG, BMP, GIF, TGA): one digit, a whole\n"
    "number or several lines of them, e.g. a phone photo of a page. Prints a line per file:\n"
    "'FILE: 7 (99.8%)' for one digit, 'FILE: 2024 17' for several (a space between lines),\n"
    "'FILE: no digits found', or with --json one object per line:\n"
    "  {\"file\":\"a.png\",\"text\":\"7\",\"lines\":1,\"digits\":[{\"digit\":7,\"confidence\":0.998,\n"
    "   \"unsure\":false,\"line\":0,\"box\":[x,y,w,h]}],\"digit\":7,\"confidence\":0.998,\"unsure\":false,\n"
    "   \"box\":[x,y,w,h],\"probs\":[...10]}\n"
    "  {\"file\":\"c.jpg\",\"text\":\"\",\"lines\":0,\"digits\":[],\"message\":\"no digits found\"}\n"
    "  {\"file\":\"b.txt\",\"error\":\"not an image: PNG, JPG, GIF, BMP or TGA expected\"}\n"
    "\"digit\", \"confidence\", \"unsure\", \"box\" and \"probs\" (the ten probabilities) are there\n"
    "when exactly one digit was found. 'unsure' is true when the confidence is below the model's\n"
    "threshold: check such digits by hand.\n"
    "With --format each image is one field of a form, and its value is printed normalised,\n"
    "with how sure the reader is of all of it: 'FILE: 02139-4307 (zip, 97.1% sure)', or\n"
    "'FILE: 0213 (zip, unsure: a zip code has 5 or 9 digits; 4 digits were read)'; with --json\n"
    "as \"field\":{\"format\":\"zip\",\"value\":\"02139\",\"confidence\":0.971,\"unsure\":false}.\n"
    "Exit status 1 if any file could not be read.\n"
    "\n"
    "  --json           one JSON object per line\n"
    "  --format F       digits (every digit, lines run together) or zip (5 digits, or 9 as 5-4)\n"
    "  --max-side N     shrink each image until its longer side is at most N pixels (64 to 16384,\n"
    "                   e.g. 4000); images over 50 megapixels or 16384 pixels a side, up to 200\n"
    "                   megapixels, are then read too\n"
    "  --weights FILE   use this model instead of the one built in\n"
    "  --line FILE      the line model that rereads each line, instead of the one built in, or none\n";

// A file's reading; with max_side, an image over the limits is read shrunk (decode_image_reduced).
Result<Reading> read_image(Recognizer& recognizer, const std::vector<uint8_t>& bytes, int max_side) {
  if (!max_side) return recognizer.read(std::span<const uint8_t>(bytes));
  auto image = decode_image_reduced(bytes, max_side);
  if (!image) return image.error();
  return recognizer.read(*image);
}

// One file's reading: as JSON, as a form field's value, as one digit or as the number read.
void print_reading(const std::string& file, const Reading& reading, bool json, std::optional<FieldKind> format,
                   float unsure_below) {
  const ReadDigit* one = reading.digits.size() == 1 ? &reading.digits[0] : nullptr;
  if (json) {
    const std::string field = format ? "," + field_json_member(field_value(reading, *format, unsure_below)) : "";
    std::printf("{\"file\":%s,%s%s}\n", json_quote(file).c_str(), reading_json_members(reading).c_str(), field.c_str());
  } else if (format) {
    const FieldValue f = field_value(reading, *format, unsure_below);
    if (f.value.empty()) std::printf("%s: %s\n", file.c_str(), f.problem.c_str());
    else if (!f.problem.empty())
      std::printf("%s: %s (%s, unsure: %s)\n", file.c_str(), f.value.c_str(), field_kind_name(f.kind),
                  f.problem.c_str());
    else
      std::printf("%s: %s (%s, %.1f%% sure%s)\n", file.c_str(), f.value.c_str(), field_kind_name(f.kind),
                  100.0 * f.confidence, f.unsure ? ", unsure" : "");
  } else if (one) {
    std::printf("%s: %d (%.1f%%)%s\n", file.c_str(), one->digit, 100.0 * one->confidence, one->unsure ? " unsure" : "");
  } else if (reading.digits.empty()) {
    std::printf("%s: %s\n", file.c_str(), reading.message.c_str());
  } else {
    int unsure = 0;
    for (const ReadDigit& d : reading.digits) unsure += d.unsure;
    std::printf("%s: %s", file.c_str(), reading.text.c_str());
    if (unsure) std::printf(" (%d unsure digit%s)", unsure, unsure > 1 ? "s" : "");
    std::printf("\n");
  }
}

}  // namespace

int cmd_recognize(int argc, char** argv) {
  Args args;
  if (auto err =
          parse_args(argc, argv, {"--weights", "--line", "--format", "--max-side"}, {"--json", "--help"}, args)) {
    std::fprintf(stderr, "scrawl recognize: %s\n\n%s", err->c_str(), kHelp);
    return 2;
  }
  if (args.has("--help")) return std::fputs(kHelp, stdout), 0;
  if (args.positional.empty()) {
    std::fprintf(stderr, "scrawl recognize: no image files given\n\n%s", kHelp);
    return 2;
  }
  auto recognizer = load_recognizer(args.get("--weights"));
  Status line = recognizer ? use_line_reader(**recognizer, args.get("--line")) : Status(recognizer.error());
  if (!line) {
    std::fprintf(stderr, "scrawl recognize: %s\n", line.error().message.c_str());
    return 2;
  }
  std::optional<FieldKind> format;
  if (args.has("--format")) {
    auto kind = field_kind(args.get("--format"));
    if (!kind) return std::fprintf(stderr, "scrawl recognize: --format: %s\n", kind.error().message.c_str()), 2;
    format = *kind;
  }
  int max_side = 0;
  if (args.has("--max-side")) {
    const std::string& v = args.get("--max-side");
    char* end = nullptr;
    const long n = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end || n < 64 || n > kMaxSide)
      return std::fprintf(stderr, "scrawl recognize: --max-side takes a whole number from 64 to 16384, e.g. 4000\n"), 2;
    max_side = int(n);
  }
  const bool json = args.has("--json");
  int failures = 0;
  for (const std::string& file : args.positional) {
    auto bytes = read_file(file);
    Result<Reading> r = bytes ? read_image(**recognizer, *bytes, max_side) : Result<Reading>(bytes.error());
    if (!r) {
      ++failures;
      if (json)
        std::printf("{\"file\":%s,\"error\":%s}\n", json_quote(file).c_str(), json_quote(r.error().message).c_str());
      else
        std::printf("%s: error: %s%s\n", file.c_str(), r.error().message.c_str(),
                    r.error().code == ErrorCode::kImageTooLarge && !max_side
                        ? " (--max-side 4000 reads an image of up to 200 megapixels shrunk)"
                        : "");
      continue;
    }
    print_reading(file, *r, json, format, (*recognizer)->unsure_threshold());
  }
  return failures ? 1 : 0;
}

}  // namespace scrawl::cli
