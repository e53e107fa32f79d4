// The page reader's two fills, component labelling and hysteresis, grow a row's run at a time;
// held here to what a plain pixel-by-pixel fill gives, on random masks and darkness maps of
// many sizes (one row, one column, ink along every edge).
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "core/rng.h"
#include "segment/binarize.h"
#include "segment/components.h"

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

}  // namespace
}  // namespace scrawl
