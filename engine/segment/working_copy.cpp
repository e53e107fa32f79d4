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
    for (int ox = 0; ox < out_.width; ++ox) {
      const int x0 = ox * k, x1 = std::min(image.width, x0 + k);
      uint32_t s = 0;
      for (int x = x0; x < x1; ++x) s += sums[x];
      const uint32_t n = uint32_t(y1 - y0) * uint32_t(x1 - x0);
      out[ox] = uint8_t((s + n / 2) / n);
    }
  }
  return out_;
}

}  // namespace scrawl
