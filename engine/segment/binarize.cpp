#include "binarize.h"

#include <algorithm>
#include <array>

#include "core/tally.h"

namespace scrawl {
namespace {

constexpr int kBins = 256;

// Otsu's threshold (as a bin index) on a histogram.
int otsu(const std::array<long long, kBins>& hist) {
  double total = 0, sum = 0;
  for (int i = 0; i < kBins; ++i) total += double(hist[size_t(i)]), sum += double(i) * double(hist[size_t(i)]);
  double w0 = 0, sum0 = 0, best = -1;
  int at = 0;
  for (int t = 0; t < kBins - 1; ++t) {
    w0 += double(hist[size_t(t)]);
    sum0 += double(t) * double(hist[size_t(t)]);
    const double w1 = total - w0;
    if (w0 <= 0 || w1 <= 0) continue;
    const double m0 = sum0 / w0, m1 = (sum - sum0) / w1;
    const double between = w0 * w1 * (m0 - m1) * (m0 - m1);
    if (between > best) best = between, at = t;
  }
  return at;
}

int percentile_bin(const std::array<long long, kBins>& hist, long long total, double q) {
  long long seen = 0;
  for (int i = 0; i < kBins; ++i)
    if ((seen += hist[size_t(i)]) >= std::max<long long>(1, (long long)(q * double(total)))) return i;
  return kBins - 1;
}

}  // namespace

InkMap& Binarizer::run(const std::vector<float>& raw, int w, int h) {
  const size_t n = size_t(w) * h;
  smooth(raw, w, h);
  const std::vector<float>& darkness = out_.darkness;
  out_.width = w, out_.height = h;
  const auto bin = [&darkness](size_t i) { return std::min(kBins - 1, int(darkness[i] * (kBins - 1) + 0.5f)); };
  std::array<long long, kBins> hist{};
  Tally<kBins> all;
  all.add(n, bin);
  all.add_to(hist.data());
  const float paper = float(percentile_bin(hist, (long long)n, 0.5)) / (kBins - 1);
  const float high = std::max(float(otsu(hist) + 1) / (kBins - 1), paper + kMinInk);
  const float low = std::max(paper + 0.5f * kMinInk, 0.5f * high);
  out_.low = low, out_.high = high;
  grow_ink(w, h, low, high);

  // Ink level for the normaliser: 1 at the strokes' typical darkness (90th percentile of the
  // ink pixels), fading to 0 a little below the low threshold so stroke edges stay soft.
  // (The paper's pixels into one more bin, left out.)
  Tally<kBins + 1> inked;
  const uint8_t* mask = out_.mask.data();
  inked.add(n, [&](size_t i) { return mask[i] ? bin(i) : kBins; });
  std::array<long long, kBins> ink_hist{};
  long long ink_count = 0;
  for (int b = 0; b < kBins; ++b) ink_count += ink_hist[size_t(b)] = inked[b];
  const float full = ink_count ? float(percentile_bin(ink_hist, ink_count, 0.9)) / (kBins - 1) : 1.0f;
  const float floor = 0.6f * low;
  const float span = std::max(0.05f, full - floor);
  out_.ink.resize(n);
  for (size_t i = 0; i < n; ++i) out_.ink[i] = std::clamp((darkness[i] - floor) / span, 0.0f, 1.0f);
  return out_;
}

void Binarizer::smooth(const std::vector<float>& raw, int w, int h) {
  // [1 2 1]² smoothing, into out_.darkness.
  const size_t n = size_t(w) * h;
  tmp_.resize(n), out_.darkness.resize(n);
  for (int y = 0; y < h; ++y) {
    const float* r = raw.data() + size_t(y) * w;
    float* t = tmp_.data() + size_t(y) * w;
    // The edge columns apart, so that the loop between them vectorises.
    t[0] = 0.25f * (r[0] + 2 * r[0] + r[std::min(w - 1, 1)]);
    for (int x = 1; x < w - 1; ++x) t[x] = 0.25f * (r[x - 1] + 2 * r[x] + r[x + 1]);
    if (w > 1) t[w - 1] = 0.25f * (r[w - 2] + 2 * r[w - 1] + r[w - 1]);
  }
  for (int y = 0; y < h; ++y) {
    const float* up = tmp_.data() + size_t(std::max(0, y - 1)) * w;
    const float* mid = tmp_.data() + size_t(y) * w;
    const float* down = tmp_.data() + size_t(std::min(h - 1, y + 1)) * w;
    float* s = out_.darkness.data() + size_t(y) * w;
    for (int x = 0; x < w; ++x) s[x] = 0.25f * (up[x] + 2 * mid[x] + down[x]);
  }
}

void Binarizer::grow_ink(int w, int h, float low, float high) {
  // Hysteresis: grow from pixels above `high` through pixels above `low`, a run of a row at a
  // time (the ink is the same set in whatever order it is grown).
  const std::vector<float>& darkness = out_.darkness;
  const size_t n = size_t(w) * h;
  out_.mask.assign(n, 0);
  uint8_t* mask = out_.mask.data();
  for (size_t seed = 0; seed < n; ++seed) {
    if (mask[seed] || darkness[seed] < high) continue;
    stack_.clear();
    stack_.push_back(int(seed));
    while (!stack_.empty()) {
      const int at = stack_.back();
      stack_.pop_back();
      const int y = at / w;
      const size_t row = size_t(y) * w;
      if (mask[size_t(at)]) continue;  // reached from another run meanwhile
      int left = at % w, right = left;
      while (left > 0 && !mask[row + size_t(left - 1)] && darkness[row + size_t(left - 1)] >= low) --left;
      while (right + 1 < w && !mask[row + size_t(right + 1)] && darkness[row + size_t(right + 1)] >= low) ++right;
      std::fill(mask + row + left, mask + row + right + 1, uint8_t(1));
      grow_around(left, right, y, w, h, low);
    }
  }
}

void Binarizer::grow_around(int left, int right, int y, int w, int h, float low) {
  const uint8_t* mask = out_.mask.data();
  const float* darkness = out_.darkness.data();
  const int from = std::max(0, left - 1), to = std::min(w - 1, right + 1);
  for (int ny = y - 1; ny <= y + 1; ny += 2) {
    if (ny < 0 || ny >= h) continue;
    const size_t row = size_t(ny) * w;
    for (int x = from; x <= to; ++x) {
      if (mask[row + size_t(x)] || darkness[row + size_t(x)] < low) continue;
      stack_.push_back(int(row) + x);  // one seed for the run it starts
      while (x + 1 <= to && !mask[row + size_t(x + 1)] && darkness[row + size_t(x + 1)] >= low) ++x;
    }
  }
}

}  // namespace scrawl
