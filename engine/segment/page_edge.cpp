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

}  // namespace scrawl
