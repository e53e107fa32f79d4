#include "eval_strings.h"

#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli.h"
#include "data/encode.h"
#include "data/mnist.h"
#include "evaluate/phone_photo.h"
#include "evaluate/string_pages_eval.h"

namespace scrawl::cli {
namespace {

const char* kHelp =
    "usage: scrawl eval --strings --mnist DIR [--pages N] [--blank N] [--seed S] [--weights FILE]\n"
    "                   [--one-digit FILE|none] [--line FILE|none] [--save DIR] [--show-errors]\n"
    "\n"
    "Writes strings of 3 to 10 MNIST test digits on synthetic photographed pages (lighting\n"
    "gradients, shadows, blue or black ink, rotation, perspective, blur, JPEG, touching and broken\n"
    "digits, ruled paper) and blank pages, reads them back through the whole pipeline, and prints\n"
    "exact-string accuracy (per length, 5 digits in particular), character error rate, blank pages\n"
    "with invented digits, and time per page.\n"
    "\n"
    "  --mnist DIR      folder with the MNIST IDX files (default: $SCRAWL_MNIST)\n"
    "  --pages N        pages with digits (default 800: half 5 digits, the rest 3-10)\n"
    "  --blank N        blank pages (default 300)\n"
    "  --seed S         the pages' seed (default 1)\n"
    "  --weights FILE   use this model instead of the one built in\n"
    "  --one-digit FILE the segmenter's one-digit check to use instead of the one built in, or\n"
    "  --line FILE      the line model that rereads each line, instead of the one built in, or none\n"
    "                   none to cut touching digits by the digit model's confidence alone\n"
    "  --save DIR       also write every page as JPG/PNG to DIR, with index.tsv (expected, read)\n"
    "  --show-errors    list the pages read wrongly\n";

const char* met(bool ok) { return ok ? "met" : "NOT met"; }

// What the command keeps of each page read: the pages read wrongly (--show-errors), and every
// page as a file with a line in index.tsv (--save DIR).
struct PageOutputs {
  bool show_errors = false;
  std::string save;  // "" when not saving
  std::string errors, index;

  Status operator()(int k, const synth::Page& page, const std::string& got) {
    char name[64];
    std::snprintf(name, sizeof name, "page-%05d-%s.%s", k, page.text.empty() ? "blank" : page.text.c_str(),
                  page.file.empty() ? "png" : "jpg");
    if (got != page.text && show_errors) list_error(name, page.traits, got);
    if (save.empty()) return Ok{};
    const auto bytes = page.file.empty() ? encode_png(page.rgb, page.width, page.height) : page.file;
    if (auto ok = write_file(save + "/" + name, bytes); !ok) return ok;
    index += std::string(name) + "\t" + page.text + "\t" + got + "\n";
    return Ok{};
  }

