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

void LineNormalizer::even_out_light(const GrayImage& image, int x0, int y0, int w, int h) {
  const int block = std::max(8, std::min(w, h) / 4);
  const int gw = (w + block - 1) / block, gh = (h + block - 1) / block;
  blocks_.resize(size_t(gw) * gh);
  for (int by = 0; by < gh; ++by)
    for (int bx = 0; bx < gw; ++bx) {
      histogram_.assign(256, 0);
      const int xa = bx * block, xb = std::min(w, xa + block), ya = by * block, yb = std::min(h, ya + block);
      for (int y = ya; y < yb; ++y)
        for (int x = xa; x < xb; ++x) ++histogram_[grey(image, x0 + x, y0 + y)];
      blocks_[size_t(by) * gw + bx] = float(std::max(1, level_at(histogram_, long(xb - xa) * (yb - ya), 0.9)));
    }
  sorted_.assign(blocks_.begin(), blocks_.end());
  std::nth_element(sorted_.begin(), sorted_.begin() + long(sorted_.size() / 2), sorted_.end());
  const float reference = sorted_[sorted_.size() / 2];
  light_.resize(size_t(w) * h);
  // The paper between block centres, bilinearly.
  for (int y = 0; y < h; ++y) {
    const float gy = std::clamp((float(y) + 0.5f) / float(block) - 0.5f, 0.0f, float(gh - 1));
    const int ya = std::min(int(gy), gh - 1), yb = std::min(ya + 1, gh - 1);
    const float fy = gy - float(ya);
    for (int x = 0; x < w; ++x) {
      const float gx = std::clamp((float(x) + 0.5f) / float(block) - 0.5f, 0.0f, float(gw - 1));
      const int xa = std::min(int(gx), gw - 1), xb = std::min(xa + 1, gw - 1);
      const float fx = gx - float(xa);
      const float top = blocks_[size_t(ya) * gw + xa] * (1 - fx) + blocks_[size_t(ya) * gw + xb] * fx;
      const float bottom = blocks_[size_t(yb) * gw + xa] * (1 - fx) + blocks_[size_t(yb) * gw + xb] * fx;
      const float paper_here = top * (1 - fy) + bottom * fy;
      light_[size_t(y) * w + x] = std::min(255.0f, float(grey(image, x0 + x, y0 + y)) * reference / paper_here);
    }
  }
}

void LineNormalizer::level_slope(int w, int h) {
  // The ink's centre row in each column, fitted by a straight line weighted by the ink there.
  double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (int x = 0; x < w; ++x) {
    double mass = 0, moment = 0;
    for (int y = 0; y < h; ++y) {
      const double v = ink_[size_t(y) * w + x];
      mass += v, moment += v * y;
    }
    if (mass < 1.0) continue;
    const double cy = moment / mass;
    sw += mass, sx += mass * x, sy += mass * cy, sxx += mass * x * x, sxy += mass * x * cy;
  }
  const double var = sxx * sw - sx * sx;
  if (sw <= 0 || var <= 1e-9 * sw * sw) return;
  const double slope = (sxy * sw - sx * sy) / var;
  // Lines laid straight already, and fits steeper than a photo is held (a lone tall digit), stay.
  if (std::abs(slope) < kLevelFrom || std::abs(slope) > kLevelUpTo) return;
  const double centre = sx / sw;
  sheared_.assign(ink_.size(), 0.0f);
  for (int x = 0; x < w; ++x) {
    const double shift = slope * (double(x) - centre);
    for (int y = 0; y < h; ++y) {
      const double sy_ = double(y) + shift;
      const int y0_ = int(std::floor(sy_));
      const float f = float(sy_ - y0_);
      const float a = y0_ >= 0 && y0_ < h ? ink_[size_t(y0_) * w + x] : 0.0f;
      const float b = y0_ + 1 >= 0 && y0_ + 1 < h ? ink_[size_t(y0_ + 1) * w + x] : 0.0f;
      sheared_[size_t(y) * w + x] = a * (1 - f) + b * f;
    }
  }
  ink_.swap(sheared_);
}

