#include "eval_numbers.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <vector>

#include "cli.h"
#include "evaluate/written_numbers_eval.h"
#include "evaluate/written_numbers_tally.h"
#include "real_part.h"

namespace scrawl::cli {
namespace {

const char* kHelp =
    "usage: scrawl eval --real DIR --numbers [--writers report|develop] [--count N] [--seed S]\n"
    "                   [--weights FILE] [--one-digit FILE|none] [--line FILE|none] [--gallery DIR]\n"
    "\n"
    "Writes numbers of 5 to 10 digits, each in one real writer's hand (that writer's own pen\n"
    "trajectories from UNIPEN, UJI and Chars74K, laid in a row with uneven sizes, a wandering\n"
    "baseline and gaps from wide to touching), hands every number over once as a field cut from a\n"
    "300 dpi scan (tight margins), once as a phone photo, and once written one digit to a box in a\n"
    "form's printed row of boxes or over its comb and scanned (boxes), reads it through read(), as\n"
    "an upload is, and prints how many are read exactly and the character error rate, per look and\n"
    "length.\n"
    "Only the digits of a reading are compared; readings split over two lines are counted apart.\n"
    "\n"
    "  --real DIR       the real-data folder (default: $SCRAWL_REAL)\n"
    "  --writers W      report (default) or develop: whose digits the numbers are made of\n"
    "  --count N        numbers to write, each in the three looks (default 500)\n"
    "  --seed S         which numbers (default 1)\n"
    "  --weights FILE   use this model instead of the one built in\n"
    "  --one-digit FILE the reader's one-digit check to use instead of the one built in, or none\n"
    "  --line FILE      the line model that rereads each line, instead of the one built in, or none\n"
    "  --gallery DIR    write the numbers read wrongly (up to 100) to DIR with an index.md\n";

void print_numbers_table(const std::array<NumbersLookTally, kLooks>& looks) {
  std::printf("\n  look   digits/writers  numbers   exact     CER\n");
  for (size_t look = 0; look < kLooks; ++look) {
    for (const auto& [group, t] : looks[size_t(look)].by_length)
      std::printf("  %-5s  %-14s  %7zu  %5.1f%%  %5.2f%%\n", kNumberLookNames[look], (group + " digits").c_str(),
                  t.strings, 100 * t.exact_rate(), 100 * t.cer());
    for (const auto& [group, t] : looks[size_t(look)].by_source)
      std::printf("  %-5s  %-14s  %7zu  %5.1f%%  %5.2f%%\n", kNumberLookNames[look], group.c_str(), t.strings,
                  100 * t.exact_rate(), 100 * t.cer());
  }
  std::printf("\n");
  for (size_t look = 0; look < kLooks; ++look) {
    const NumbersLookTally& l = looks[size_t(look)];
    std::printf(
        "%-5s: exactly right %.2f%% (%zu of %zu); character error rate %.2f%% (%zu misread, %zu missed, %zu made "
        "up); split over lines %zu, no digit found %zu\n",
        kNumberLookNames[look], 100 * l.total.exact_rate(), l.total.exact, l.total.strings, 100 * l.total.cer(),
        l.total.edits.substituted, l.total.edits.deleted, l.total.edits.inserted, l.split, l.empty);
  }
}

// The images read wrongly (up to 100) and an index.md that shows them; false when one cannot be written.
bool write_numbers_gallery(const std::string& dir, const std::vector<WrittenNumber>& numbers,
                           const WrittenNumbersRun& run, const std::string& command) {
  const std::filesystem::path out = dir;
  std::ofstream md = open_gallery(dir, "# Numbers in real writers' hands read wrongly\n\n`" + command +
                                           "`\n\n| image | written | read | how it was made |\n|---|---|---|---|\n");
  size_t shown = 0;
  for (size_t i = 0; i < run.wrong_files.size() && shown < 100; ++i) {
    const std::vector<uint8_t>& file = run.wrong_files[i];
    if (file.empty()) continue;
    const bool jpeg = file.size() > 2 && file[0] == 0xFF && file[1] == 0xD8;
    const std::string name = std::to_string(i / kLooks) + "-" + kNumberLookNames[i % kLooks] + (jpeg ? ".jpg" : ".png");
    if (auto st = write_file((out / name).string(), file); !st)
      return std::fprintf(stderr, "scrawl eval --numbers: %s\n", st.error().message.c_str()), false;
    md << "| ![](" << name << ") | " << numbers[i / kLooks].text << " | "
       << (run.got[i].empty() ? "nothing" : run.got[i]) << " | " << run.traits[i] << " |\n";
    ++shown;
  }
  std::printf("gallery of %zu numbers read wrongly written to %s/index.md\n", shown, out.c_str());
  return true;
}

void report_progress(size_t done, size_t total) {
  static std::mutex lock;
  if (done % 200 != 0) return;
  std::lock_guard<std::mutex> g(lock);
  std::printf("  %zu of %zu read\n", done, total);
  std::fflush(stdout);
}

}  // namespace

int cmd_eval_numbers(int argc, char** argv) {
  Args args;
  if (auto err = parse_args(
          argc, argv, {"--real", "--writers", "--count", "--seed", "--weights", "--one-digit", "--line", "--gallery"},
          {"--help", "--numbers"}, args)) {
    std::fprintf(stderr, "scrawl eval --numbers: %s\n\n%s", err->c_str(), kHelp);
    return 2;
  }
  if (args.has("--help")) return std::fputs(kHelp, stdout), 0;
  const auto part = real_part(args, "scrawl eval --numbers");
  if (!part) return 2;
  const long count = std::strtol(args.get("--count", "500").c_str(), nullptr, 10);
  if (count <= 0 || count > 100000) {
    std::fprintf(stderr, "scrawl eval --numbers: --count is a number of numbers from 1 to 100000, not '%s'\n",
                 args.get("--count").c_str());
    return 2;
  }
  const uint64_t seed = std::strtoull(args.get("--seed", "1").c_str(), nullptr, 10);
  auto pens = real::load_all_pen_samples(part->dir);
  if (!pens) return std::fprintf(stderr, "scrawl eval --numbers: %s\n", pens.error().message.c_str()), 2;
  const WrittenNumbers picked = pick_written_numbers(*pens, part->use, size_t(count), seed);
  if (!picked.writers)
    return std::fprintf(stderr, "scrawl eval --numbers: no %s writer has 5 digits\n", part->name.c_str()), 2;
  std::printf("numbers in real writers' hands (%s): %zu writers, %ld numbers, each as a scan and a photo\n",
              part->name.c_str(), picked.writers, count);
  std::fflush(stdout);

  const int threads = evaluation_threads();
  const bool gallery = args.has("--gallery");
  auto run = read_written_numbers(
      picked.numbers, seed, threads, [&] { return load_reader(args); }, gallery, report_progress);
  if (!run) return std::fprintf(stderr, "scrawl eval --numbers: %s\n", run.error().message.c_str()), 2;
  print_numbers_table(tally_written_numbers(picked.numbers, run->got));
  std::printf("time: %.1f s for %zu images (write + encode + decode + read, %d threads)\n", run->seconds,
              run->got.size(), threads);
  const std::string command = "build/native/scrawl eval --real DIR --numbers --writers " + part->name + " --count " +
                              std::to_string(count) + " --seed " + std::to_string(seed);
  if (gallery && !write_numbers_gallery(args.get("--gallery"), picked.numbers, *run, command)) return 2;
  return 0;
}

}  // namespace scrawl::cli
