#include "segment/morphology.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace scrawl {
namespace {

// The extreme over each pixel's (2r+1)² window, pixels outside the image left out.
template <class T>
std::vector<T> window_extreme(const std::vector<T>& img, int w, int h, int r, bool largest) {
  std::vector<T> out(img.size());
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      T best = img[size_t(y) * w + x];
      for (int yy = std::max(0, y - r); yy <= std::min(h - 1, y + r); ++yy)
        for (int xx = std::max(0, x - r); xx <= std::min(w - 1, x + r); ++xx) {
          const T v = img[size_t(yy) * w + xx];
          best = largest ? std::max(best, v) : std::min(best, v);
        }
      out[size_t(y) * w + x] = best;
    }
  return out;
}

template <class T>
void expect_window_extremes(std::mt19937& rng) {
  Morphology<T> morphology;  // one, so that its scratch buffers are reused across sizes
  std::uniform_int_distribution<int> value(0, 255);
  for (int trial = 0; trial < 60; ++trial) {
    const int w = 1 + int(rng() % 70), h = 1 + int(rng() % 40), r = 1 + int(rng() % 40);
    std::vector<T> img(size_t(w) * h);
    for (T& v : img) v = T(value(rng));
    for (const bool largest : {true, false}) {
      std::vector<T> got = img;
      largest ? morphology.dilate(got, w, h, r) : morphology.erode(got, w, h, r);
      ASSERT_EQ(got, window_extreme(img, w, h, r, largest)) << w << "×" << h << " r " << r << " dilate " << largest;
    }
  }
}

TEST(Morphology, EachPixelIsTheExtremeOfItsSquareWindowWithinTheImage) {
  std::mt19937 rng(5);
  expect_window_extremes<uint8_t>(rng);
  expect_window_extremes<float>(rng);
}

}  // namespace
}  // namespace scrawl