  void list_error(const char* name, const synth::PageTraits& t, const std::string& got) {
    std::string traits;
    for (const auto& [on, what] : {std::pair{t.touching, "touching"},
                                   {t.broken, "broken"},
                                   {t.ruled, "ruled"},
                                   {t.border, "border"},
                                   {t.shadow, "shadow"},
                                   {t.blur, "blur"}})
      if (on) traits += std::string(" ") + what;
    errors += std::string("  ") + name + ": read '" + got + "'" +
              (traits.empty() ? "" : " (" + traits.substr(1) + ")") + "\n";
  }
};

void print_strings_table(const StringPagesTally& t) {
  std::printf("  digits  pages   exact     CER\n");
  for (const auto& [length, tally] : t.by_length)
    std::printf("  %6d  %5zu  %5.1f%%  %5.2f%%\n", length, tally.strings, 100 * tally.exact_rate(), 100 * tally.cer());
  std::printf("     all  %5zu  %5.1f%%  %5.2f%%\n\n", t.all.strings, 100 * t.all.exact_rate(), 100 * t.all.cer());
  std::printf("  pages with  pages   exact     CER\n");
  for (const auto& [name, tally] : t.by_trait)
    std::printf("  %10s  %5zu  %5.1f%%  %5.2f%%\n", name.c_str(), tally.strings, 100 * tally.exact_rate(),
                100 * tally.cer());
}

void print_targets(const StringPagesTally& t, int blanks, int total_pages) {
  const StringTally five = t.by_length.count(5) ? t.by_length.at(5) : StringTally{};
  const StringTally& all = t.all;
  const double blank_rate = blanks ? double(t.blank_with_digits) / blanks : 0;
  std::printf("\n5-digit strings exactly right: %.2f%% (%zu of %zu)   target >= 95%%: %s\n", 100 * five.exact_rate(),
              five.exact, five.strings, met(five.exact_rate() >= 0.95));
  std::printf(
      "character error rate: %.2f%% (%zu edits over %zu digits: %zu misread, %zu missed, %zu made up)   "
      "target <= 1.5%%: %s\n",
      100 * all.cer(), all.errors, all.chars, all.edits.substituted, all.edits.deleted, all.edits.inserted,
      met(all.cer() <= 0.015));
  std::printf("blank pages with any digit: %.2f%% (%zu of %d)   target <= 1%%: %s\n", 100 * blank_rate,
              t.blank_with_digits, blanks, met(blank_rate <= 0.01));
  std::printf("time: %.1f ms per page (decode + read, one thread; pages up to 1400 px wide)\n",
              total_pages ? 1e3 * t.seconds / total_pages : 0.0);
}

int fail(const std::string& message, int status) {
  std::fprintf(stderr, "scrawl eval --strings: %s\n", message.c_str());
  return status;
}

}  // namespace

int cmd_eval_strings(int argc, char** argv) {
  Args args;
  if (auto err = parse_args(argc, argv,
                            {"--mnist", "--weights", "--one-digit", "--line", "--pages", "--blank", "--seed", "--save"},
                            {"--help", "--strings", "--show-errors"}, args)) {
    std::fprintf(stderr, "scrawl eval --strings: %s\n\n%s", err->c_str(), kHelp);
    return 2;
  }
  if (args.has("--help")) return std::fputs(kHelp, stdout), 0;
  const int pages = std::atoi(args.get("--pages", "800").c_str());
  const int blanks = std::atoi(args.get("--blank", "300").c_str());
  const uint64_t seed = std::strtoull(args.get("--seed", "1").c_str(), nullptr, 10);
  if (pages < 0 || blanks < 0) return fail("--pages and --blank take a count", 2);
  auto reader = load_reader(args);
  if (!reader) return fail(reader.error().message, 2);
  auto test = load_mnist(mnist_dir(args.get("--mnist")), "t10k");
  if (!test) return fail(test.error().message, 2);
  PageOutputs outputs;
  outputs.show_errors = args.has("--show-errors");
  outputs.save = args.get("--save");
  if (!outputs.save.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(outputs.save, ec);
    if (ec) return fail("cannot create " + outputs.save + ": " + ec.message(), 2);
    outputs.index = "file\texpected\tread\n";
  }

  synth::PageMaker maker(*test);
  auto tally = read_string_pages(**reader, maker, pages, blanks, seed, std::ref(outputs));
  if (!tally) return fail(tally.error().message, 1);
  if (!outputs.save.empty()) {
    const std::vector<uint8_t> index(outputs.index.begin(), outputs.index.end());
    if (auto ok = write_file(outputs.save + "/index.tsv", index); !ok) return fail(ok.error().message, 1);
  }
  std::printf("String test: %d pages of 3-10 MNIST test digits and %d blank pages (seed %llu)\n\n", pages, blanks,
              (unsigned long long)seed);
  print_strings_table(*tally);
  if (!outputs.errors.empty()) std::printf("\npages read wrongly:\n%s", outputs.errors.c_str());
  print_targets(*tally, blanks, pages + blanks);
  if (pages > 0) {
    const PhonePhotoTiming photo = time_phone_photo(**reader, maker, seed);
    std::printf("12-megapixel photo (4000×3000 RGBA): %.0f ms, read '%s' (written '%s')\n", 1e3 * photo.best_seconds,
                photo.got.c_str(), photo.written.c_str());
  }
  return 0;
}

}  // namespace scrawl::cli
