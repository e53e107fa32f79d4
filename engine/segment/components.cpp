#include "components.h"

#include <algorithm>

namespace scrawl {

std::span<const Component> ComponentFinder::find(const uint8_t* mask, int w, int h) {
  labels_.assign(size_t(w) * size_t(h), 0);
  components_.clear();
  int next = 0;
  for (int y0 = 0; y0 < h; ++y0) {
    for (int x0 = 0; x0 < w; ++x0) {
      const size_t seed = size_t(y0) * w + x0;
      if (!mask[seed] || labels_[seed]) continue;
      Component comp;
      comp.label = ++next;
      int minx = x0, maxx = x0, miny = y0, maxy = y0;
      labels_[seed] = next;
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
        for (int dy = -1; dy <= 1; ++dy) {
          const int ny = y + dy;
          if (ny < 0 || ny >= h) continue;
          for (int dx = -1; dx <= 1; ++dx) {
            const int nx = x + dx;
            if (nx < 0 || nx >= w) continue;
            const size_t n = size_t(ny) * w + nx;
            if (mask[n] && !labels_[n]) {
              labels_[n] = next;
              stack_.push_back(int(n));
            }
          }
        }
      }
      comp.box = {minx, miny, maxx - minx + 1, maxy - miny + 1};
      components_.push_back(comp);
    }
  }
  return components_;
}

}  // namespace scrawl
