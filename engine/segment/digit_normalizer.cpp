#include "digit_normalizer.h"

#include <algorithm>
#include <cmath>

#include "resample.h"

namespace scrawl {

void DigitNormalizer::normalize(const float* ink, int w, int h, int stride, DigitPixels& out) {
  const float scale = float(kDigitBox) / float(std::max(w, h));  // output pixels per source pixel
  const int sw = std::clamp(int(std::lround(w * scale)), 1, kDigitBox);
  const int sh = std::clamp(int(std::lround(h * scale)), 1, kDigitBox);

  // A thin pen line on a big photo would shrink to a faint trace: estimate the stroke width
  // (2·area/perimeter of the inked pixels) and thicken it to ~1.5 output pixels first.
  const float* src = ink;
  int src_stride = stride;
  if (scale < 0.5f) {
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
    const float stroke = edge > 0 ? float(2.0 * area / edge) : 1.0f;
    const int radius = int(std::floor((1.5f / scale - stroke) / 2.0f));
    if (radius >= 1) {
      // Separable max filter (a square structuring element).
      thick_.assign(size_t(w) * h, 0.0f);
      small_.assign(size_t(w) * h, 0.0f);
      for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
          float m = 0;
          for (int dx = std::max(0, x - radius); dx <= std::min(w - 1, x + radius); ++dx)
            m = std::max(m, ink[y * stride + dx]);
          small_[size_t(y) * w + x] = m;
        }
      for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
          float m = 0;
          for (int dy = std::max(0, y - radius); dy <= std::min(h - 1, y + radius); ++dy)
            m = std::max(m, small_[size_t(dy) * w + x]);
          thick_[size_t(y) * w + x] = m;
        }
      src = thick_.data();
      src_stride = w;
    }
  }

  small_.resize(size_t(sw) * sh);
  resample_area(src, w, h, src_stride, small_.data(), sw, sh);

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
