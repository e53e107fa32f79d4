#include "components.h"

#include <algorithm>

namespace scrawl {

std::span<const Component> ComponentFinder::find(const uint8_t* mask, int w, int h) {
  labels_.assign(size_t(w) * size_t(h), 0);
  components_.clear();
  int next = 0;
  for (int y0 = 0; y0 < h; ++y0) {
    const uint8_t* row = mask + size_t(y0) * w;
    const int* labelled = labels_.data() + size_t(y0) * w;
    for (int x0 = 0; x0 < w; ++x0)
      if (row[x0] && !labelled[x0]) components_.push_back(flood(mask, w, h, x0, y0, ++next));
  }
  return components_;
}

// Run by run: each seed taken from the stack is widened to its whole unlabelled run of the
// row, which is labelled at once; the runs touching it in the rows above and below (diagonals
// included) are pushed as seeds. The labels, areas, boxes and sums are those of any fill.
Component ComponentFinder::flood(const uint8_t* mask, int w, int h, int x0, int y0, int label) {
  Component comp;
  comp.label = label;
  int minx = x0, maxx = x0, miny = y0, maxy = y0;
  stack_.clear();
  stack_.push_back(y0 * w + x0);
  long long area = 0, sum_x = 0, sum_y = 0;
  while (!stack_.empty()) {
    const int at = stack_.back();
    stack_.pop_back();
    const int y = at / w;
    const size_t row = size_t(y) * w;
    if (labels_[row + size_t(at % w)]) continue;  // reached from another run meanwhile
    int left = at % w, right = left;
    while (left > 0 && mask[row + size_t(left - 1)] && !labels_[row + size_t(left - 1)]) --left;
    while (right + 1 < w && mask[row + size_t(right + 1)] && !labels_[row + size_t(right + 1)]) ++right;
    std::fill(labels_.begin() + long(row) + left, labels_.begin() + long(row) + right + 1, label);
    const long long n = right - left + 1;
    area += n;
    sum_x += (long long)(left + right) * n / 2;
    sum_y += (long long)y * n;
    minx = std::min(minx, left), maxx = std::max(maxx, right);
    miny = std::min(miny, y), maxy = std::max(maxy, y);
    push_neighbours(mask, w, h, left, right, y);
  }
  comp.area = int(area);
  comp.sum_x = double(sum_x), comp.sum_y = double(sum_y);
  comp.box = {minx, miny, maxx - minx + 1, maxy - miny + 1};
  return comp;
}

void ComponentFinder::push_neighbours(const uint8_t* mask, int w, int h, int left, int right, int y) {
  const int from = std::max(0, left - 1), to = std::min(w - 1, right + 1);
  for (int ny = y - 1; ny <= y + 1; ny += 2) {
    if (ny < 0 || ny >= h) continue;
    const size_t row = size_t(ny) * w;
    for (int x = from; x <= to; ++x) {
      if (!mask[row + size_t(x)] || labels_[row + size_t(x)]) continue;
      stack_.push_back(int(row) + x);  // one seed for the run it starts
      while (x + 1 <= to && mask[row + size_t(x + 1)] && !labels_[row + size_t(x + 1)]) ++x;
    }
  }
}

}  // namespace scrawl
