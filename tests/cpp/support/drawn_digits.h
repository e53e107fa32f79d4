// Digits drawn by code, as someone draws them on a canvas: for the tests, the bad-input corpus
// and the fuzzers' seeds (none of which may depend on GoogleTest or the data sets).
#pragma once
#include <cmath>

#include "core/image.h"

namespace scrawl::testing {

// A thick stroke from (x0,y0) to (x1,y1) in ink value `ink`.
inline void stroke(GrayImage& img, float x0, float y0, float x1, float y1, float width, uint8_t ink) {
  const int steps = int(std::hypot(x1 - x0, y1 - y0)) + 1;
  for (int s = 0; s <= steps; ++s) {
    const float t = float(s) / float(steps), cx = x0 + t * (x1 - x0), cy = y0 + t * (y1 - y0);
    for (int y = int(cy - width); y <= int(cy + width); ++y)
      for (int x = int(cx - width); x <= int(cx + width); ++x)
        if (x >= 0 && y >= 0 && x < img.width && y < img.height && std::hypot(x - cx, y - cy) <= width / 2)
          img.at(x, y) = ink;
  }
}

// A "1" and a "7" as someone draws them on a canvas: black strokes on white.
inline GrayImage drawn_one(int w = 280, int h = 280) {
  GrayImage img(w, h, 255);
  stroke(img, w * 0.5f, h * 0.15f, w * 0.5f, h * 0.85f, w * 0.07f, 0);
  return img;
}
inline GrayImage drawn_seven(int w = 280, int h = 280) {
  GrayImage img(w, h, 255);
  stroke(img, w * 0.25f, h * 0.2f, w * 0.75f, h * 0.2f, w * 0.07f, 0);
  stroke(img, w * 0.75f, h * 0.2f, w * 0.4f, h * 0.85f, w * 0.07f, 0);
  return img;
}

}  // namespace scrawl::testing
