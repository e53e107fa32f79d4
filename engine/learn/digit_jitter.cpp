#include "digit_jitter.h"

#include <algorithm>
#include <cmath>

namespace scrawl::learn {
namespace {

float at(const DigitPixels& p, int x, int y) {
  return x < 0 || y < 0 || x >= kDigitSide || y >= kDigitSide ? 0.0f : p[size_t(y * kDigitSide + x)];
}

float bilinear(const DigitPixels& p, float x, float y) {
  const int x0 = int(std::floor(x)), y0 = int(std::floor(y));
  const float fx = x - float(x0), fy = y - float(y0);
  return (1 - fy) * ((1 - fx) * at(p, x0, y0) + fx * at(p, x0 + 1, y0)) +
         fy * ((1 - fx) * at(p, x0, y0 + 1) + fx * at(p, x0 + 1, y0 + 1));
}

}  // namespace

void jitter_digit(const DigitPixels& in, Rng& rng, DigitPixels& out) {
  const float turn = rng.uniform(-0.17f, 0.17f), scale = rng.uniform(0.9f, 1.1f), shear = rng.uniform(-0.15f, 0.15f);
  const float tx = rng.uniform(-1.5f, 1.5f), ty = rng.uniform(-1.5f, 1.5f);
  // From output to source: the inverse of scale · shear · rotation, about the centre.
  const float c = std::cos(turn) / scale, s = std::sin(turn) / scale;
  const float centre = (kDigitSide - 1) / 2.0f;
  for (int y = 0; y < kDigitSide; ++y)
    for (int x = 0; x < kDigitSide; ++x) {
      const float dx = float(x) - centre - tx, dy = float(y) - centre - ty;
      const float sx = c * dx + s * dy - shear * dy, sy = -s * dx + c * dy;
      out[size_t(y * kDigitSide + x)] = bilinear(in, sx + centre, sy + centre);
    }
  // Bolder or finer strokes, a third of the time each: a soft grey-level dilation or erosion.
  const float bold = rng.uniform();
  if (bold > 2.0f / 3) return;
  const DigitPixels moved = out;
  const bool bolder = bold < 1.0f / 3;
  for (int y = 0; y < kDigitSide; ++y)
    for (int x = 0; x < kDigitSide; ++x) {
      float m = moved[size_t(y * kDigitSide + x)];
      for (int k = 0; k < 4; ++k) {
        const float v = at(moved, x + (k == 0) - (k == 1), y + (k == 2) - (k == 3));
        m = bolder ? std::max(m, v) : std::min(m, v);
      }
      out[size_t(y * kDigitSide + x)] = 0.5f * (moved[size_t(y * kDigitSide + x)] + m);
    }
}

}  // namespace scrawl::learn
