#include "block_means.h"

#include <algorithm>

namespace scrawl {
namespace {

// (s + n/2) / n without a division per pixel (it was a third of the working copy's time):
// (s + n/2 + 0.5) / n lies at least 0.5 / n from a whole number, and a float's rounding,
// under 256 * 2^-23, is far less for any block up to 100 pixels a side; larger ones divide.
inline uint8_t mean(uint32_t s, uint32_t n, float inv_n) {
  return n > 100 * 100 ? uint8_t((s + n / 2) / n) : uint8_t((float(s + n / 2) + 0.5f) * inv_n);
}

// The means of `count` whole blocks F columns wide, each of n pixels.
template <int F, class Sum>
void whole_blocks(const Sum* __restrict sums, int count, uint32_t n, float inv_n, uint8_t* __restrict out) {
  for (int ox = 0; ox < count; ++ox) {
    uint32_t s = 0;
    for (int k = 0; k < F; ++k) s += sums[ox * F + k];
    out[ox] = uint8_t((float(s + n / 2) + 0.5f) * inv_n);
  }
}

// `sums` holds a column's sum of up to f source rows: 16 bits are enough up to f = 257, and
// twice as many columns fit in a vector as with 32.
template <class Sum>
void shrink_with(const uint8_t* src, int w, int h, size_t stride, int f, uint8_t* out, Sum* __restrict sums) {
  const int ow = (w + f - 1) / f, oh = (h + f - 1) / f;
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
    // Whole blocks, with the common factors' widths known to the compiler (so that it
    // vectorises them); then the last, partial one.
    const int whole = w / f;
    if (f == 2) whole_blocks<2>(sums, whole, full_n, full_inv, out_row);
    else if (f == 3) whole_blocks<3>(sums, whole, full_n, full_inv, out_row);
    else if (f == 4) whole_blocks<4>(sums, whole, full_n, full_inv, out_row);
    else
      for (int ox = 0; ox < whole; ++ox) {
        uint32_t s = 0;
        for (int x = ox * f; x < ox * f + f; ++x) s += sums[x];
        out_row[ox] = mean(s, full_n, full_inv);
      }
    if (whole < ow) {
      uint32_t s = 0;
      for (int x = whole * f; x < w; ++x) s += sums[x];
      const uint32_t n = uint32_t(y1 - y0) * uint32_t(w - whole * f);
      out_row[whole] = mean(s, n, 1.0f / float(n));
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
