#include "eval_amounts.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli.h"
#include "evaluate/cheque_amounts_eval.h"
#include "real_part.h"

namespace scrawl::cli {
namespace {

const char* kHelp =
    "usage: scrawl eval --real DIR --amounts [--writers report|develop] [--limit N] [--weights FILE]\n"
    "                   [--one-digit FILE|none] [--line FILE|none] [--gallery DIR]\n"
    "\n"
    "Reads the handwritten amounts of real bank cheques (ORAND-CAR-A: grey scans with security\n"
    "patterns, printed lines, separators) through read(), as an upload is, and prints how many are\n"
    "read exactly and the character error rate (edits over the digits written), per number of\n"
    "digits. Separators are not labelled, so only the digits of a reading are compared. The\n"
    "cheques are split by a hash of their file name, as writers are: 20% 'develop', 30% 'report',\n"
    "50% for training.\n"
    "\n"
    "  --real DIR       the real-data folder (default: $SCRAWL_REAL)\n"
    "  --writers W      report (default) or develop\n"
    "  --limit N        the first N amounts of that part only (default: all)\n"
    "  --weights FILE   use this model instead of the one built in\n"
    "  --one-digit FILE the reader's one-digit check to use instead of the one built in, or none\n"
    "  --line FILE      the line model that rereads each line, instead of the one built in, or none\n"
    "  --gallery DIR    copy the amounts read wrongly (up to 100) to DIR with an index.md\n";

void print_amounts_table(const AmountsTally& t) {
  std::printf("\n  digits  amounts   exact     CER\n");
  for (const auto& [length, lt] : t.by_length)
    std::printf("  %6zu  %7zu  %5.1f%%  %5.2f%%\n", length, lt.strings, 100 * lt.exact_rate(), 100 * lt.cer());
  const StringTally& total = t.total;
  std::printf("     all  %7zu  %5.1f%%  %5.2f%%\n\n", total.strings, 100 * total.exact_rate(), 100 * total.cer());
  std::printf(
      "exactly right: %.2f%% (%zu of %zu); character error rate %.2f%% (%zu misread, %zu missed, %zu made up); "
      "no digit found on %zu\n",
      100 * total.exact_rate(), total.exact, total.strings, 100 * total.cer(), total.edits.substituted,
      total.edits.deleted, total.edits.inserted, t.empty);
}

// The amounts read wrongly (up to 100) copied to dir, with an index.md that shows them.
void write_amounts_gallery(const std::string& dir, const std::vector<real::ChequeAmount>& amounts,
                           const std::vector<std::string>& got, const std::string& which) {
  namespace fs = std::filesystem;
  const fs::path out = dir;
  std::error_code ec;
  std::ofstream md =
      open_gallery(dir, "# Cheque amounts read wrongly\n\n`build/native/scrawl eval --real DIR --amounts --writers " +
                            which + "`\n\n| image | written | read |\n|---|---|---|\n");
  size_t shown = 0;
  for (size_t i = 0; i < amounts.size() && shown < 100; ++i) {
    if (digits_of(got[i]) == amounts[i].digits) continue;
    const std::string name = fs::path(amounts[i].file).filename().string();
    fs::copy_file(amounts[i].file, out / name, fs::copy_options::overwrite_existing, ec);
    md << "| ![](" << name << ") | " << amounts[i].digits << " | " << (got[i].empty() ? "nothing" : got[i]) << " |\n";
    ++shown;
  }
  std::printf("gallery of %zu amounts read wrongly written to %s/index.md\n", shown, out.c_str());
}

}  // namespace

int cmd_eval_amounts(int argc, char** argv) {
  Args args;
  if (auto err = parse_args(argc, argv,
                            {"--real", "--writers", "--limit", "--weights", "--one-digit", "--line", "--gallery"},
                            {"--help", "--amounts"}, args)) {
    std::fprintf(stderr, "scrawl eval --amounts: %s\n\n%s", err->c_str(), kHelp);
    return 2;
  }
  if (args.has("--help")) return std::fputs(kHelp, stdout), 0;
  const auto part = real_part(args, "scrawl eval --amounts");
  if (!part) return 2;
  const size_t limit = size_t(std::strtoul(args.get("--limit", "0").c_str(), nullptr, 10));
  auto all = real::load_cheque_amounts(part->dir);
  if (!all) return std::fprintf(stderr, "scrawl eval --amounts: %s\n", all.error().message.c_str()), 2;
  const std::vector<real::ChequeAmount> amounts = amounts_of_part(*all, part->use, limit);
  std::printf("cheque amounts (%s): %zu of %zu\n", part->name.c_str(), amounts.size(), all->size());
  std::fflush(stdout);

  const int threads = evaluation_threads();
  auto run = read_amounts(amounts, threads, [&] { return load_reader(args); });
  if (!run) return std::fprintf(stderr, "scrawl eval --amounts: %s\n", run.error().message.c_str()), 2;
  print_amounts_table(tally_amounts(amounts, run->got));
  std::printf("time: %.1f s for %zu amounts (decode + read, %d threads)\n", run->seconds, amounts.size(), threads);
  if (args.has("--gallery")) write_amounts_gallery(args.get("--gallery"), amounts, run->got, part->name);
  return 0;
}

}  // namespace scrawl::cli
