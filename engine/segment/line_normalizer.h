// A line of handwriting as the line model sees it: a fixed kLineHeight × kLineWidth frame,
// ink 1 and paper 0, the line scaled to the frame's height and laid from its left edge. A
// line wider than the frame at that scale is squeezed to fit. Training and reading both
// prepare lines here, so the model meets the same input in both.
#pragma once
#include <vector>

#include "core/box.h"
#include "core/image.h"

namespace scrawl {

inline constexpr int kLineHeight = 32, kLineWidth = 192;

class LineNormalizer {
 public:
  // Writes kLineHeight * kLineWidth floats to `out`. `region` is clipped to the image; an
  // empty region gives an empty (all-paper) frame. Returns the width in the frame the line
  // takes (the rest is paper), so that frame columns can be mapped back to image x.
  int prepare(const GrayImage& image, Box region, float* out);

 private:
  std::vector<float> ink_;      // the region as ink levels, grown as needed
  std::vector<int> histogram_;  // 256 bins
};

}  // namespace scrawl
