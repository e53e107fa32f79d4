#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "bulk_inputs.h"
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
    "usage: scrawl recognize [--json|--csv] [--format digits|zip|amount] [--max-side N] [--weights FILE]\n"
    "                        [--line FILE|none] [--list FILE] [--jobs N] [--out FILE [--resume]] FILE|FOLDER...\n"
    "\n"
    "Reads the handwritten digits in each image (PNG, JPG, BMP, GIF, TGA): one digit, a whole\n"
    "number or several lines of them, e.g. a phone photo of a page. Prints a line per file:\n"
    "'FILE: 7 (99.8%)' for one digit, 'FILE: 2024 17' for several (a space between lines),\n"
    "'FILE: no digits found'. Points, commas, dashes and equals signs written among the digits\n"
    "are kept as written ('FILE: 3.975,00'), never read as digits. With --json one object per line:\n"
    "  {\"file\":\"a.png\",\"text\":\"7\",\"lines\":1,\"digits\":[{\"digit\":7,\"confidence\":0.998,\n"
    "   \"unsure\":false,\"line\":0,\"box\":[x,y,w,h]}],\"digit\":7,\"confidence\":0.998,\"unsure\":false,\n"
    "   \"box\":[x,y,w,h],\"probs\":[...10]}\n"
    "  {\"file\":\"c.jpg\",\"text\":\"\",\"lines\":0,\"digits\":[],\"message\":\"no digits found\"}\n"
    "  {\"file\":\"b.txt\",\"error\":\"not an image: PNG, JPG, GIF, BMP or TGA expected\"}\n"
    "\"digit\", \"confidence\", \"unsure\", \"box\" and \"probs\" (the ten probabilities) are there\n"
    "when exactly one digit was found; \"marks\" lists the points, commas, dashes and equals signs\n"
    "([{\"mark\":\",\",\"line\":0,\"box\":[x,y,w,h]}]) where there are any. 'unsure' is true when\n"
    "the confidence is below the model's threshold: check such digits by hand.\n"
    "With --format each image is one field of a form, and its value is printed normalised,\n"
    "with how sure the reader is of all of it: 'FILE: 02139-4307 (zip, 97.1% sure)', or\n"
    "'FILE: 0213 (zip, unsure: a zip code has 5 or 9 digits; 4 digits were read)'; with --json\n"
    "as \"field\":{\"format\":\"zip\",\"value\":\"02139\",\"confidence\":0.971,\"unsure\":false}.\n"
    "With --csv a header, then one row per file: file, text, digits, lowest confidence, unsure\n"
    "digits, error.\n"
    "A folder stands for its image files (subfolders too, in name order). The lines come in the\n"
    "order of the files, read by every core. For an archive, give it --out: each line is written\n"
    "as it is read, progress goes to the terminal, and after a stop (Ctrl+C, a crash, a power cut)\n"
    "the same command with --resume reads only the files the output has no line for yet.\n"
    "Exit status 1 if any file could not be read.\n"
    "\n"
    "  --json           one JSON object per line\n"
    "  --csv            CSV, one row per file\n"
    "  --list FILE      also read the files named in FILE, one per line (- for standard input)\n"
    "  --jobs N         read N files at once (default: one per core)\n"
    "  --out FILE       write the lines to FILE (appended to with --resume) instead of the terminal\n"
    "  --resume         with --out: leave out the files FILE already has a line for\n"
    "  --format F       digits (every digit, lines run together), zip (5 digits, or 9 as 5-4) or\n"
    "                   amount (a sum: '3.975,00' is 3975.00, '3,025' is 3025)\n"
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

enum class Style { kText, kJson, kCsv };

// printf into a string.
template <typename... T>
std::string text(const char* fmt, T... args) {
  const int n = std::snprintf(nullptr, 0, fmt, args...);
  std::string out(size_t(std::max(n, 0)), '\0');
  std::snprintf(out.data(), out.size() + 1, fmt, args...);
  return out;
}

std::string csv_row(const std::string& file, const Reading& reading, std::optional<FieldKind> format,
                    float unsure_below) {
  std::string value = reading.text;
  float lowest = 1.0f;
  int unsure = 0;
  for (const ReadDigit& d : reading.digits) lowest = std::min(lowest, d.confidence), unsure += d.unsure;
  if (format) {
    const FieldValue f = field_value(reading, *format, unsure_below);
    value = f.value, lowest = f.confidence;
  }
  const std::string confidence = reading.digits.empty() ? "" : text("%.4f", double(lowest));
  return csv_cell(file) + "," + csv_cell(value) + "," + std::to_string(reading.digits.size()) + "," + confidence + "," +
         std::to_string(unsure) + "," + csv_cell(reading.digits.empty() ? reading.message : "") + "\n";
}

