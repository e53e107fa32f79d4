#include "core/block_means.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace scrawl {
namespace {

// The shrink behind the working copy and a decoded image made smaller, on a region of a larger
// image, at factors of 2 to 4 (their widths fixed at compile time) and above 257 (column sums
// needing more than 16 bits).
TEST(BlockMeans, EachPixelIsTheMeanOfItsBlockOfARegion) {
  const int w = 700, h = 650, stride = 709;
  std::vector<uint8_t> src(size_t(stride) * h);
  for (size_t i = 0; i < src.size(); ++i) src[i] = uint8_t(i % 5 == 0 ? 255 : (i * 131 + i / 7) % 256);
  BlockMeans shrink;
  for (const int f : {2, 3, 4, 5, 257, 258, 300}) {
    const int ow = (w + f - 1) / f, oh = (h + f - 1) / f;
    std::vector<uint8_t> out(size_t(ow) * oh);
    shrink.shrink(src.data(), w, h, size_t(stride), f, out.data());
    int wrong = 0;
    for (int oy = 0; oy < oh; ++oy)
      for (int ox = 0; ox < ow; ++ox) {
        long sum = 0, n = 0;
        for (int y = oy * f; y < std::min(h, oy * f + f); ++y)
          for (int x = ox * f; x < std::min(w, ox * f + f); ++x) sum += src[size_t(y) * stride + x], ++n;
        wrong += out[size_t(oy) * ow + ox] != (sum + n / 2) / n;
      }
    EXPECT_EQ(wrong, 0) << "factor " << f;
  }
}

}  // namespace
}  // namespace scrawl
