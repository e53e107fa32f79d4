#include "mnist_eval.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "train/mnist_preparer.h"

namespace scrawl {

MnistEvaluation evaluate_mnist(Recognizer& recognizer, const DigitSet& test) {
  const auto start = std::chrono::steady_clock::now();
  MnistEvaluation e;
  MnistPreparer prep;
  std::array<double, 15> conf_sum{}, acc_sum{};
  for (size_t i = 0; i < test.size(); ++i) {
    DigitPixels px;
    const int label = test.labels[i];
    ++e.count;
    if (!prep.prepare(test.image(i), px)) {
      ++e.rejected;
      e.wrong.push_back(i);
      continue;
    }
    const Recognition r = recognizer.classify(px);
    ++e.confusion[size_t(label)][size_t(r.digit)];
    const bool ok = r.digit == label;
    e.correct += ok;
    if (!ok) e.wrong.push_back(i);
    if (r.unsure) ++e.unsure, e.unsure_wrong += !ok;
    const int bin = std::min(14, int(r.confidence * 15));
    ++e.bin_count[size_t(bin)];
    conf_sum[size_t(bin)] += r.confidence;
    acc_sum[size_t(bin)] += ok;
  }
  for (size_t b = 0; b < 15; ++b) {
    if (!e.bin_count[b]) continue;
    e.bin_confidence[b] = conf_sum[b] / e.bin_count[b];
    e.bin_accuracy[b] = acc_sum[b] / e.bin_count[b];
    e.ece += double(e.bin_count[b]) / double(e.count) * std::fabs(e.bin_confidence[b] - e.bin_accuracy[b]);
  }
  e.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return e;
}

std::string format_confusion(const MnistEvaluation& e) {
  std::string out = "true\\pred";
  char buf[32];
  for (int p = 0; p < 10; ++p) std::snprintf(buf, sizeof buf, "%6d", p), out += buf;
  out += "\n";
  for (int t = 0; t < 10; ++t) {
    std::snprintf(buf, sizeof buf, "%9d", t);
    out += buf;
    for (int p = 0; p < 10; ++p) std::snprintf(buf, sizeof buf, "%6d", e.confusion[size_t(t)][size_t(p)]), out += buf;
    out += "\n";
  }
  return out;
}

}  // namespace scrawl