// One file's reading: as JSON, CSV, a form field's value, one digit or the number read.
std::string format_reading(const std::string& file, const Reading& reading, Style style,
                           std::optional<FieldKind> format, float unsure_below) {
  const ReadDigit* one = reading.digits.size() == 1 ? &reading.digits[0] : nullptr;
  if (style == Style::kCsv) return csv_row(file, reading, format, unsure_below);
  if (style == Style::kJson) {
    const std::string field = format ? "," + field_json_member(field_value(reading, *format, unsure_below)) : "";
    return "{\"file\":" + json_quote(file) + "," + reading_json_members(reading) + field + "}\n";
  }
  if (format) {
    const FieldValue f = field_value(reading, *format, unsure_below);
    if (f.value.empty()) return file + ": " + f.problem + "\n";
    if (!f.problem.empty())
      return text("%s: %s (%s, unsure: %s)\n", file.c_str(), f.value.c_str(), field_kind_name(f.kind),
                  f.problem.c_str());
    return text("%s: %s (%s, %.1f%% sure%s)\n", file.c_str(), f.value.c_str(), field_kind_name(f.kind),
                100.0 * f.confidence, f.unsure ? ", unsure" : "");
  }
  if (one)
    return text("%s: %d (%.1f%%)%s\n", file.c_str(), one->digit, 100.0 * one->confidence, one->unsure ? " unsure" : "");
  if (reading.digits.empty()) return file + ": " + reading.message + "\n";
  int unsure = 0;
  for (const ReadDigit& d : reading.digits) unsure += d.unsure;
  return file + ": " + reading.text + (unsure ? text(" (%d unsure digit%s)", unsure, unsure > 1 ? "s" : "") : "") +
         "\n";
}

std::string format_error(const std::string& file, const Error& error, Style style, int max_side) {
  if (style == Style::kJson) return "{\"file\":" + json_quote(file) + ",\"error\":" + json_quote(error.message) + "}\n";
  if (style == Style::kCsv) return csv_cell(file) + ",\"\",0,,0," + csv_cell(error.message) + "\n";
  return file + ": error: " + error.message +
         (error.code == ErrorCode::kImageTooLarge && !max_side
              ? " (--max-side 4000 reads an image of up to 200 megapixels shrunk)"
              : "") +
         "\n";
}

// How a run reads: the same for every file and every thread.
struct RunSettings {
  std::string weights, line;
  Style style = Style::kText;
  std::optional<FieldKind> format;
  int max_side = 0;
};

// One reader's line for a file, and whether it could be read.
std::string read_one(Recognizer& recognizer, const std::string& file, const RunSettings& run, bool& ok) {
  auto bytes = read_file(file);
  Result<Reading> r = bytes ? read_image(recognizer, *bytes, run.max_side) : Result<Reading>(bytes.error());
  ok = r.ok();
  if (!r) return format_error(file, r.error(), run.style, run.max_side);
  return format_reading(file, *r, run.style, run.format, recognizer.unsure_threshold());
}

Result<std::unique_ptr<Recognizer>> make_reader(const RunSettings& run) {
  auto recognizer = load_recognizer(run.weights);
  if (!recognizer) return recognizer.error();
  if (auto st = use_line_reader(**recognizer, run.line); !st) return st.error();
  return recognizer;
}

// Reads `files` with `jobs` readers at once (`first` and jobs - 1 more made alike) and hands each line to `emit` in the
// files' order, as soon as it and every line before it are ready. Returns how many files could not be read.
int read_all(const std::vector<std::string>& files, const RunSettings& run, Recognizer& first, int jobs,
             const std::function<void(const std::string&, size_t)>& emit) {
  std::vector<std::string> lines(files.size());
  std::vector<char> ready(files.size(), 0);
  std::atomic<size_t> next{0};
  std::atomic<int> failures{0};
  std::mutex m;
  std::condition_variable cv;
  auto work = [&](Recognizer& reader) {
    for (size_t i; (i = next++) < files.size();) {
      bool ok = true;
      std::string line = read_one(reader, files[i], run, ok);
      failures += !ok;
      std::lock_guard lock(m);
      lines[i] = std::move(line), ready[i] = 1;
      cv.notify_one();
    }
  };
  std::vector<std::unique_ptr<Recognizer>> readers;
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs && size_t(t) < files.size(); ++t) {
    auto r = make_reader(run);  // as `first` was made, so it loads too
    if (!r) break;
    readers.push_back(std::move(r.value()));
    threads.emplace_back(work, std::ref(*readers.back()));
  }
  std::thread mine(work, std::ref(first));
  for (size_t i = 0; i < files.size(); ++i) {
    std::unique_lock lock(m);
    cv.wait(lock, [&] { return ready[i] != 0; });
    const std::string line = std::move(lines[i]);
    lines[i].clear(), lines[i].shrink_to_fit();
    lock.unlock();
    emit(line, i + 1);
  }
  mine.join();
  for (auto& t : threads) t.join();
  return failures;
}

