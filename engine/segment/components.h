// Connected components (8-connected) of a binary mask, with reusable buffers.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "core/box.h"

namespace scrawl {

struct Component {
  int label = 0;  // value in labels() for this component's pixels (1-based)
  int area = 0;   // pixels
  Box box;
  double sum_x = 0, sum_y = 0;  // for the centroid
};

class ComponentFinder {
 public:
  // mask: nonzero = foreground, w*h bytes row-major.
  std::span<const Component> find(const uint8_t* mask, int w, int h);
  const std::vector<int>& labels() const { return labels_; }

 private:
  // The component of ink from (x0, y0), 8-connected, labelled `label`.
  Component flood(const uint8_t* mask, int w, int h, int x0, int y0, int label);
  // Seeds for the unlabelled runs of ink that touch the run [left, right] of row y.
  void push_neighbours(const uint8_t* mask, int w, int h, int left, int right, int y);

  std::vector<int> labels_;
  std::vector<int> stack_;
  std::vector<Component> components_;
};

}  // namespace scrawl
