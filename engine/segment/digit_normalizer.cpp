#include "digit_normalizer.h"

#include <algorithm>
#include <cmath>

#include "resample.h"

namespace scrawl {
namespace {

// 2·area/perimeter of the inked pixels (above half): the width of their strokes.
float stroke_width(const float* ink, int w, int h, int stride) {
  double area = 0, edge = 0;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const bool on = ink[y * stride + x] > 0.5f;
      if (!on) continue;
      area += 1;
      if (x == 0 || ink[y * stride + x - 1] <= 0.5f) edge += 1;
      if (x == w - 1 || ink[y * stride + x + 1] <= 0.5f) edge += 1;
      if (y == 0 || ink[(y - 1) * stride + x] <= 0.5f) edge += 1;
      if (y == h - 1 || ink[(y + 1) * stride + x] <= 0.5f) edge += 1;
    }
  }
  return edge > 0 ? float(2.0 * area / edge) : 1.0f;
}

}  // namespace

void DigitNormalizer::normalize(const float* ink, int w, int h, int stride, DigitPixels& out) {
  const float scale = float(kDigitBox) / float(std::max(w, h));  // output pixels per source pixel
  const int sw = std::clamp(int(std::lround(w * scale)), 1, kDigitBox);
  const int sh = std::clamp(int(std::lround(h * scale)), 1, kDigitBox);

  // A thin pen line on a big photo would shrink to a faint trace: estimate the stroke width
  // and thicken it to ~1.5 output pixels first.
  const float* src = ink;
  int src_stride = stride;
  if (scale < 0.5f) {
    const float stroke = stroke_width(ink, w, h, stride);
    const int radius = int(std::floor((1.5f / scale - stroke) / 2.0f));
    if (radius >= 1) {
      thicken(ink, w, h, stride, radius);
      src = thick_.data();
      src_stride = w;
    }
  }

  small_.resize(size_t(sw) * sh);
  resample_area(src, w, h, src_stride, small_.data(), sw, sh);
  place_by_mass(sw, sh, out);
}

void DigitNormalizer::thicken(const float* ink, int w, int h, int stride, int radius) {
  // A max filter over a square; ink is never below 0, the paper's level outside the image.
  thick_.resize(size_t(w) * h);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) thick_[size_t(y) * w + x] = std::max(0.0f, ink[size_t(y) * stride + x]);
  grow_.dilate(thick_, w, h, radius);
}

void DigitNormalizer::place_by_mass(int sw, int sh, DigitPixels& out) {
  // The sw×sh digit in small_, its centre of mass at the middle of the 28×28.
  double mass = 0, mx = 0, my = 0;
  for (int y = 0; y < sh; ++y)
    for (int x = 0; x < sw; ++x) {
      const float v = small_[size_t(y) * sw + x];
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  const double cx = mass > 0 ? mx / mass : sw / 2.0, cy = mass > 0 ? my / mass : sh / 2.0;
  const int ox = int(std::lround(kDigitSide / 2.0 - cx)), oy = int(std::lround(kDigitSide / 2.0 - cy));

  out.fill(0.0f);
  for (int y = 0; y < sh; ++y) {
    const int ty = y + oy;
    if (ty < 0 || ty >= kDigitSide) continue;
    for (int x = 0; x < sw; ++x) {
      const int tx = x + ox;
      if (tx < 0 || tx >= kDigitSide) continue;
      out[size_t(ty) * kDigitSide + tx] = std::min(1.0f, small_[size_t(y) * sw + x]);
    }
  }
}

}  // namespace scrawl
