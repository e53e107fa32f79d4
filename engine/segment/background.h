// Reading a page, stage 2: evens out the lighting. Estimates the paper's brightness
// everywhere and divides it out, so that gradients, vignetting and shadows leave the paper
// at darkness 0 and the ink stands out by the same ratio wherever it is.
#pragma once
#include <vector>

namespace scrawl {

class BackgroundFlattener {
 public:
  // The widest stroke the paper estimate removes, as a share of the image's longer side:
  // a bold marker digit that fills a small canvas still counts as ink, not as paper.
  static constexpr float kMaxStroke = 0.08f;

  // gray: w*h, dark ink on light paper (0..255). Returns the darkness, w*h:
  // 0 = as bright as the paper around it, 1 = black.
  const std::vector<float>& flatten(const std::vector<float>& gray, int w, int h);

 private:
  std::vector<float> small_, tmp_, darkness_;
};

}  // namespace scrawl
