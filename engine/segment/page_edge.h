// Reading a page, after stage 6: the edge of a photographed sheet, where the paper meets the
// table, can leave a thin dark line that reads as a confident "1", and a sheet's corner or the
// sharp edge of a shadow a "7" or a "5". A stroke has paper on both sides; such a line has paper
// on one side and the much darker table or shadow on the other.
#pragma once
#include <cstdint>
#include <vector>

#include "binarize.h"
#include "components.h"
#include "morphology.h"

namespace scrawl {

class PageEdgeCheck {
 public:
  // Only thin shapes (a "1", a slanted bar) are checked: an edge never looks like anything else.
  static constexpr float kThin = 0.35f;
  // The darker side is below this share of the brighter one's brightness.
  static constexpr float kDarkSide = 0.5f;

  // gray: the working copy, paper bright (w*h); box in its pixels.
  bool is_page_edge(const std::vector<uint8_t>& gray, int w, int h, const Box& box);

  // Any shape: the ink in the box is the border of a darker region (a sheet's corner on the
  // table, the sharp edge of a shadow), not strokes on paper. The paper around a stroke (the
  // pixels near its ink that are no ink) is brighter than the stroke all round; around a
  // region's border, its darker part is the table or the shadow, about as dark as that ink.
  // Paper is looked for within a tenth of the box's shorter side of its ink (2 px at least).
  // The border is one where the ring's darker part is less than kDarkerSide as far above the
  // ink as its brighter part: 0.0–0.07 on the string test's blank pages read as a digit
  // (seed 1). At 0.4 the development writers' photos lost 1.8 points (blue ink by a shadow's
  // edge: 0.22 to 0.39 on those looked at); at 0.12, one photo of 3070.
  static constexpr int kReach = 10;
  static constexpr float kDarkerSide = 0.12f;
  bool is_region_edge(const std::vector<uint8_t>& gray, const InkMap& ink, const Box& box);

 private:
  // A bright level of the strip (its 75th percentile, so a neighbour's ink does not count), or
  // -1 where the strip lies outside the image.
  int side_level(const std::vector<uint8_t>& gray, int w, int h, int x0, int x1, int y0, int y1);
  std::vector<uint8_t> strip_;
  std::vector<uint8_t> near_, ring_, stroke_;
  Morphology<uint8_t> grow_;
};

}  // namespace scrawl
