#include "working_copy.h"

#include <algorithm>

namespace scrawl {

WorkingCopy& WorkingCopyMaker::make(const GrayImage& image) {
  const int longest = std::max(image.width, image.height);
  const int k = std::max(1, (longest + kMaxSide - 1) / kMaxSide);
  out_.factor = k;
  out_.width = (image.width + k - 1) / k;
  out_.height = (image.height + k - 1) / k;
  out_.gray.resize(size_t(out_.width) * out_.height);
  if (k == 1) {
    std::copy(image.pixels.begin(), image.pixels.end(), out_.gray.begin());
    return out_;
  }
  // Box filter with whole blocks (the last row and column of blocks may be partial). Plain
  // integer sums: this touches every pixel of a 12-megapixel photo once, so it must be cheap.
  // A block row's source rows are added column by column first (a loop the compiler
  // vectorises), then each block's k columns of those sums.
  sums_.resize(size_t(image.width));
  for (int oy = 0; oy < out_.height; ++oy) {
    const int y0 = oy * k, y1 = std::min(image.height, y0 + k);
    std::fill(sums_.begin(), sums_.end(), 0u);
    uint32_t* __restrict sums = sums_.data();
    const int width = image.width;
    for (int y = y0; y < y1; ++y) {
      const uint8_t* __restrict row = image.pixels.data() + size_t(y) * size_t(width);
      for (int x = 0; x < width; ++x) sums[x] += row[x];
    }
    uint8_t* out = out_.gray.data() + size_t(oy) * out_.width;
    // (s + n/2) / n without a division per pixel (it was a third of this function's time):
    // (s + n/2 + 0.5) / n lies at least 0.5 / n from a whole number, and a float's rounding,
    // under 256 * 2^-23, is far less for any block up to 100 pixels a side.
    const auto mean = [](uint32_t s, uint32_t n, float inv_n) { return uint8_t((float(s + n / 2) + 0.5f) * inv_n); };
    const uint32_t full_n = uint32_t(y1 - y0) * uint32_t(k);
    const float full_inv = 1.0f / float(full_n);
    for (int ox = 0; ox < out_.width; ++ox) {
      const int x0 = ox * k, x1 = std::min(image.width, x0 + k);
      uint32_t s = 0;
      for (int x = x0; x < x1; ++x) s += sums[x];
      const uint32_t n = uint32_t(y1 - y0) * uint32_t(x1 - x0);
      out[ox] = n == full_n ? mean(s, n, full_inv) : mean(s, n, 1.0f / float(n));
    }
  }
  return out_;
}

}  // namespace scrawl
