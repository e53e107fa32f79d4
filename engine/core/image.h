// An 8-bit grayscale image, row-major, 0 = black, 255 = white.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace scrawl {

struct GrayImage {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> pixels;

  GrayImage() = default;
  GrayImage(int w, int h, uint8_t fill = 255) : width(w), height(h), pixels(size_t(w) * size_t(h), fill) {}
  uint8_t at(int x, int y) const { return pixels[size_t(y) * size_t(width) + size_t(x)]; }
  uint8_t& at(int x, int y) { return pixels[size_t(y) * size_t(width) + size_t(x)]; }
  bool empty() const { return width <= 0 || height <= 0; }
};

}  // namespace scrawl
