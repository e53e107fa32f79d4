#include "eval_strings.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli.h"
#include "data/encode.h"
#include "data/mnist.h"
#include "evaluate/string_tally.h"
#include "recognize/recognizer.h"
#include "synth/string_page.h"

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

// A 12-megapixel phone photo of one page: the page (4:3) scaled up to 4000×3000 (bilinear).
std::vector<uint8_t> phone_photo(const synth::Page& page, int w, int h) {
  std::vector<uint8_t> rgba(size_t(w) * h * 4, 255);
  for (int y = 0; y < h; ++y) {
    const float fy = std::clamp((y + 0.5f) * page.height / h - 0.5f, 0.0f, float(page.height - 1));
    const int y0 = int(fy), y1 = std::min(page.height - 1, y0 + 1);
    const float ty = fy - y0;
    for (int x = 0; x < w; ++x) {
      const float fx = std::clamp((x + 0.5f) * page.width / w - 0.5f, 0.0f, float(page.width - 1));
      const int x0 = int(fx), x1 = std::min(page.width - 1, x0 + 1);
      const float tx = fx - x0;
      for (int c = 0; c < 3; ++c) {
        auto at = [&](int xx, int yy) { return float(page.rgb[(size_t(yy) * page.width + xx) * 3 + size_t(c)]); };
        const float v = (1 - ty) * ((1 - tx) * at(x0, y0) + tx * at(x1, y0)) + ty * ((1 - tx) * at(x0, y1) + tx * at(x1, y1));
        rgba[(size_t(y) * w + x) * 4 + size_t(c)] = uint8_t(v + 0.5f);
      }
    }
  }
  return rgba;
}

const char* met(bool ok) { return ok ? "met" : "NOT met"; }

}  // namespace

