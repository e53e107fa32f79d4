#include "line_normalizer.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>

#include "resample.h"

namespace scrawl {
namespace {

// The grey level below which `share` of the region's pixels lie.
int level_at(const std::vector<int>& histogram, long total, double share) {
  long seen = 0;
  const long want = std::max(1L, long(std::ceil(share * double(total))));
  for (int v = 0; v < 256; ++v)
    if ((seen += histogram[size_t(v)]) >= want) return v;
  return 255;
}

// [lo, hi) of the profile holding all of its mass but `tail` at either end.
std::pair<int, int> band(const std::vector<double>& profile, double tail) {
  double total = 0;
  for (double v : profile) total += v;
  int lo = 0, hi = int(profile.size());
  double seen = 0;
  while (lo < hi && (seen += profile[size_t(lo)]) <= tail * total) ++lo;
  seen = 0;
  while (hi > lo + 1 && (seen += profile[size_t(hi - 1)]) <= tail * total) --hi;
  return {lo, hi};
}

}  // namespace

LineNormalizer::Placed LineNormalizer::prepare(const GrayImage& image, Box r, float* out) {
  std::fill(out, out + kLineHeight * kLineWidth, 0.0f);
  const int x0 = std::clamp(r.x, 0, image.width), y0 = std::clamp(r.y, 0, image.height);
  const int x1 = std::clamp(r.right(), x0, image.width), y1 = std::clamp(r.bottom(), y0, image.height);
  const int w = x1 - x0, h = y1 - y0;
  if (w <= 0 || h <= 0) return {};

  // Paper is the region's median grey (ink covers far less than half of a line), ink its
  // darkest percent: the frame holds how far each pixel is from paper towards ink.
  histogram_.assign(256, 0);
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) ++histogram_[image.at(x, y)];
  const long total = long(w) * h;
  const int paper = level_at(histogram_, total, 0.5), ink = level_at(histogram_, total, 0.01);
  const float span = float(std::max(24, paper - ink));
  ink_.resize(size_t(total));
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x)
      ink_[size_t(y - y0) * w + (x - x0)] = std::clamp(float(paper - image.at(x, y)) / span, 0.0f, 1.0f);

  // The ink's band: rows and columns holding all but 1% of it at either end, grown by a
  // margin of the band's height (a region of paper alone is laid out whole).
  int bx0 = 0, bx1 = w, by0 = 0, by1 = h;
  profile_.assign(size_t(h), 0.0);
  double ink_total = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) profile_[size_t(y)] += ink_[size_t(y) * w + x];
  for (double v : profile_) ink_total += v;
  if (ink_total > 4.0) {
    std::tie(by0, by1) = band(profile_, 0.01);
    profile_.assign(size_t(w), 0.0);
    for (int y = by0; y < by1; ++y)
      for (int x = 0; x < w; ++x) profile_[size_t(x)] += ink_[size_t(y) * w + x];
    std::tie(bx0, bx1) = band(profile_, 0.005);
    const int tall = by1 - by0, my = std::max(1, tall * 15 / 100), mx = std::max(1, tall / 4);
    by0 = std::max(0, by0 - my), by1 = std::min(h, by1 + my);
    bx0 = std::max(0, bx0 - mx), bx1 = std::min(w, bx1 + mx);
  }
  const int bw = bx1 - bx0, bh = by1 - by0;
  const int width = std::clamp(int(std::lround(double(bw) * kLineHeight / bh)), 1, kLineWidth);
  // resample_area writes a dense width × kLineHeight image; the frame's rows are kLineWidth long.
  ink_.resize(size_t(total) + size_t(width) * kLineHeight);
  float* scaled = ink_.data() + total;
  resample_area(ink_.data() + size_t(by0) * w + bx0, bw, bh, w, scaled, width, kLineHeight);
  for (int y = 0; y < kLineHeight; ++y)
    std::copy(scaled + size_t(y) * width, scaled + size_t(y + 1) * width, out + size_t(y) * kLineWidth);
  return {width, Box{x0 + bx0, y0 + by0, bw, bh}};
}

}  // namespace scrawl
