#include "report.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cli.h"
#include "data/encode.h"
#include "evaluate/user_transforms.h"
#include "train/mnist_preparer.h"

namespace scrawl::cli {
namespace {

// Reliability diagram: per confidence bin, the accuracy (bar) against the diagonal.
GrayImage reliability_diagram(const MnistEvaluation& e) {
  const int W = 330, H = 330, m = 15, plot = 300;
  GrayImage img(W, H, 255);
  auto px = [&](int x, int y, uint8_t v) {
    if (x >= 0 && y >= 0 && x < W && y < H) img.at(x, y) = v;
  };
  const int bins = int(e.bin_count.size());
  for (int b = 0; b < bins; ++b) {
    if (!e.bin_count[size_t(b)]) continue;
    const int x0 = m + b * plot / bins + 1, x1 = m + (b + 1) * plot / bins - 1;
    const int top = m + plot - int(e.bin_accuracy[size_t(b)] * plot);
    for (int x = x0; x < x1; ++x)
      for (int y = top; y < m + plot; ++y) px(x, y, 150);
  }
  for (int i = 0; i <= plot; ++i) {
    px(m + i, m + plot - i, 0);  // perfect calibration
    px(m + i, m + plot, 0), px(m, m + i, 0);
  }
  return img;
}

// The folder with its gallery emptied of a previous report's images (just the gallery's own
// kind of file, nothing else a person put there): the gallery is this model's errors only.
Status clear_gallery(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(fs::path(dir) / "errors", ec);
  if (ec) return make_error(ErrorCode::kIo, "cannot create " + dir + ": " + ec.message());
  for (const auto& entry : fs::directory_iterator(fs::path(dir) / "errors", ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.find("-true") != std::string::npos && entry.path().extension() == ".png")
      fs::remove(entry.path(), ec);
  }
  return Ok{};
}

void write_per_class(std::ostream& md, const MnistEvaluation& e) {
  char buf[512];
  md << "## Per-class accuracy\n\n| digit | test digits | accuracy |\n|---|---|---|\n";
  for (int t = 0; t < 10; ++t) {
    int total = 0;
    for (int p = 0; p < 10; ++p) total += e.confusion[size_t(t)][size_t(p)];
    std::snprintf(buf, sizeof buf, "| %d | %d | %.2f%% |\n", t, total,
                  total ? 100.0 * e.confusion[size_t(t)][size_t(t)] / total : 0.0);
    md << buf;
  }
}

void write_confusion(std::ostream& md, const MnistEvaluation& e) {
  md << "\n## Confusion matrix\n\nRows: true digit; columns: predicted.\n\n| | 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (int t = 0; t < 10; ++t) {
    md << "| **" << t << "** |";
    for (int p = 0; p < 10; ++p) {
      const int v = e.confusion[size_t(t)][size_t(p)];
      md << ' ' << (t == p ? "**" + std::to_string(v) + "**" : (v ? std::to_string(v) : "·")) << " |";
    }
    md << "\n";
  }
}

void write_calibration(std::ostream& md, const MnistEvaluation& e) {
  char buf[512];
  md << "\n## Calibration\n\n![reliability diagram](reliability.png)\n\nBars: accuracy of the digits whose "
        "confidence falls in each of 15 bins; line: perfect calibration.\n\n| confidence | digits | mean confidence | "
        "accuracy |\n|---|---|---|---|\n";
  for (size_t b = 0; b < e.bin_count.size(); ++b) {
    if (!e.bin_count[b]) continue;
    std::snprintf(buf, sizeof buf, "| %.2f–%.2f | %d | %.3f | %.3f |\n", double(b) / 15, double(b + 1) / 15,
                  e.bin_count[b], e.bin_confidence[b], e.bin_accuracy[b]);
    md << buf;
  }
}

void write_robustness(std::ostream& md, const std::vector<RobustnessRow>& robustness) {
  if (robustness.empty()) return;
  char buf[512];
  md << "\n## Robustness\n\nThe test digits after what a user's input goes through, then the whole pipeline.\n\n"
        "| transform | digits | accuracy |\n|---|---|---|\n";
  for (const auto& r : robustness) {
    std::snprintf(buf, sizeof buf, "| %s | %zu | %.2f%% |\n", r.description.c_str(), r.count, 100 * r.accuracy());
    md << buf;
  }
}

// The gallery: each misclassified digit's image in dir/errors, and its row in the table.
Status write_errors(std::ostream& md, const std::string& dir, Recognizer& recognizer, const DigitSet& test,
                    const MnistEvaluation& e) {
  namespace fs = std::filesystem;
  char buf[512];
  md << "\n## Misclassified test digits\n\nEach as the model saw it (28×28, shown 3×), with its true and predicted "
        "label.\n\n| image | test index | true | predicted | confidence |\n|---|---|---|---|---|\n";
  MnistPreparer prep;
  for (size_t i : e.wrong) {
    DigitPixels px;
    const bool found = prep.prepare(test.image(i), px);
    const Recognition r = recognizer.classify(px);
    GrayImage seen(84, 84);
    for (int y = 0; y < 84; ++y)
      for (int x = 0; x < 84; ++x) seen.at(x, y) = uint8_t(255 - 255 * px[size_t(y / 3) * 28 + size_t(x / 3)]);
    std::snprintf(buf, sizeof buf, "errors/%05zu-true%d-pred%d.png", i, test.labels[i], found ? r.digit : -1);
    if (auto st = write_file((fs::path(dir) / buf).string(), encode_png(seen)); !st) return st;
    md << "| ![" << buf << "](" << buf << ") | " << i << " | " << int(test.labels[i]) << " | "
       << (found ? std::to_string(r.digit) : "no digit") << " | ";
    std::snprintf(buf, sizeof buf, "%.3f |\n", double(r.confidence));
    md << buf;
  }
  return Ok{};
}

}  // namespace

Status write_report(const std::string& dir, Recognizer& recognizer, const DigitSet& test, const MnistEvaluation& e,
                    const std::vector<RobustnessRow>& robustness, const std::string& command) {
  namespace fs = std::filesystem;
  if (auto st = clear_gallery(dir); !st) return st;
  if (auto st = write_file((fs::path(dir) / "reliability.png").string(), encode_png(reliability_diagram(e))); !st)
    return st;

  std::ofstream md(fs::path(dir) / "README.md");
  if (!md) return make_error(ErrorCode::kIo, "cannot write the report in " + dir);
  char buf[512];
  md << "# Scrawl evaluation report\n\nMade by:\n\n```sh\n" << command << "\n```\n\n";
  std::snprintf(buf, sizeof buf,
                "MNIST test, through the whole pipeline (preprocessing and model): **%.2f%%** (%zu of %zu), "
                "expected calibration error **%.2f%%**, %.1f µs per digit.\n\n",
                100 * e.accuracy(), e.correct, e.count, 100 * e.ece, 1e6 * e.seconds / double(e.count));
  md << buf;
  write_per_class(md, e);
  write_confusion(md, e);
  write_calibration(md, e);
  write_robustness(md, robustness);
  if (auto st = write_errors(md, dir, recognizer, test, e); !st) return st;
  if (!md) return make_error(ErrorCode::kIo, "cannot write the report in " + dir);
  return Ok{};
}

}  // namespace scrawl::cli
