#include "eval_real.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "cli.h"
#include "evaluate/real_writers_eval.h"
#include "evaluate/real_writers_tally.h"
#include "real_part.h"

namespace scrawl::cli {
namespace {

const char* kHelp =
    "usage: scrawl eval --real DIR [--writers report|develop] [--limit N] [--none N] [--seed S]\n"
    "                   [--kinds K,K...] [--weights FILE] [--one-digit FILE|none] [--line FILE|none]\n"
    "                   [--gallery DIR]\n"
    "\n"
    "Reads real people's digits the way they reach the app, each through read() as an upload is:\n"
    "  canvas  pen trajectories (UNIPEN, UJI, Chars74K) drawn on a canvas and saved as PNG: sizes\n"
    "          128 to 560 px, the digit 18-90% of the height, strokes 2-10% of the width, mouse,\n"
    "          finger or stylus, some with a transparent background or light on dark\n"
    "  photo   the same trajectories written with a pen or felt-tip on paper and photographed:\n"
    "          lighting gradient, vignette, a soft shadow, white balance, blue or black ink, blur, JPEG\n"
    "  scan    CVL digits cut from 300 dpi form scans (28x28 as stored, every other one enlarged 3x)\n"
    "  crop    the same digits cut to their ink, as other scanners' software saves them: grey with\n"
    "          one pixel of paper, black and white with none, or stretched to fill 16x16\n"
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
    "  --kinds K,K...   read only these kinds (canvas, photo, scan, none, crop); each image is the\n"
    "                   same as in a run of every kind\n"
    "  --weights FILE   use this model instead of the one built in\n"
    "  --one-digit FILE the reader's one-digit check to use instead of the one built in, or none\n"
    "  --line FILE      the line model that rereads each line, instead of the one built in, or none\n"
    "  --gallery DIR    write the images read wrongly (up to 60 per kind) and an index.md to DIR\n";

double pct(size_t a, size_t n) { return n ? 100.0 * double(a) / double(n) : 0.0; }

void print_real_table(const RealWritersTally& tally) {
  std::printf("\n%-8s %7s %9s %8s %8s %8s %s\n", "kind", "images", "right", "empty", "split", "misread",
              "(sure misreads)");
  for (int k = 0; k < kRealKinds; ++k) {
    const RealTally& t = tally.total[size_t(k)];
    const char* kind = real_kind_name(RealKind(k));
    if (!t.n) continue;
    if (RealKind(k) == RealKind::kNone) {
      std::printf("%-8s %7zu %8.2f%%   any digit on %.2f%% (%zu), a sure one on %.2f%% (%zu)\n", kind, t.n,
                  pct(t.right, t.n), pct(t.wrong, t.n), t.wrong, pct(t.sure_wrong, t.n), t.sure_wrong);
      continue;
    }
    std::printf("%-8s %7zu %8.2f%% %8zu %8zu %8zu  (%zu)\n", kind, t.n, pct(t.right, t.n), t.empty, t.split, t.wrong,
                t.sure_wrong);
    for (const auto& [g, gt] : tally.by_group[size_t(k)])
      std::printf("  %-8s %5zu %8.2f%% %8zu %8zu %8zu\n", g.c_str(), gt.n, pct(gt.right, gt.n), gt.empty, gt.split,
                  gt.wrong);
  }
}

// The images read wrongly, up to 60 of each kind, and an index.md that shows them.
void write_real_gallery(const std::string& dir, const std::vector<RealFailure>& failures, const std::string& which,
                        uint64_t seed) {
  const std::filesystem::path out = dir;
  std::ofstream md = open_gallery(
      dir, "# Real writers read wrongly\n\n`build/native/scrawl eval --real` with --writers " + which + ", seed " +
               std::to_string(seed) + "\n\n| image | kind | written | read | what it is |\n|---|---|---|---|---|\n");
  int of_kind[kRealKinds] = {};
  size_t shown = 0;
  for (const RealFailure& f : failures) {
    if (of_kind[int(f.kind)]++ >= 60) continue;
    ++shown;
    const char* kind = real_kind_name(f.kind);
    const std::string name = std::string(kind) + "-" + std::to_string(f.item) + (f.jpeg ? ".jpg" : ".png");
    std::ofstream(out / name, std::ios::binary)
        .write(reinterpret_cast<const char*>(f.file.data()), long(f.file.size()));
    md << "| ![](" << name << ") | " << kind << " | " << f.want << " | " << f.got << " | " << f.traits << " |\n";
  }
  if (shown < failures.size())
    md << "\n" << failures.size() << " images were read wrongly; the first 60 of each kind are shown.\n";
  std::printf("gallery of %zu of the %zu images read wrongly (at most 60 of each kind) written to %s/index.md\n", shown,
              failures.size(), out.c_str());
}

// The kinds named in a comma-separated list, as a mask by RealKind; empty where a name is none.
std::optional<std::array<bool, kRealKinds>> parse_kinds(const std::string& list) {
  std::array<bool, kRealKinds> want{};
  size_t start = 0;
  while (start <= list.size()) {
    const size_t comma = std::min(list.find(',', start), list.size());
    const std::string name = list.substr(start, comma - start);
    int k = 0;
    while (k < kRealKinds && name != real_kind_name(RealKind(k))) ++k;
    if (k == kRealKinds) return std::nullopt;
    want[size_t(k)] = true;
    start = comma + 1;
  }
  return want;
}

void report_progress(size_t done, size_t total) {
  if (done % 2000 == 0) std::fprintf(stderr, "  %zu of %zu read\n", done, total);
}

}  // namespace

int cmd_eval_real(int argc, char** argv) {
  Args args;
  if (auto err = parse_args(argc, argv,
                            {"--real", "--writers", "--limit", "--none", "--seed", "--kinds", "--weights",
                             "--one-digit", "--line", "--gallery"},
                            {"--help"}, args)) {
    std::fprintf(stderr, "scrawl eval --real: %s\n\n%s", err->c_str(), kHelp);
    return 2;
  }
  if (args.has("--help")) return std::fputs(kHelp, stdout), 0;
  const auto part = real_part(args, "scrawl eval --real");
  if (!part) return 2;
  const size_t limit = size_t(std::strtoul(args.get("--limit", "0").c_str(), nullptr, 10));
  const int none = std::atoi(args.get("--none", "1000").c_str());
  const uint64_t seed = std::strtoull(args.get("--seed", "1").c_str(), nullptr, 10);
  const auto kinds = parse_kinds(args.get("--kinds", "canvas,photo,scan,none,crop"));
  if (!kinds)
    return std::fprintf(stderr,
                        "scrawl eval --real: --kinds takes canvas, photo, scan, none or crop, comma-separated\n"),
           2;

  auto pens = real::load_all_pen_samples(part->dir);
  if (!pens) return std::fprintf(stderr, "scrawl eval --real: %s\n", pens.error().message.c_str()), 2;
  auto cvl = real::load_cvl(part->dir, "validation");
  if (!cvl) return std::fprintf(stderr, "scrawl eval --real: %s\n", cvl.error().message.c_str()), 2;
  RealItems items = real_writer_items(*pens, *cvl, part->use, limit, none, seed);
  std::erase_if(items.items, [&](const RealItem& item) { return !(*kinds)[size_t(item.kind)]; });
  std::printf("real writers (%s): %zu pen writers, %zu CVL writers; %zu images\n", part->name.c_str(),
              items.pen_writers, items.cvl_writers, items.items.size());
  std::fflush(stdout);

  const int threads = evaluation_threads();
  const bool gallery = args.has("--gallery");
  auto run = read_real_writers(
      items.items, *pens, *cvl, seed, threads, [&] { return load_reader(args); }, gallery, report_progress);
  if (!run) return std::fprintf(stderr, "scrawl eval --real: %s\n", run.error().message.c_str()), 2;
  print_real_table(tally_real_writers(items.items, run->answers));
  std::printf("\ntime: %.1f s for %zu images (render + decode + read, %d threads)\n", run->seconds, items.items.size(),
              threads);
  if (gallery) write_real_gallery(args.get("--gallery"), run->failures, part->name, seed);
  return 0;
}

}  // namespace scrawl::cli
