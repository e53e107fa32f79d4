#include "eval_real.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "cli.h"
#include "real_part.h"
#include "data/encode.h"
#include "real/cvl_digits.h"
#include "real/pen_samples.h"
#include "real/writer_split.h"
#include "recognize/recognizer.h"
#include "synth/pen_scenes.h"

namespace scrawl::cli {
namespace {

const char* kHelp =
    "usage: scrawl eval --real DIR [--writers report|develop] [--limit N] [--none N] [--seed S]\n"
    "                   [--weights FILE] [--one-digit FILE|none] [--line FILE|none] [--gallery DIR]\n"
    "\n"
    "Reads real people's digits the way they reach the app, each through read() as an upload is:\n"
    "  canvas  pen trajectories (UNIPEN, UJI, Chars74K) drawn on a canvas and saved as PNG: sizes\n"
    "          128 to 560 px, the digit 18-90% of the height, strokes 2-10% of the width, mouse,\n"
    "          finger or stylus, some with a transparent background or light on dark\n"
    "  photo   the same trajectories written with a pen or felt-tip on paper and photographed:\n"
    "          lighting gradient, vignette, a soft shadow, white balance, blue or black ink, blur, JPEG\n"
    "  scan    CVL digits cut from 300 dpi form scans (28x28 as stored, every other one enlarged 3x)\n"
    "  none    drawings that are no digit (a person, a house, a star...), noise, empty pages\n"
    "A digit counts as right when the reading is exactly that one digit; 'empty' is no digit\n"
    "found, 'split' more than one. Writers are split by a hash of their name: 20% 'develop' (choose\n"
    "settings on these), 30% 'report' (held back), 50% for training.\n"
    "\n"
    "  --real DIR       the real-data folder (default: $SCRAWL_REAL)\n"
    "  --writers W      report (default) or develop\n"
    "  --limit N        at most N digits per kind (default: all)\n"
    "  --none N         images of no digit (default 1000)\n"
    "  --seed S         seed of the rendering (default 1)\n"
    "  --weights FILE   use this model instead of the one built in\n"
    "  --one-digit FILE the reader's one-digit check to use instead of the one built in, or none\n"
    "  --line FILE      the line model that rereads each line, instead of the one built in, or none\n"
    "  --gallery DIR    write the images read wrongly (up to 60 per kind) and an index.md to DIR\n";

enum Kind { kCanvas, kPhoto, kScan, kNone, kKinds };
const char* kKindNames[] = {"canvas", "photo", "scan", "none"};

struct Item {
  Kind kind;
  int label;          // -1: no digit
  size_t index;       // into the pen samples or the CVL digits
  std::string group;  // for the per-source lines: "unipen", "cvl", ...
};

struct Tally {
  size_t n = 0, right = 0, empty = 0, split = 0, wrong = 0, sure_wrong = 0;
};

struct Failure {
  Kind kind;
  size_t item;
  std::string want, got, traits;
  std::vector<uint8_t> file;
  bool jpeg;
};

std::vector<uint8_t> enlarge(const uint8_t* src, int side, int factor) {
  const int n = side * factor;
  std::vector<uint8_t> rgb(size_t(n) * n * 3);
  for (int y = 0; y < n; ++y)
    for (int x = 0; x < n; ++x) {
      const float sx = std::clamp((x + 0.5f) / factor - 0.5f, 0.0f, side - 1.0f);
      const float sy = std::clamp((y + 0.5f) / factor - 0.5f, 0.0f, side - 1.0f);
      const int x0 = int(sx), y0 = int(sy), x1 = std::min(side - 1, x0 + 1), y1 = std::min(side - 1, y0 + 1);
      const float fx = sx - x0, fy = sy - y0;
      const float v = (1 - fy) * ((1 - fx) * src[y0 * side + x0] + fx * src[y0 * side + x1]) +
                      fy * ((1 - fx) * src[y1 * side + x0] + fx * src[y1 * side + x1]);
      for (int k = 0; k < 3; ++k) rgb[(size_t(y) * n + x) * 3 + k] = uint8_t(v + 0.5f);
    }
  return rgb;
}

}  // namespace

int cmd_eval_real(int argc, char** argv) {
  Args args;
  if (auto err = parse_args(argc, argv, {"--real", "--writers", "--limit", "--none", "--seed", "--weights", "--one-digit", "--line", "--gallery"},
                            {"--help"}, args)) {
    std::fprintf(stderr, "scrawl eval --real: %s\n\n%s", err->c_str(), kHelp);
    return 2;
  }
  if (args.has("--help")) return std::fputs(kHelp, stdout), 0;
  const auto part = real_part(args, "scrawl eval --real");
  if (!part) return 2;
  const std::string& dir = part->dir;
  const std::string& which = part->name;
  const real::WriterUse use = part->use;
  const size_t limit = size_t(std::strtoul(args.get("--limit", "0").c_str(), nullptr, 10));
  const int none = std::atoi(args.get("--none", "1000").c_str());
  const uint64_t seed = std::strtoull(args.get("--seed", "1").c_str(), nullptr, 10);

  auto pens = real::load_all_pen_samples(dir);
  if (!pens) return std::fprintf(stderr, "scrawl eval --real: %s\n", pens.error().message.c_str()), 2;
  auto cvl = real::load_cvl(dir, "validation");
  if (!cvl) return std::fprintf(stderr, "scrawl eval --real: %s\n", cvl.error().message.c_str()), 2;

  std::vector<Item> items;
  size_t per_kind[kKinds] = {};
  auto add = [&](Kind k, int label, size_t i, std::string group) {
    if (limit && k != kNone && per_kind[k] >= limit) return;
    ++per_kind[k];
    items.push_back({k, label, i, std::move(group)});
  };
  // Spread a limited run over all writers: visit the samples in a fixed shuffled order.
  std::vector<size_t> order(pens->size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  Rng shuffle(seed, 99, 0);
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[size_t(shuffle.below(int(i)))]);
  std::map<std::string, size_t> writers_seen;
  for (size_t i : order) {
    const auto& s = (*pens)[i];
    if (real::writer_use(s.writer) != use) continue;
    ++writers_seen[s.writer];
    const std::string group = s.writer.substr(0, s.writer.find(':'));
    add(kCanvas, s.label, i, group);
    add(kPhoto, s.label, i, group);
  }
  size_t cvl_writers = 0;
  {
    std::map<std::string, int> seen;
    for (size_t i = 0; i < cvl->digits.size(); ++i)
      if (real::writer_use(cvl->writers[i]) == use) {
        cvl_writers += seen[cvl->writers[i]]++ == 0;
        add(kScan, cvl->digits.labels[i], i, "cvl");
      }
  }
  for (int i = 0; i < none; ++i) add(kNone, -1, size_t(i), "none");
  std::printf("real writers (%s): %zu pen writers, %zu CVL writers; %zu images\n", which.c_str(), writers_seen.size(),
              cvl_writers, items.size());
  std::fflush(stdout);

  const unsigned threads = std::max(1u, std::min(2u, std::thread::hardware_concurrency()));
  std::vector<std::string> got(items.size());
  std::vector<int> answer(items.size(), -2);  // the one digit read, -1 none, -2 several
  std::vector<float> confidence(items.size(), 0);
  std::atomic<size_t> next{0}, done{0};
  std::mutex failed_lock;
  std::vector<Failure> failures;
  const bool gallery = args.has("--gallery");
  const auto t0 = std::chrono::steady_clock::now();
  auto scene_of = [&](const Item& it, Rng& rng, bool& jpeg, std::string& traits) -> std::vector<uint8_t> {
    jpeg = false;
    if (it.kind == kScan) {
      const uint8_t* src = cvl->digits.image(it.index);
      traits = it.index % 2 ? "scan 84x84 (enlarged 3x)" : "scan 28x28";
      if (it.index % 2) return encode_png(enlarge(src, 28, 3), 84, 84);
      return encode_png(enlarge(src, 28, 1), 28, 28);
    }
    synth::Scene s = it.kind == kCanvas  ? synth::canvas_drawing((*pens)[it.index].strokes, rng)
                     : it.kind == kPhoto ? synth::paper_photo((*pens)[it.index].strokes, rng)
                                         : synth::not_a_digit(rng);
    jpeg = s.file.size() > 2 && s.file[0] == 0xFF && s.file[1] == 0xD8;
    traits = s.traits;
    return std::move(s.file);
  };
  std::string error;
  auto work = [&]() {
    auto rec = load_reader(args);
    if (!rec) {
      std::lock_guard<std::mutex> g(failed_lock);
      error = rec.error().message;
      return;
    }
    for (size_t i; (i = next++) < items.size();) {
      const Item& it = items[i];
      Rng rng(seed, uint64_t(it.kind) + 1, it.index);
      bool jpeg;
      std::string traits;
      std::vector<uint8_t> file = scene_of(it, rng, jpeg, traits);
      auto r = (*rec)->read(file);
      if (!r) {
        got[i] = "error: " + r.error().message;
        answer[i] = -1;  // no digit given (a refusal of noise is right for "none", wrong for a digit)
      } else {
        got[i] = r->text;
        answer[i] = r->digits.empty() ? -1 : r->digits.size() == 1 ? r->digits[0].digit : -2;
        if (r->digits.size() == 1) confidence[i] = r->digits[0].confidence;
        if (!r->digits.empty()) confidence[i] = std::max_element(r->digits.begin(), r->digits.end(), [](auto& a, auto& b) {
                                                  return a.confidence < b.confidence;
                                                })->confidence;
      }
      const bool ok = it.label < 0 ? answer[i] == -1 : answer[i] == it.label;
      if (!ok && gallery) {
        std::lock_guard<std::mutex> g(failed_lock);
        failures.push_back({it.kind, i, it.label < 0 ? "none" : std::to_string(it.label), got[i].empty() ? "nothing" : got[i],
                            traits, std::move(file), jpeg});
      }
      const size_t d = ++done;
      if (d % 2000 == 0) std::fprintf(stderr, "  %zu of %zu read\n", d, items.size());
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
  for (auto& t : pool) t.join();
  if (!error.empty()) return std::fprintf(stderr, "scrawl eval --real: %s\n", error.c_str()), 2;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  Tally total[kKinds];
  std::map<std::string, Tally> by_group[kKinds];
  const float sure = 0.8f;
  for (size_t i = 0; i < items.size(); ++i) {
    const Item& it = items[i];
    for (Tally* t : {&total[it.kind], &by_group[it.kind][it.group]}) {
      ++t->n;
      if (it.label < 0) {
        if (answer[i] != -1) ++t->wrong, t->sure_wrong += confidence[i] >= sure;
        else ++t->right;
        continue;
      }
      if (answer[i] == it.label) ++t->right;
      else if (answer[i] == -1) ++t->empty;
      else if (answer[i] == -2) ++t->split;
      else ++t->wrong, t->sure_wrong += confidence[i] >= sure;
    }
  }
  auto pct = [](size_t a, size_t n) { return n ? 100.0 * double(a) / double(n) : 0.0; };
  std::printf("\n%-8s %7s %9s %8s %8s %8s %s\n", "kind", "images", "right", "empty", "split", "misread", "(sure misreads)");
  for (int k = 0; k < kKinds; ++k) {
    const Tally& t = total[k];
    if (!t.n) continue;
    if (k == kNone) {
      std::printf("%-8s %7zu %8.2f%%   any digit on %.2f%% (%zu), a sure one on %.2f%% (%zu)\n", kKindNames[k], t.n,
                  pct(t.right, t.n), pct(t.wrong, t.n), t.wrong, pct(t.sure_wrong, t.n), t.sure_wrong);
      continue;
    }
    std::printf("%-8s %7zu %8.2f%% %8zu %8zu %8zu  (%zu)\n", kKindNames[k], t.n, pct(t.right, t.n), t.empty, t.split,
                t.wrong, t.sure_wrong);
    for (const auto& [g, gt] : by_group[k])
      std::printf("  %-8s %5zu %8.2f%% %8zu %8zu %8zu\n", g.c_str(), gt.n, pct(gt.right, gt.n), gt.empty, gt.split, gt.wrong);
  }
  std::printf("\ntime: %.1f s for %zu images (render + decode + read, %u threads)\n", seconds, items.size(), threads);

  if (gallery) {
    namespace fs = std::filesystem;
    const fs::path out = args.get("--gallery");
    std::error_code ec;
    fs::create_directories(out, ec);
    std::sort(failures.begin(), failures.end(), [](const Failure& a, const Failure& b) { return a.item < b.item; });
    std::ofstream md(out / "index.md");
    md << "# Real writers read wrongly\n\n`build/native/scrawl eval --real` with --writers " << which << ", seed " << seed
       << "\n\n| image | kind | written | read | what it is |\n|---|---|---|---|---|\n";
    int shown[kKinds] = {};
    for (const Failure& f : failures) {
      if (shown[f.kind]++ >= 60) continue;
      const std::string name = std::string(kKindNames[f.kind]) + "-" + std::to_string(f.item) + (f.jpeg ? ".jpg" : ".png");
      std::ofstream(out / name, std::ios::binary).write(reinterpret_cast<const char*>(f.file.data()), long(f.file.size()));
      md << "| ![](" << name << ") | " << kKindNames[f.kind] << " | " << f.want << " | " << f.got << " | " << f.traits << " |\n";
    }
    std::printf("gallery of %zu images read wrongly written to %s/index.md\n", failures.size(), out.c_str());
  }
  return 0;
}

}  // namespace scrawl::cli
