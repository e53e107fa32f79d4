#include "mnist_eval.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "train/mnist_preparer.h"
#include "train/reader_threads.h"

namespace scrawl {

namespace {

// What became of one test digit: rejected (no digit found) or read as `digit`.
struct DigitOutcome {
  bool rejected = true;
  int digit = 0;
  float confidence = 0;
  bool unsure = false;
};

DigitOutcome read_test_digit(Recognizer& recognizer, MnistPreparer& prep, const DigitSet& test, size_t i) {
  DigitPixels px;
  if (!prep.prepare(test.image(i), px)) return {};
  const Recognition r = recognizer.classify(px);
  return {false, r.digit, r.confidence, r.unsure};
}

MnistEvaluation tally(const DigitSet& test, const std::vector<DigitOutcome>& outcomes) {
  MnistEvaluation e;
  std::array<double, 15> conf_sum{}, acc_sum{};
  for (size_t i = 0; i < outcomes.size(); ++i) {
    const DigitOutcome& r = outcomes[i];
    const int label = test.labels[i];
    ++e.count;
    if (r.rejected) {
      ++e.rejected;
      e.wrong.push_back(i);
      continue;
    }
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
  return e;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

MnistEvaluation evaluate_mnist(Recognizer& recognizer, const DigitSet& test) {
  const auto start = std::chrono::steady_clock::now();
  MnistPreparer prep;
  std::vector<DigitOutcome> outcomes(test.size());
  for (size_t i = 0; i < test.size(); ++i) outcomes[i] = read_test_digit(recognizer, prep, test, i);
  MnistEvaluation e = tally(test, outcomes);
  e.seconds = seconds_since(start);
  return e;
}

Result<MnistEvaluation> evaluate_mnist(const ReaderFactory& make_reader, const DigitSet& test, int threads) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<DigitOutcome> outcomes(test.size());
  // Blocks of digits, so that each thread's preparer serves many.
  constexpr size_t kBlock = 250;
  const size_t blocks = (test.size() + kBlock - 1) / kBlock;
  Status st = on_readers(blocks, threads, make_reader, [&](Recognizer& recognizer, size_t b) -> Status {
    MnistPreparer prep;
    for (size_t i = b * kBlock; i < std::min(test.size(), (b + 1) * kBlock); ++i)
      outcomes[i] = read_test_digit(recognizer, prep, test, i);
    return Ok{};
  });
  if (!st) return st.error();
  MnistEvaluation e = tally(test, outcomes);
  e.seconds = seconds_since(start);
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
