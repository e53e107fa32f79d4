#include "eval_numbers.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "cli.h"
#include "real_part.h"
#include "evaluate/string_tally.h"
#include "real/pen_samples.h"
#include "real/writer_split.h"
#include "train/reader_threads.h"
#include "synth/pen_numbers.h"

namespace scrawl::cli {
namespace {

const char* kHelp =
    "usage: scrawl eval --real DIR --numbers [--writers report|develop] [--count N] [--seed S]\n"
    "                   [--weights FILE] [--one-digit FILE|none] [--line FILE|none] [--gallery DIR]\n"
    "\n"
    "Writes numbers of 5 to 10 digits, each in one real writer's hand (that writer's own pen\n"
    "trajectories from UNIPEN, UJI and Chars74K, laid in a row with uneven sizes, a wandering\n"
    "baseline and gaps from wide to touching), hands every number over once as a field cut from a\n"
    "300 dpi scan (tight margins) and once as a phone photo, reads it through read(), as an upload\n"
    "is, and prints how many are read exactly and the character error rate, per look and length.\n"
    "Only the digits of a reading are compared; readings split over two lines are counted apart.\n"
    "\n"
    "  --real DIR       the real-data folder (default: $SCRAWL_REAL)\n"
    "  --writers W      report (default) or develop: whose digits the numbers are made of\n"
    "  --count N        numbers to write, each as a scan and as a photo (default 500)\n"
    "  --seed S         which numbers (default 1)\n"
    "  --weights FILE   use this model instead of the one built in\n"
    "  --one-digit FILE the reader's one-digit check to use instead of the one built in, or none\n"
    "  --line FILE      the line model that rereads each line, instead of the one built in, or none\n"
    "  --gallery DIR    write the numbers read wrongly (up to 100) to DIR with an index.md\n";

constexpr synth::NumberLook kLooks[] = {synth::NumberLook::kScan, synth::NumberLook::kPhoto};
constexpr const char* kLookNames[] = {"scan", "photo"};

std::string digits_of(const std::string& text) {
  std::string out;
  for (char c : text)
    if (c >= '0' && c <= '9') out += c;
  return out;
}

const char* length_group(size_t n) { return n <= 5 ? "5" : n <= 7 ? "6-7" : "8-10"; }

struct Number {
  std::vector<const real::PenSample*> digits;
  std::string text, source;
};

}  // namespace

int cmd_eval_numbers(int argc, char** argv) {
  Args args;
  if (auto err = parse_args(argc, argv,
                            {"--real", "--writers", "--count", "--seed", "--weights", "--one-digit", "--line", "--gallery"},
                            {"--help", "--numbers"}, args)) {
    std::fprintf(stderr, "scrawl eval --numbers: %s\n\n%s", err->c_str(), kHelp);
    return 2;
  }
  if (args.has("--help")) return std::fputs(kHelp, stdout), 0;
  const auto part = real_part(args, "scrawl eval --numbers");
  if (!part) return 2;
  const std::string& dir = part->dir;
  const std::string& which = part->name;
  const real::WriterUse use = part->use;
  const long count = std::strtol(args.get("--count", "500").c_str(), nullptr, 10);
  if (count <= 0 || count > 100000) {
    std::fprintf(stderr, "scrawl eval --numbers: --count is a number of numbers from 1 to 100000, not '%s'\n",
                 args.get("--count").c_str());
    return 2;
  }
  const uint64_t seed = std::strtoull(args.get("--seed", "1").c_str(), nullptr, 10);
  auto pens = real::load_all_pen_samples(dir);
  if (!pens) return std::fprintf(stderr, "scrawl eval --numbers: %s\n", pens.error().message.c_str()), 2;

  // Writers, not samples, are drawn evenly: a few UNIPEN contributors gave thousands of digits.
  std::map<std::string, std::vector<const real::PenSample*>> by_writer;
  for (const auto& s : *pens)
    if (real::writer_use(s.writer) == use) by_writer[s.writer].push_back(&s);
  std::vector<const std::vector<const real::PenSample*>*> writers;
  for (const auto& [key, samples] : by_writer)
    if (samples.size() >= 5) writers.push_back(&samples);
  if (writers.empty()) return std::fprintf(stderr, "scrawl eval --numbers: no %s writer has 5 digits\n", which.c_str()), 2;
  std::vector<Number> numbers(static_cast<size_t>(count));
  Rng pick(seed, 41, 0);
  for (Number& n : numbers) {
    const auto& samples = *writers[size_t(pick.below(int(writers.size())))];
    const int length = 5 + pick.below(6);
    for (int k = 0; k < length; ++k) {
      const real::PenSample* s = samples[size_t(pick.below(int(samples.size())))];
      n.digits.push_back(s);
      n.text += char('0' + s->label);
    }
    n.source = samples[0]->writer.substr(0, samples[0]->writer.find(':'));
  }
  std::printf("numbers in real writers' hands (%s): %zu writers, %ld numbers, each as a scan and a photo\n",
              which.c_str(), writers.size(), count);
  std::fflush(stdout);

  const size_t items = numbers.size() * 2;  // item i: number i / 2, look i % 2
  std::vector<std::string> got(items);
  std::vector<std::string> traits(items);
  std::atomic<size_t> done{0};
  std::mutex lock;
  const bool gallery = args.has("--gallery");
  std::vector<std::vector<uint8_t>> kept(gallery ? items : 0);
  const auto t0 = std::chrono::steady_clock::now();
  const int threads = evaluation_threads();
  Status st = on_readers(items, threads, [&] { return load_reader(args); }, [&](Recognizer& rec, size_t i) -> Status {
    Rng rng(seed, 43 + i % 2, i / 2);
    synth::Scene scene = synth::written_number(numbers[i / 2].digits, kLooks[i % 2], rng);
    auto r = rec.read(scene.file);
    got[i] = r ? r->text : "error: " + r.error().message;
    traits[i] = std::move(scene.traits);
    if (gallery && digits_of(got[i]) != numbers[i / 2].text) kept[i] = std::move(scene.file);
    if (const size_t d = ++done; d % 200 == 0) {
      std::lock_guard<std::mutex> g(lock);
      std::printf("  %zu of %zu read\n", d, items);
      std::fflush(stdout);
    }
    return Ok{};
  });
  if (!st) return std::fprintf(stderr, "scrawl eval --numbers: %s\n", st.error().message.c_str()), 2;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  StringTally total[2];
  std::map<std::string, StringTally> by_length[2], by_source[2];
  size_t split[2] = {}, empty[2] = {};
  for (size_t i = 0; i < items; ++i) {
    const Number& n = numbers[i / 2];
    const std::string read = digits_of(got[i]);
    total[i % 2].add(n.text, read);
    by_length[i % 2][length_group(n.text.size())].add(n.text, read);
    by_source[i % 2][n.source].add(n.text, read);
    split[i % 2] += got[i].find(' ') != std::string::npos && got[i].rfind("error", 0) != 0;
    empty[i % 2] += read.empty();
  }
  std::printf("\n  look   digits/writers  numbers   exact     CER\n");
  for (int look = 0; look < 2; ++look) {
    for (const auto& [group, t] : by_length[look])
      std::printf("  %-5s  %-14s  %7zu  %5.1f%%  %5.2f%%\n", kLookNames[look], (group + " digits").c_str(), t.strings,
                  100 * t.exact_rate(), 100 * t.cer());
    for (const auto& [group, t] : by_source[look])
      std::printf("  %-5s  %-14s  %7zu  %5.1f%%  %5.2f%%\n", kLookNames[look], group.c_str(), t.strings,
                  100 * t.exact_rate(), 100 * t.cer());
  }
  std::printf("\n");
  for (int look = 0; look < 2; ++look)
    std::printf("%-5s: exactly right %.2f%% (%zu of %zu); character error rate %.2f%% (%zu misread, %zu missed, %zu made "
                "up); split over lines %zu, no digit found %zu\n",
                kLookNames[look], 100 * total[look].exact_rate(), total[look].exact, total[look].strings,
                100 * total[look].cer(), total[look].edits.substituted, total[look].edits.deleted,
                total[look].edits.inserted, split[look], empty[look]);
  std::printf("time: %.1f s for %zu images (write + encode + decode + read, %d threads)\n", seconds, items, threads);

  if (gallery) {
    namespace fs = std::filesystem;
    const fs::path out = args.get("--gallery");
    std::error_code ec;
    fs::create_directories(out, ec);
    std::ofstream md(out / "index.md");
    md << "# Numbers in real writers' hands read wrongly\n\n`build/native/scrawl eval --real DIR --numbers --writers "
       << which << " --count " << count << " --seed " << seed << "`\n\n| image | written | read | how it was made |\n|---|---|---|---|\n";
    size_t shown = 0;
    for (size_t i = 0; i < items && shown < 100; ++i) {
      if (kept[i].empty()) continue;
      const bool jpeg = kept[i].size() > 2 && kept[i][0] == 0xFF && kept[i][1] == 0xD8;
      const std::string name = std::to_string(i / 2) + "-" + kLookNames[i % 2] + (jpeg ? ".jpg" : ".png");
      if (auto st = write_file((out / name).string(), kept[i]); !st)
        return std::fprintf(stderr, "scrawl eval --numbers: %s\n", st.error().message.c_str()), 2;
      md << "| ![](" << name << ") | " << numbers[i / 2].text << " | " << (got[i].empty() ? "nothing" : got[i]) << " | "
         << traits[i] << " |\n";
      ++shown;
    }
    std::printf("gallery of %zu numbers read wrongly written to %s/index.md\n", shown, out.c_str());
  }
  return 0;
}

}  // namespace scrawl::cli
