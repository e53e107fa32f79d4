#include "single_digit.h"

#include <algorithm>
#include <cmath>

namespace scrawl {
namespace {

constexpr float kMaskLevel = 0.3f;       // ink above this is part of a stroke
constexpr float kLineSpan = 0.9f;        // a line covers this much of the image's width (height)
constexpr float kSpeckFraction = 0.05f;  // components smaller than this share of the largest are specks
constexpr double kBlobFill = 0.65;       // share of its box a solid dot fills
constexpr double kBlobSize = 0.2;        // a dot is smaller than this share of the image

}  // namespace

void erase_long_lines(std::vector<float>& ink, std::vector<uint8_t>& mask, int w, int h) {
  auto longest_run = [&](int start, int step, int count) {
    int best = 0, run = 0;
    for (int i = 0; i < count; ++i) {
      run = mask[size_t(start + i * step)] ? run + 1 : 0;
      best = std::max(best, run);
    }
    return best;
  };
  // Only thin bands count: a thick band across the image is a shadow or a fill, not a line.
  const int max_band = std::max(3, std::min(w, h) / 20);
  auto erase_bands = [&](int lines, int length, auto is_line, auto erase) {
    int y = 0;
    while (y < lines) {
      if (!is_line(y)) {
        ++y;
        continue;
      }
      int end = y;
      while (end < lines && is_line(end)) ++end;
      if (end - y <= max_band)
        for (int k = std::max(0, y - 1); k < std::min(lines, end + 1); ++k) erase(k);
      y = end;
    }
    (void)length;
  };
  erase_bands(
      h, w, [&](int y) { return longest_run(y * w, 1, w) >= int(kLineSpan * w); },
      [&](int y) {
        for (int x = 0; x < w; ++x) ink[size_t(y) * w + x] = 0, mask[size_t(y) * w + x] = 0;
      });
  erase_bands(
      w, h, [&](int x) { return longest_run(x, w, h) >= int(kLineSpan * h); },
      [&](int x) {
        for (int y = 0; y < h; ++y) ink[size_t(y) * w + x] = 0, mask[size_t(y) * w + x] = 0;
      });
}

namespace {

// A small round, solid blob (a dot, a smudge, a finger's tap) is no digit: a digit written
// with a pen or a finger leaves paper inside or beside its strokes. A digit filling its
// image (a crop, an MNIST digit) may be written heavily enough to look solid, so only
// blobs small against the image count. (box: the ink's, `inked` pixels of it; w×h: the image.)
bool blob(const Box& box, int inked, int w, int h) {
  const double fill = double(inked) / (double(box.w) * box.h);
  const double aspect = double(box.w) / box.h;
  const bool small = std::max(box.w, box.h) < kBlobSize * std::min(w, h);
  return small && fill > kBlobFill && aspect > 0.6 && aspect < 1.6;
}

}  // namespace

Result<PreparedDigit> SingleDigitPreprocessor::run(const GrayImage& image) {
  auto extracted = ink_.extract(image);
  if (!extracted) return extracted.error();
  InkImage& ink = **extracted;
  const int w = ink.width, h = ink.height;

  mask_.resize(size_t(w) * h);
  for (size_t i = 0; i < mask_.size(); ++i) mask_[i] = ink.ink[i] > kMaskLevel;
  erase_long_lines(ink.ink, mask_, w, h);

  auto comps = finder_.find(mask_.data(), w, h);
  int largest = 0;
  for (const auto& c : comps) largest = std::max(largest, c.area);
  if (largest < 3) return make_error(ErrorCode::kNoDigit, "no digit found: only specks or lines");

  const int min_area = std::max(2, int(std::ceil(kSpeckFraction * largest)));
  Box box;
  int inked = 0;
  for (const auto& c : comps)
    if (c.area >= min_area) box = unite(box, c.box), inked += c.area;
  if (std::max(box.w, box.h) < 4 || blob(box, inked, w, h))
    return make_error(ErrorCode::kNoDigit, "no digit found: only a dot or a blob");
  crop_kept(ink, comps, min_area, box);

  PreparedDigit out;
  normalizer_.normalize(crop_.data(), box.w, box.h, box.w, out.pixels);
  const float s = ink.scale;
  out.box = {int(std::floor(box.x * s)), int(std::floor(box.y * s)), int(std::ceil(box.w * s)),
             int(std::ceil(box.h * s))};
  return out;
}

void SingleDigitPreprocessor::crop_kept(const InkImage& ink, std::span<const Component> comps, int min_area,
                                        const Box& box) {
  // Copy the box, keeping only the ink of the kept components (and faint edges next to them).
  const auto& labels = finder_.labels();
  const int w = ink.width, h = ink.height;
  // Whether a component of at least min_area pixels is at or next to (sx, sy).
  auto near_kept = [&](int sx, int sy) {
    bool keep = false;
    for (int dy = -1; dy <= 1 && !keep; ++dy)
      for (int dx = -1; dx <= 1 && !keep; ++dx) {
        const int nx = sx + dx, ny = sy + dy;
        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
        const int label = labels[size_t(ny) * w + nx];
        keep = label > 0 && comps[size_t(label - 1)].area >= min_area;
      }
    return keep;
  };
  crop_.assign(size_t(box.w) * box.h, 0.0f);
  for (int y = 0; y < box.h; ++y)
    for (int x = 0; x < box.w; ++x) {
      const int sx = box.x + x, sy = box.y + y;
      if (near_kept(sx, sy)) crop_[size_t(y) * box.w + x] = ink.at(sx, sy);
    }
}

}  // namespace scrawl
