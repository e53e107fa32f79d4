#include "page_edge.h"

#include <algorithm>

namespace scrawl {

int PageEdgeCheck::side_level(const std::vector<uint8_t>& gray, int w, int h, int x0, int x1, int y0, int y1) {
  x0 = std::max(0, x0), x1 = std::min(w, x1), y0 = std::max(0, y0), y1 = std::min(h, y1);
  if (x1 - x0 < 1 || y1 - y0 < 1) return -1;
  strip_.clear();
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) strip_.push_back(gray[size_t(y) * size_t(w) + size_t(x)]);
  auto at = strip_.begin() + long(strip_.size() * 3 / 4);
  std::nth_element(strip_.begin(), at, strip_.end());
  return *at;
}

bool PageEdgeCheck::is_page_edge(const std::vector<uint8_t>& gray, int w, int h, const Box& box) {
  if (float(box.w) > kThin * float(box.h)) return false;
  const int gap = std::max(2, box.h / 6), width = std::max(2, box.h / 4);
  const int left = side_level(gray, w, h, box.x - gap - width, box.x - gap, box.y, box.bottom());
  const int right = side_level(gray, w, h, box.right() + gap, box.right() + gap + width, box.y, box.bottom());
  if (left < 0 || right < 0) return false;
  return float(std::min(left, right)) < kDarkSide * float(std::max(left, right));
}

bool PageEdgeCheck::is_region_edge(const std::vector<uint8_t>& gray, const InkMap& ink, const Box& box) {
  const int w = ink.width, h = ink.height;
  const int reach = std::max(2, std::min(box.w, box.h) / kReach);
  const int x0 = std::max(0, box.x - reach), y0 = std::max(0, box.y - reach);
  const int x1 = std::min(w, box.right() + reach), y1 = std::min(h, box.bottom() + reach);
  const int bw = x1 - x0, bh = y1 - y0;
  // Pixels within `reach` of the box's ink: a square around each ink pixel.
  near_.assign(size_t(bw) * bh, 0);
  for (int y = std::max(box.y, y0); y < std::min(box.bottom(), y1); ++y)
    for (int x = std::max(box.x, x0); x < std::min(box.right(), x1); ++x)
      near_[size_t(y - y0) * bw + size_t(x - x0)] = ink.mask[size_t(y) * w + size_t(x)];
  grow_.dilate(near_, bw, bh, reach);
  ring_.clear(), stroke_.clear();
  for (int y = 0; y < bh; ++y)
    for (int x = 0; x < bw; ++x) {
      const size_t at = size_t(y + y0) * w + size_t(x + x0);
      const bool in_box = x + x0 >= box.x && x + x0 < box.right() && y + y0 >= box.y && y + y0 < box.bottom();
      if (ink.mask[at]) {
        if (in_box) stroke_.push_back(gray[at]);
      } else if (near_[size_t(y) * bw + x]) {
        ring_.push_back(gray[at]);
      }
    }
  if (stroke_.empty() || ring_.size() < 8) return false;
  const auto quantile = [](std::vector<uint8_t>& v, double q) {
    auto it = v.begin() + long(double(v.size() - 1) * q);
    std::nth_element(v.begin(), it, v.end());
    return float(*it);
  };
  // The ring's darker and brighter fifths: a stroke's neighbours and the table never make up
  // a fifth of the paper around it.
  const float stroke = quantile(stroke_, 0.5), dark = quantile(ring_, 0.2), bright = quantile(ring_, 0.8);
  return bright - stroke > 0 && dark - stroke < kDarkerSide * (bright - stroke);
}

}  // namespace scrawl
