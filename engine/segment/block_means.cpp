#include "block_means.h"

#include <algorithm>

namespace scrawl {
namespace {

// `sums` holds a column's sum of up to f source rows: 16 bits are enough up to f = 257, and
// twice as many columns fit in a vector as with 32.
template <class Sum>
void shrink_with(const uint8_t* src, int w, int h, size_t stride, int f, uint8_t* out, Sum* __restrict sums) {
  const int ow = (w + f - 1) / f, oh = (h + f - 1) / f;
  // (s + n/2) / n without a division per pixel (it was a third of the working copy's time):
  // (s + n/2 + 0.5) / n lies at least 0.5 / n from a whole number, and a float's rounding,
  // under 256 * 2^-23, is far less for any block up to 100 pixels a side; larger ones divide.
  const auto mean = [](uint32_t s, uint32_t n, float inv_n) {
    return n > 100 * 100 ? uint8_t((s + n / 2) / n) : uint8_t((float(s + n / 2) + 0.5f) * inv_n);
  };
  for (int oy = 0; oy < oh; ++oy) {
    const int y0 = oy * f, y1 = std::min(h, y0 + f);
    std::fill(sums, sums + w, Sum(0));
    for (int y = y0; y < y1; ++y) {
      const uint8_t* __restrict row = src + size_t(y) * stride;
      for (int x = 0; x < w; ++x) sums[x] = Sum(sums[x] + row[x]);
    }
    uint8_t* out_row = out + size_t(oy) * size_t(ow);
    const uint32_t full_n = uint32_t(y1 - y0) * uint32_t(f);
    const float full_inv = 1.0f / float(full_n);
    for (int ox = 0; ox < ow; ++ox) {
      const int x0 = ox * f, x1 = std::min(w, x0 + f);
      uint32_t s = 0;
      for (int x = x0; x < x1; ++x) s += sums[x];
      const uint32_t n = uint32_t(y1 - y0) * uint32_t(x1 - x0);
      out_row[ox] = n == full_n ? mean(s, n, full_inv) : mean(s, n, 1.0f / float(n));
    }
  }
}

}  // namespace

void BlockMeans::shrink(const uint8_t* src, int w, int h, size_t stride, int f, uint8_t* out) {
  if (f <= 257) {
    sums16_.resize(size_t(w));
    shrink_with(src, w, h, stride, f, out, sums16_.data());
  } else {
    sums32_.resize(size_t(w));
    shrink_with(src, w, h, stride, f, out, sums32_.data());
  }
}

}  // namespace scrawl
