// Reading a page, stage 3: darkness -> which pixels are ink. The darkness is smoothed a
// little first (sensor noise and paper grain average out, strokes are wider than that),
// then thresholded at Otsu's level, never below a floor that paper grain, JPEG noise and
// what is left of a shadow stay under; with hysteresis, so that a faint stretch of a stroke
// stays attached to its darker rest instead of breaking the digit.
#pragma once
#include <cstdint>
#include <vector>

namespace scrawl {

struct InkMap {
  int width = 0, height = 0;
  std::vector<uint8_t> mask;    // 1 = ink
  std::vector<float> ink;       // 0 (paper) .. 1 (full ink): what the digit normaliser reads
  std::vector<float> darkness;  // the (smoothed) darkness the mask was cut from
  float low = 0, high = 0;      // the hysteresis thresholds on darkness
};

class Binarizer {
 public:
  // Darkness a stroke must reach somewhere (above the paper's own level) to count at all.
  static constexpr float kMinInk = 0.2f;

  // The map is the binarizer's own; later stages may edit it (clearing lines).
  InkMap& run(const std::vector<float>& darkness, int w, int h);

 private:
  void smooth(const std::vector<float>& raw, int w, int h);
  // The mask: pixels above `high`, and those above `low` connected to them.
  void grow_ink(int w, int h, float low, float high);
  // Seeds for the runs of pixels at least `low`, not yet ink, that touch the ink run
  // [left, right] of row y.
  void grow_around(int left, int right, int y, int w, int h, float low);

  InkMap out_;
  std::vector<float> tmp_;
  std::vector<int> stack_;
};

}  // namespace scrawl
