// One digit's ink -> the 28×28 image the model reads, made the way MNIST was made: fit the
// ink's bounding box into 20×20 keeping its aspect ratio (anti-aliased), then place it in
// 28×28 so that its centre of mass is at the centre.
#pragma once
#include <vector>

#include "core/digit_pixels.h"
#include "morphology.h"

namespace scrawl {

inline constexpr int kDigitBox = 20;

class DigitNormalizer {
 public:
  // ink: the digit's bounding box (w×h, row stride in floats), other digits' ink already removed.
  void normalize(const float* ink, int w, int h, int stride, DigitPixels& out);

 private:
  // The ink grown by `radius` pixels every way, into thick_.
  void thicken(const float* ink, int w, int h, int stride, int radius);
  void place_by_mass(int sw, int sh, DigitPixels& out);

  std::vector<float> thick_, small_;
  Morphology<float> grow_;
};

}  // namespace scrawl
