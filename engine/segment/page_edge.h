// Reading a page, after stage 6: the edge of a photographed sheet, where the paper meets the
// table, can leave a thin dark line that reads as a confident "1". A stroke has paper on both
// sides; that line has paper on one side and the much darker table on the other.
#pragma once
#include <cstdint>
#include <vector>

#include "components.h"

namespace scrawl {

class PageEdgeCheck {
 public:
  // Only thin shapes (a "1", a slanted bar) are checked: an edge never looks like anything else.
  static constexpr float kThin = 0.35f;
  // The darker side is below this share of the brighter one's brightness.
  static constexpr float kDarkSide = 0.5f;

  // gray: the working copy, paper bright (w*h); box in its pixels.
  bool is_page_edge(const std::vector<uint8_t>& gray, int w, int h, const Box& box);

 private:
  // A bright level of the strip (its 75th percentile, so a neighbour's ink does not count), or
  // -1 where the strip lies outside the image.
  int side_level(const std::vector<uint8_t>& gray, int w, int h, int x0, int x1, int y0, int y1);
  std::vector<uint8_t> strip_;
};

}  // namespace scrawl