int cmd_eval_strings(int argc, char** argv) {
  Args args;
  if (auto err = parse_args(argc, argv, {"--mnist", "--weights", "--one-digit", "--line", "--pages", "--blank", "--seed", "--save"},
                            {"--help", "--strings", "--show-errors"}, args)) {
    std::fprintf(stderr, "scrawl eval --strings: %s\n\n%s", err->c_str(), kHelp);
    return 2;
  }
  if (args.has("--help")) return std::fputs(kHelp, stdout), 0;
  const int pages = std::atoi(args.get("--pages", "800").c_str());
  const int blanks = std::atoi(args.get("--blank", "300").c_str());
  const uint64_t seed = std::strtoull(args.get("--seed", "1").c_str(), nullptr, 10);
  if (pages < 0 || blanks < 0) {
    std::fprintf(stderr, "scrawl eval --strings: --pages and --blank take a count\n");
    return 2;
  }

  auto recognizer = load_recognizer(args.get("--weights"));
  if (!recognizer) {
    std::fprintf(stderr, "scrawl eval --strings: %s\n", recognizer.error().message.c_str());
    return 2;
  }
  if (auto st = use_one_digit_check(**recognizer, args.get("--one-digit")); !st) {
    std::fprintf(stderr, "scrawl eval --strings: %s\n", st.error().message.c_str());
    return 2;
  }
  if (auto st = use_line_reader(**recognizer, args.get("--line")); !st) {
    std::fprintf(stderr, "scrawl eval --strings: %s\n", st.error().message.c_str());
    return 2;
  }
  auto test = load_mnist(mnist_dir(args.get("--mnist")), "t10k");
  if (!test) {
    std::fprintf(stderr, "scrawl eval --strings: %s\n", test.error().message.c_str());
    return 2;
  }
  const std::string save = args.get("--save");
  std::string index;
  if (!save.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(save, ec);
    if (ec) {
      std::fprintf(stderr, "scrawl eval --strings: cannot create %s: %s\n", save.c_str(), ec.message().c_str());
      return 2;
    }
    index = "file\texpected\tread\n";
  }

  Recognizer& reader = **recognizer;
  synth::PageMaker maker(*test);
  std::map<int, StringTally> by_length;
  std::map<std::string, StringTally> by_trait;
  StringTally all;
  size_t blank_with_digits = 0;
  double seconds = 0;
  std::string errors_list;
  const int total = pages + blanks;
  for (int k = 0; k < total; ++k) {
    // Half the pages hold 5 digits; the rest cycle through the other lengths; blanks last.
    static constexpr int kOther[] = {3, 4, 6, 7, 8, 9, 10};
    const int length = k >= pages ? 0 : k % 2 == 0 ? 5 : kOther[(k / 2) % 7];
    Rng rng(seed, uint64_t(k), 17);
    const synth::Page page = maker.make(length, rng);

    std::vector<uint8_t> rgba;
    if (page.file.empty()) rgba = synth::page_rgba(page);
    const auto start = std::chrono::steady_clock::now();
    auto r = page.file.empty() ? reader.read(rgba.data(), page.width, page.height) : reader.read(page.file);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::string got = r ? r->text : "error: " + r.error().message;

    if (length == 0) {
      blank_with_digits += r && !r->digits.empty();
    } else {
      all.add(page.text, got);
      by_length[length].add(page.text, got);
      const synth::PageTraits& t = page.traits;
      const std::pair<const char*, bool> traits[] = {
          {"touching", t.touching}, {"broken", t.broken}, {"blue ink", t.blue}, {"shadow", t.shadow},
          {"ruled", t.ruled},       {"border", t.border}, {"blur", t.blur},     {"jpeg", t.jpeg}};
      for (const auto& [name, on] : traits)
        if (on) by_trait[name].add(page.text, got);
    }
    char name[64];
    std::snprintf(name, sizeof name, "page-%05d-%s.%s", k, length ? page.text.c_str() : "blank", page.file.empty() ? "png" : "jpg");
    if (got != page.text && args.has("--show-errors")) {
      std::string traits;
      const synth::PageTraits& t = page.traits;
      for (const auto& [on, what] : {std::pair{t.touching, "touching"}, {t.broken, "broken"}, {t.ruled, "ruled"},
                                     {t.border, "border"}, {t.shadow, "shadow"}, {t.blur, "blur"}})
        if (on) traits += std::string(" ") + what;
      errors_list += std::string("  ") + name + ": read '" + got + "'" + (traits.empty() ? "" : " (" + traits.substr(1) + ")") + "\n";
    }
    if (!save.empty()) {
      const auto bytes = page.file.empty() ? encode_png(page.rgb, page.width, page.height) : page.file;
      if (auto ok = write_file(save + "/" + name, bytes); !ok) {
        std::fprintf(stderr, "scrawl eval --strings: %s\n", ok.error().message.c_str());
        return 1;
      }
      index += std::string(name) + "\t" + page.text + "\t" + got + "\n";
    }
  }
  if (!save.empty()) {
    if (auto ok = write_file(save + "/index.tsv", std::vector<uint8_t>(index.begin(), index.end())); !ok) {
      std::fprintf(stderr, "scrawl eval --strings: %s\n", ok.error().message.c_str());
      return 1;
    }
  }

  std::printf("String test: %d pages of 3-10 MNIST test digits and %d blank pages (seed %llu)\n\n", pages, blanks,
              (unsigned long long)seed);
  std::printf("  digits  pages   exact     CER\n");
  for (const auto& [length, tally] : by_length)
    std::printf("  %6d  %5zu  %5.1f%%  %5.2f%%\n", length, tally.strings, 100 * tally.exact_rate(), 100 * tally.cer());
  std::printf("     all  %5zu  %5.1f%%  %5.2f%%\n\n", all.strings, 100 * all.exact_rate(), 100 * all.cer());
  std::printf("  pages with  pages   exact     CER\n");
  for (const auto& [name, tally] : by_trait)
    std::printf("  %10s  %5zu  %5.1f%%  %5.2f%%\n", name.c_str(), tally.strings, 100 * tally.exact_rate(), 100 * tally.cer());
  if (!errors_list.empty()) std::printf("\npages read wrongly:\n%s", errors_list.c_str());

  const StringTally five = by_length.count(5) ? by_length[5] : StringTally{};
  const double blank_rate = blanks ? double(blank_with_digits) / blanks : 0;
  std::printf("\n5-digit strings exactly right: %.2f%% (%zu of %zu)   target >= 95%%: %s\n", 100 * five.exact_rate(),
              five.exact, five.strings, met(five.exact_rate() >= 0.95));
  std::printf("character error rate: %.2f%% (%zu edits over %zu digits: %zu misread, %zu missed, %zu made up)   "
              "target <= 1.5%%: %s\n", 100 * all.cer(), all.errors, all.chars, all.edits.substituted, all.edits.deleted,
              all.edits.inserted, met(all.cer() <= 0.015));
  std::printf("blank pages with any digit: %.2f%% (%zu of %d)   target <= 1%%: %s\n", 100 * blank_rate,
              blank_with_digits, blanks, met(blank_rate <= 0.01));
  std::printf("time: %.1f ms per page (decode + read, one thread; pages up to 1400 px wide)\n",
              total ? 1e3 * seconds / total : 0.0);

  // A 12-megapixel phone photo: the reading must not grow with the megapixels.
  if (pages > 0) {
    Rng rng(seed, 999999, 17);
    const synth::Page page = maker.make(5, rng, 1000, 750);
    const auto photo = phone_photo(page, 4000, 3000);
    double best = 1e9;
    std::string got;
    for (int i = 0; i < 3; ++i) {
      const auto start = std::chrono::steady_clock::now();
      auto r = reader.read(photo.data(), 4000, 3000);
      best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      got = r ? r->text : r.error().message;
    }
    std::printf("12-megapixel photo (4000×3000 RGBA): %.0f ms, read '%s' (written '%s')\n", 1e3 * best, got.c_str(),
                page.text.c_str());
  }
  return 0;
}

}  // namespace scrawl::cli