// Progress on the terminal for a long run written to a file: every second, and at the end.
class Progress {
 public:
  Progress(size_t total, size_t skipped) : total_(total), skipped_(skipped), start_(Clock::now()), last_(start_) {}
  void update(size_t done, bool final = false) {
    const auto now = Clock::now();
    if (!final && now - last_ < std::chrono::seconds(1)) return;
    last_ = now;
    const double s = std::chrono::duration<double>(now - start_).count();
    std::fprintf(stderr, "\r%zu of %zu read (%.0f a second)%s", done + skipped_, total_ + skipped_,
                 s > 0 ? double(done) / s : 0.0, final ? "\n" : "");
  }

 private:
  using Clock = std::chrono::steady_clock;
  size_t total_, skipped_;
  Clock::time_point start_, last_;
};

}  // namespace

int cmd_recognize(int argc, char** argv) {
  Args args;
  if (auto err = parse_args(argc, argv, {"--weights", "--line", "--format", "--max-side", "--list", "--jobs", "--out"},
                            {"--json", "--csv", "--resume", "--help"}, args)) {
    std::fprintf(stderr, "scrawl recognize: %s\n\n%s", err->c_str(), kHelp);
    return 2;
  }
  if (args.has("--help")) return std::fputs(kHelp, stdout), 0;
  if (args.positional.empty() && !args.has("--list")) {
    std::fprintf(stderr, "scrawl recognize: no image files given\n\n%s", kHelp);
    return 2;
  }
  RunSettings run{args.get("--weights"), args.get("--line")};
  if (args.has("--json") && args.has("--csv"))
    return std::fprintf(stderr, "scrawl recognize: choose --json or --csv, not both\n"), 2;
  run.style = args.has("--json") ? Style::kJson : args.has("--csv") ? Style::kCsv : Style::kText;
  auto reader = make_reader(run);
  if (!reader) {
    std::fprintf(stderr, "scrawl recognize: %s\n", reader.error().message.c_str());
    return 2;
  }
  if (args.has("--format")) {
    auto kind = field_kind(args.get("--format"));
    if (!kind) return std::fprintf(stderr, "scrawl recognize: --format: %s\n", kind.error().message.c_str()), 2;
    run.format = *kind;
  }
  if (args.has("--max-side")) {
    const std::string& v = args.get("--max-side");
    char* end = nullptr;
    const long n = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end || n < 64 || n > kMaxSide)
      return std::fprintf(stderr, "scrawl recognize: --max-side takes a whole number from 64 to 16384, e.g. 4000\n"), 2;
    run.max_side = int(n);
  }
  int jobs = int(std::max(1u, std::thread::hardware_concurrency()));
  if (args.has("--jobs")) {
    const std::string& v = args.get("--jobs");
    char* end = nullptr;
    const long n = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end || n < 1 || n > 256)
      return std::fprintf(stderr, "scrawl recognize: --jobs takes a whole number from 1 to 256\n"), 2;
    jobs = int(n);
  }
  const std::string out_path = args.get("--out");
  if (args.has("--resume") && out_path.empty())
    return std::fprintf(stderr, "scrawl recognize: --resume needs --out FILE (the output to go on with)\n"), 2;

  std::vector<std::string> lists;
  if (args.has("--list")) lists.push_back(args.get("--list"));
  auto files = gather_inputs(args.positional, lists);
  if (!files) return std::fprintf(stderr, "scrawl recognize: %s\n", files.error().message.c_str()), 2;
  size_t skipped = 0;
  if (args.has("--resume")) {
    auto done = files_already_read(out_path, run.style == Style::kCsv);
    if (!done) return std::fprintf(stderr, "scrawl recognize: %s\n", done.error().message.c_str()), 2;
    const size_t before = files->size();
    std::erase_if(*files, [&](const std::string& f) { return done->count(f) > 0; });
    skipped = before - files->size();
  }

  FILE* out = stdout;
  if (!out_path.empty()) {
    out = std::fopen(out_path.c_str(), args.has("--resume") ? "ab" : "wb");
    if (!out) return std::fprintf(stderr, "scrawl recognize: %s: cannot write the output\n", out_path.c_str()), 2;
  }
  if (run.style == Style::kCsv && std::ftell(out) <= 0) std::fputs("file,text,digits,confidence,unsure,error\n", out);
  std::optional<Progress> progress;
  if (out != stdout) progress.emplace(files->size(), skipped);
  const int failures = read_all(*files, run, **reader, jobs, [&](const std::string& line, size_t done) {
    std::fputs(line.c_str(), out);
    std::fflush(out);  // each line whole on disk as soon as it is read: what --resume goes on from
    if (progress) progress->update(done);
  });
  if (progress) progress->update(files->size(), true);
  if (out != stdout && std::fclose(out) != 0)
    return std::fprintf(stderr, "scrawl recognize: %s: the output could not be written whole\n", out_path.c_str()), 2;
  return failures ? 1 : 0;
}

}  // namespace scrawl::cli
