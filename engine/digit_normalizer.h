// One digit's ink -> the 28×28 image the model reads, made the way MNIST was made: fit the
// ink's bounding box into 20×20 keeping its aspect ratio (anti-aliased), then place it in
// 28×28 so that its centre of mass is at the centre.
#pragma once
#include <array>
#include <vector>

namespace scrawl {

inline constexpr int kDigitSide = 28;
inline constexpr int kDigitBox = 20;
using DigitPixels = std::array<float, kDigitSide * kDigitSide>;  // 0 = paper, 1 = ink

class DigitNormalizer {
 public:
  // ink: the digit's bounding box (w×h, row stride in floats), other digits' ink already removed.
  void normalize(const float* ink, int w, int h, int stride, DigitPixels& out);

 private:
  std::vector<float> thick_, small_;
};

}  // namespace scrawl
