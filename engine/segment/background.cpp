#include "background.h"

#include <algorithm>
#include <cmath>

namespace scrawl {
namespace {

// Separable running max (grow = true) or min over a (2r+1)² square, in place.
void min_max_filter(std::vector<float>& img, std::vector<float>& tmp, int w, int h, int r, bool grow) {
  auto pick = [grow](float a, float b) { return grow ? std::max(a, b) : std::min(a, b); };
  tmp.resize(img.size());
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      float m = img[size_t(y) * w + x];
      for (int k = std::max(0, x - r); k <= std::min(w - 1, x + r); ++k) m = pick(m, img[size_t(y) * w + k]);
      tmp[size_t(y) * w + x] = m;
    }
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      float m = tmp[size_t(y) * w + x];
      for (int k = std::max(0, y - r); k <= std::min(h - 1, y + r); ++k) m = pick(m, tmp[size_t(k) * w + x]);
      img[size_t(y) * w + x] = m;
    }
}

// 3×3 mean, in place (edges clamped): softens the block pattern of the estimate.
void box_blur3(std::vector<float>& img, std::vector<float>& tmp, int w, int h) {
  tmp.resize(img.size());
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      tmp[size_t(y) * w + x] = (img[size_t(y) * w + std::max(0, x - 1)] + img[size_t(y) * w + x] +
                                img[size_t(y) * w + std::min(w - 1, x + 1)]) / 3.0f;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      img[size_t(y) * w + x] = (tmp[size_t(std::max(0, y - 1)) * w + x] + tmp[size_t(y) * w + x] +
                                tmp[size_t(std::min(h - 1, y + 1)) * w + x]) / 3.0f;
}

}  // namespace

const std::vector<float>& BackgroundFlattener::flatten(const std::vector<float>& gray, int w, int h) {
  // Half the widest stroke, in working pixels; blocks of half that size keep the small copy
  // cheap (about 50×40 for a big photo) while a few blocks still span any stroke.
  const float half_stroke = std::max(2.0f, 0.5f * kMaxStroke * float(std::max(w, h)));
  const int block = std::max(1, int(half_stroke / 2));
  const int radius = int(std::ceil(half_stroke / float(block)));
  const int sw = (w + block - 1) / block, sh = (h + block - 1) / block;

  // Brightest pixel per block: any block that touches paper reports the paper.
  small_.assign(size_t(sw) * sh, 0.0f);
  for (int y = 0; y < h; ++y) {
    float* row = small_.data() + size_t(y / block) * sw;
    const float* src = gray.data() + size_t(y) * w;
    for (int x = 0; x < w; ++x) row[x / block] = std::max(row[x / block], src[x]);
  }
  // Closing: the max filter fills in blocks lying wholly on ink, the min filter then moves
  // the edges of real shadows back to where they were.
  min_max_filter(small_, tmp_, sw, sh, radius, true);
  min_max_filter(small_, tmp_, sw, sh, radius, false);
  box_blur3(small_, tmp_, sw, sh);

  // Bilinear upsampling of the paper level, then darkness = 1 - pixel / paper.
  darkness_.resize(size_t(w) * h);
  for (int y = 0; y < h; ++y) {
    const float fy = std::clamp((y + 0.5f) / block - 0.5f, 0.0f, float(sh - 1));
    const int y0 = int(fy), y1 = std::min(sh - 1, y0 + 1);
    const float ty = fy - float(y0);
    const float* r0 = small_.data() + size_t(y0) * sw;
    const float* r1 = small_.data() + size_t(y1) * sw;
    const float* src = gray.data() + size_t(y) * w;
    float* dst = darkness_.data() + size_t(y) * w;
    for (int x = 0; x < w; ++x) {
      const float fx = std::clamp((x + 0.5f) / block - 0.5f, 0.0f, float(sw - 1));
      const int x0 = int(fx), x1 = std::min(sw - 1, x0 + 1);
      const float tx = fx - float(x0);
      const float paper = (1 - ty) * ((1 - tx) * r0[x0] + tx * r0[x1]) + ty * ((1 - tx) * r1[x0] + tx * r1[x1]);
      dst[x] = std::clamp(1.0f - src[x] / std::max(paper, 8.0f), 0.0f, 1.0f);
    }
  }
  return darkness_;
}

}  // namespace scrawl
