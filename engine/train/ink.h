// For the trainer's single-digit preparation (single_digit.h). GrayImage -> ink map: how much ink each pixel holds, 0
// (paper) to 1 (full ink), whichever the polarity (dark ink on paper, light strokes on a dark canvas) and the contrast.
#pragma once
#include <vector>

#include "core/image.h"
#include "core/status.h"

namespace scrawl {

struct InkImage {
  int width = 0, height = 0;
  std::vector<float> ink;  // width*height, row-major
  float scale = 1.0f;      // source pixels per ink pixel (> 1 when a big image was shrunk)
  bool dark_ink = true;    // the source had dark ink on light paper
  float contrast = 0.0f;   // ink-to-paper difference in the source, 0..255
  float at(int x, int y) const { return ink[size_t(y) * width + x]; }
};

class InkExtractor {
 public:
  // Images with a longer side than this are shrunk first: a digit loses nothing that the
  // 20×20 box it ends up in could show.
  static constexpr int kWorkMaxSide = 1024;
  // Contrast below this (out of 255) is paper texture, not ink.
  static constexpr float kMinContrast = 24.0f;

  // Fails with kNoDigit when the image holds no ink at all.
  Result<InkImage*> extract(const GrayImage& image);

 private:
  InkImage out_;
  std::vector<float> work_;
};

}  // namespace scrawl
