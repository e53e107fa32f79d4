#include "line_normalizer.h"

#include <algorithm>
#include <cmath>

#include "resample.h"

namespace scrawl {
namespace {

// The grey level below which `share` of the region's pixels lie.
int level_at(const std::vector<int>& histogram, long total, double share) {
  long seen = 0;
  const long want = std::max(1L, long(std::ceil(share * double(total))));
  for (int v = 0; v < 256; ++v)
    if ((seen += histogram[size_t(v)]) >= want) return v;
  return 255;
}

}  // namespace

int LineNormalizer::prepare(const GrayImage& image, Box r, float* out) {
  std::fill(out, out + kLineHeight * kLineWidth, 0.0f);
  const int x0 = std::clamp(r.x, 0, image.width), y0 = std::clamp(r.y, 0, image.height);
  const int x1 = std::clamp(r.right(), x0, image.width), y1 = std::clamp(r.bottom(), y0, image.height);
  const int w = x1 - x0, h = y1 - y0;
  if (w <= 0 || h <= 0) return 0;

  // Paper is the region's median grey (ink covers far less than half of a line), ink its
  // darkest percent: the frame holds how far each pixel is from paper towards ink.
  histogram_.assign(256, 0);
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) ++histogram_[image.at(x, y)];
  const long total = long(w) * h;
  const int paper = level_at(histogram_, total, 0.5), ink = level_at(histogram_, total, 0.01);
  const float span = float(std::max(24, paper - ink));
  ink_.resize(size_t(total));
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x)
      ink_[size_t(y - y0) * w + (x - x0)] = std::clamp(float(paper - image.at(x, y)) / span, 0.0f, 1.0f);

  const int width = std::clamp(int(std::lround(double(w) * kLineHeight / h)), 1, kLineWidth);
  // resample_area writes a dense width × kLineHeight image; the frame's rows are kLineWidth long.
  ink_.resize(size_t(total) + size_t(width) * kLineHeight);
  float* scaled = ink_.data() + total;
  resample_area(ink_.data(), w, h, w, scaled, width, kLineHeight);
  for (int y = 0; y < kLineHeight; ++y)
    std::copy(scaled + size_t(y) * width, scaled + size_t(y + 1) * width, out + size_t(y) * kLineWidth);
  return width;
}

}  // namespace scrawl