LineNormalizer::Placed LineNormalizer::prepare(const GrayImage& image, Box r, float* out, InkSide ink_side) {
  std::fill(out, out + kLineHeight * kLineWidth, 0.0f);
  const int x0 = std::clamp(r.x, 0, image.width), y0 = std::clamp(r.y, 0, image.height);
  const int x1 = std::clamp(r.right(), x0, image.width), y1 = std::clamp(r.bottom(), y0, image.height);
  const int w = x1 - x0, h = y1 - y0;
  w_ = h_ = 0;
  source_w_ = image.width, source_h_ = image.height;
  if (w <= 0 || h <= 0) return {};
  scale_ = (h + kMostRows - 1) / kMostRows;
  if (scale_ == 1) {
    offset_x_ = offset_y_ = 0;
    return prepare_region(image, x0, y0, w, h, out, ink_side);
  }
  const int f = scale_, rw = (w + f - 1) / f, rh = (h + f - 1) / f;
  reduced_.width = rw, reduced_.height = rh;
  reduced_.pixels.resize(size_t(rw) * rh);
  shrink_.shrink(image.pixels.data() + size_t(y0) * image.width + x0, w, h, size_t(image.width), f,
                 reduced_.pixels.data());
  offset_x_ = x0, offset_y_ = y0;
  return prepare_region(reduced_, 0, 0, rw, rh, out, ink_side);
}

LineNormalizer::Placed LineNormalizer::prepare_region(const GrayImage& image, int x0, int y0, int w, int h, float* out,
                                                      InkSide ink_side) {
  const int x1 = x0 + w, y1 = y0 + h;

  // Light ink on a dark board is turned dark on light: ink is the tail of the greys far from
  // the median, on whichever side it is.
  histogram_.assign(256, 0);
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) ++histogram_[image.at(x, y)];
  const long total = long(w) * h;
  const int p1 = level_at(histogram_, total, 0.01), p50 = level_at(histogram_, total, 0.5),
            p99 = level_at(histogram_, total, 0.99);
  inverted_ = ink_side == InkSide::kFind ? p99 - p50 > p50 - p1 : ink_side == InkSide::kLight;

  // The paper's brightness, block by block (the brightest tenth of each block is paper even
  // inside a bold digit), is divided out first, so that a photo's falloff of light, vignette
  // or shadow does not turn one end of the line into ink.
  even_out_light(image, x0, y0, w, h);

  // Paper is the region's median grey (ink covers far less than half of a line), ink its
  // darkest percent: the frame holds how far each pixel is from paper towards ink.
  histogram_.assign(256, 0);
  for (float v : light_) ++histogram_[size_t(std::clamp(int(v), 0, 255))];
  const int paper = level_at(histogram_, total, 0.5), ink = level_at(histogram_, total, 0.01);
  const float span = float(std::max(24, paper - ink));
  ink_.resize(size_t(total));
  for (size_t i = 0; i < size_t(total); ++i) ink_[i] = std::clamp((float(paper) - light_[i]) / span, 0.0f, 1.0f);
  level_slope(w, h);

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
  x0_ = x0, y0_ = y0, w_ = w, h_ = h;
  bx0_ = bx0, by0_ = by0, bw_ = bx1 - bx0, bh_ = by1 - by0;
  return lay_out(1.0f, out);
}

LineNormalizer::Placed LineNormalizer::lay_out(float stretch, float* out) {
  std::fill(out, out + kLineHeight * kLineWidth, 0.0f);
  if (w_ <= 0 || h_ <= 0) return {};
  const int width = std::clamp(int(std::lround(double(bw_) * kLineHeight / bh_ * stretch)), 1, kLineWidth);
  // resample_area writes a dense width × kLineHeight image; the frame's rows are kLineWidth long.
  scaled_.resize(size_t(width) * kLineHeight);
  resample_area(ink_.data() + size_t(by0_) * w_ + bx0_, bw_, bh_, w_, scaled_.data(), width, kLineHeight);
  for (int y = 0; y < kLineHeight; ++y)
    std::copy(scaled_.begin() + long(y) * width, scaled_.begin() + long(y + 1) * width, out + size_t(y) * kLineWidth);
  const int sx0 = offset_x_ + (x0_ + bx0_) * scale_, sy0 = offset_y_ + (y0_ + by0_) * scale_;
  const int sx1 = std::min(source_w_, sx0 + bw_ * scale_), sy1 = std::min(source_h_, sy0 + bh_ * scale_);
  return {width, Box{sx0, sy0, sx1 - sx0, sy1 - sy0}};
}

}  // namespace scrawl
