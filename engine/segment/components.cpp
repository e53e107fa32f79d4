#include "components.h"

#include <algorithm>

namespace scrawl {

std::span<const Component> ComponentFinder::find(const uint8_t* mask, int w, int h) {
  labels_.assign(size_t(w) * size_t(h), 0);
  components_.clear();
  int next = 0;
  for (int y0 = 0; y0 < h; ++y0)
    for (int x0 = 0; x0 < w; ++x0) {
      const size_t seed = size_t(y0) * w + x0;
      if (mask[seed] && !labels_[seed]) components_.push_back(flood(mask, w, h, x0, y0, ++next));
    }
  return components_;
}

Component ComponentFinder::flood(const uint8_t* mask, int w, int h, int x0, int y0, int label) {
  Component comp;
  comp.label = label;
  int minx = x0, maxx = x0, miny = y0, maxy = y0;
  const size_t seed = size_t(y0) * w + x0;
  labels_[seed] = label;
  stack_.clear();
  stack_.push_back(int(seed));
  while (!stack_.empty()) {
    const int at = stack_.back();
    stack_.pop_back();
    const int x = at % w, y = at / w;
    ++comp.area;
    comp.sum_x += x;
    comp.sum_y += y;
    minx = std::min(minx, x), maxx = std::max(maxx, x);
    miny = std::min(miny, y), maxy = std::max(maxy, y);
    push_neighbours(mask, w, h, x, y, label);
  }
  comp.box = {minx, miny, maxx - minx + 1, maxy - miny + 1};
  return comp;
}

void ComponentFinder::push_neighbours(const uint8_t* mask, int w, int h, int x, int y, int label) {
  for (int dy = -1; dy <= 1; ++dy) {
    const int ny = y + dy;
    if (ny < 0 || ny >= h) continue;
    for (int dx = -1; dx <= 1; ++dx) {
      const int nx = x + dx;
      if (nx < 0 || nx >= w) continue;
      const size_t n = size_t(ny) * w + nx;
      if (mask[n] && !labels_[n]) {
        labels_[n] = label;
        stack_.push_back(int(n));
      }
    }
  }
}

}  // namespace scrawl
