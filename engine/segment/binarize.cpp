#include "binarize.h"

#include <algorithm>
#include <array>

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
  std::array<long long, kBins> hist{};
  for (float d : darkness) ++hist[size_t(std::min(kBins - 1, int(d * (kBins - 1) + 0.5f)))];
  const float paper = float(percentile_bin(hist, (long long)n, 0.5)) / (kBins - 1);
  const float high = std::max(float(otsu(hist) + 1) / (kBins - 1), paper + kMinInk);
  const float low = std::max(paper + 0.5f * kMinInk, 0.5f * high);
  out_.low = low, out_.high = high;
  grow_ink(w, h, low, high);

  // Ink level for the normaliser: 1 at the strokes' typical darkness (90th percentile of the
  // ink pixels), fading to 0 a little below the low threshold so stroke edges stay soft.
  std::array<long long, kBins> ink_hist{};
  long long ink_count = 0;
  for (size_t i = 0; i < n; ++i)
    if (out_.mask[i]) ++ink_hist[size_t(std::min(kBins - 1, int(darkness[i] * (kBins - 1) + 0.5f)))], ++ink_count;
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
    for (int x = 0; x < w; ++x) t[x] = 0.25f * (r[std::max(0, x - 1)] + 2 * r[x] + r[std::min(w - 1, x + 1)]);
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
  // Hysteresis: grow from pixels above `high` through pixels above `low`.
  const std::vector<float>& darkness = out_.darkness;
  const size_t n = size_t(w) * h;
  out_.mask.assign(n, 0);
  for (size_t seed = 0; seed < n; ++seed) {
    if (out_.mask[seed] || darkness[seed] < high) continue;
    out_.mask[seed] = 1;
    stack_.clear();
    stack_.push_back(int(seed));
    while (!stack_.empty()) {
      const int at = stack_.back();
      stack_.pop_back();
      grow_around(at % w, at / w, w, h, low);
    }
  }
}

void Binarizer::grow_around(int x, int y, int w, int h, float low) {
  for (int dy = -1; dy <= 1; ++dy) {
    if (y + dy < 0 || y + dy >= h) continue;
    for (int dx = -1; dx <= 1; ++dx) {
      if (x + dx < 0 || x + dx >= w) continue;
      const size_t nb = size_t(y + dy) * w + size_t(x + dx);
      if (!out_.mask[nb] && out_.darkness[nb] >= low) {
        out_.mask[nb] = 1;
        stack_.push_back(int(nb));
      }
    }
  }
}

}  // namespace scrawl
