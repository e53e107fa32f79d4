// The page reader's two fills, component labelling and hysteresis, grow a row's run at a time;
// held here to what a plain pixel-by-pixel fill gives, on random masks and darkness maps of
// many sizes (one row, one column, ink along every edge). And the area resampler, which works
// out its column weights once per call, held to the same sums made pixel by pixel.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/rng.h"
#include "segment/binarize.h"
#include "segment/components.h"
#include "segment/resample.h"

namespace scrawl {
namespace {

// Plain 8-connected labelling, a pixel at a time, labels in raster order of first pixels.
std::vector<int> labels_pixel_by_pixel(const std::vector<uint8_t>& mask, int w, int h) {
  std::vector<int> labels(mask.size(), 0), stack;
  int next = 0;
  for (int s = 0; s < w * h; ++s) {
    if (!mask[size_t(s)] || labels[size_t(s)]) continue;
    labels[size_t(s)] = ++next;
    stack.assign(1, s);
    while (!stack.empty()) {
      const int at = stack.back();
      stack.pop_back();
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
          const int x = at % w + dx, y = at / w + dy;
          if (x < 0 || y < 0 || x >= w || y >= h) continue;
          const size_t n = size_t(y) * w + x;
          if (mask[n] && !labels[n]) labels[n] = next, stack.push_back(int(n));
        }
    }
  }
  return labels;
}

std::vector<uint8_t> random_mask(Rng& rng, int w, int h, float density) {
  std::vector<uint8_t> mask(size_t(w) * h);
  for (auto& m : mask) m = rng.chance(density) ? 1 : 0;
  return mask;
}

TEST(ComponentFinder, LabelsAsAPlainPixelByPixelFillDoes) {
  Rng rng(11);
  ComponentFinder finder;
  const int sizes[][2] = {{1, 1}, {1, 37}, {41, 1}, {7, 5}, {64, 48}, {130, 97}};
  for (const auto& size : sizes)
    for (float density : {0.1f, 0.45f, 0.6f, 0.9f}) {
      const int w = size[0], h = size[1];
      const auto mask = random_mask(rng, w, h, density);
      const auto comps = finder.find(mask.data(), w, h);
      const auto expected = labels_pixel_by_pixel(mask, w, h);
      ASSERT_EQ(finder.labels(), expected) << w << "x" << h << " at " << density;
      const int count = expected.empty() ? 0 : *std::max_element(expected.begin(), expected.end());
      ASSERT_EQ(int(comps.size()), count);
      for (const Component& c : comps) {
        int area = 0, x0 = w, y0 = h, x1 = -1, y1 = -1;
        double sx = 0, sy = 0;
        for (int y = 0; y < h; ++y)
          for (int x = 0; x < w; ++x)
            if (expected[size_t(y) * w + x] == c.label) {
              ++area, sx += x, sy += y;
              x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
            }
        EXPECT_EQ(c.area, area);
        EXPECT_EQ(c.sum_x, sx);
        EXPECT_EQ(c.sum_y, sy);
        EXPECT_EQ(c.box, (Box{x0, y0, x1 - x0 + 1, y1 - y0 + 1}));
      }
    }
}

TEST(Binarizer, InkIsWhatReachesADarkPixelThroughPixelsAboveTheLowThreshold) {
  Rng rng(12);
  Binarizer binarizer;
  const int sizes[][2] = {{1, 29}, {33, 1}, {9, 9}, {80, 60}, {151, 77}};
  for (const auto& size : sizes)
    for (int trial = 0; trial < 4; ++trial) {
      const int w = size[0], h = size[1];
      // Paper with blobs of ink of every darkness, so that low and high both cut through it.
      std::vector<float> darkness(size_t(w) * h);
      for (auto& d : darkness) d = rng.chance(0.5f) ? rng.uniform(0.0f, 0.15f) : rng.uniform(0.0f, 1.0f);
      const InkMap& ink = binarizer.run(darkness, w, h);
      // Per pixel: the components of "at least low"; those holding a pixel at least high are ink.
      std::vector<uint8_t> above_low(ink.darkness.size());
      for (size_t i = 0; i < above_low.size(); ++i) above_low[i] = ink.darkness[i] >= ink.low;
      const auto labels = labels_pixel_by_pixel(above_low, w, h);
      std::vector<uint8_t> reaches_high(labels.size() + 1, 0);
      for (size_t i = 0; i < labels.size(); ++i)
        if (ink.darkness[i] >= ink.high) reaches_high[size_t(labels[i])] = 1;
      int inked = 0;
      for (size_t i = 0; i < labels.size(); ++i) {
        const uint8_t expected = labels[i] && reaches_high[size_t(labels[i])];
        ASSERT_EQ(ink.mask[i], expected) << w << "x" << h << " pixel " << i;
        inked += expected;
      }
      EXPECT_GT(inked, 0);
      EXPECT_LT(inked, w * h);
    }
}

// Each output pixel: the source area it covers, weighed pixel by pixel, over that area.
std::vector<float> resampled_pixel_by_pixel(const std::vector<float>& src, int sw, int sh, int dw, int dh) {
  std::vector<float> out(size_t(dw) * dh);
  const double sx = double(sw) / dw, sy = double(sh) / dh;
  for (int oy = 0; oy < dh; ++oy) {
    const double y0 = oy * sy, y1 = (oy + 1) * sy;
    for (int ox = 0; ox < dw; ++ox) {
      const double x0 = ox * sx, x1 = (ox + 1) * sx;
      double acc = 0;
      for (int iy = int(std::floor(y0)); iy < std::min(sh, int(std::ceil(y1))); ++iy) {
        const double wy = std::min<double>(iy + 1, y1) - std::max<double>(iy, y0);
        double racc = 0;
        for (int ix = int(std::floor(x0)); ix < std::min(sw, int(std::ceil(x1))); ++ix)
          racc += (std::min<double>(ix + 1, x1) - std::max<double>(ix, x0)) * src[size_t(iy) * sw + ix];
        acc += wy * racc;
      }
      out[size_t(oy) * dw + ox] = float(acc / (sx * sy));
    }
  }
  return out;
}

TEST(ResampleArea, EachPixelIsTheMeanOfTheAreaItCovers) {
  Rng rng(13);
  const int sizes[][4] = {{1, 1, 20, 20}, {37, 5, 20, 9}, {140, 97, 20, 20}, {9, 13, 28, 28}, {300, 40, 192, 32}};
  for (const auto& size : sizes) {
    const int sw = size[0], sh = size[1], dw = size[2], dh = size[3];
    std::vector<float> src(size_t(sw) * sh);
    for (auto& v : src) v = rng.uniform();
    std::vector<float> out(size_t(dw) * dh);
    resample_area(src.data(), sw, sh, sw, out.data(), dw, dh);
    const auto expected = resampled_pixel_by_pixel(src, sw, sh, dw, dh);
    for (size_t i = 0; i < out.size(); ++i)
      ASSERT_NEAR(out[i], expected[i], 1e-6f) << sw << "x" << sh << " pixel " << i;
  }
  // A uniform image stays uniform, whatever the scale.
  std::vector<float> grey(size_t(33) * 21, 0.25f), out(size_t(20) * 20);
  resample_area(grey.data(), 33, 21, 33, out.data(), 20, 20);
  for (float v : out) EXPECT_NEAR(v, 0.25f, 1e-6f);
}

}  // namespace
}  // namespace scrawl
