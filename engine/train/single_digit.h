// The trainer's preparation of one MNIST-format digit (a 28×28 training digit, or one the
// augmenter drew on a canvas): finds its ink (ignoring specks, ruled lines and borders) and
// normalises it MNIST-style, a thousand times faster than reading it as a page. Images people
// hand the app are read by the page reader (segment/), never by this.
#pragma once
#include <vector>

#include "core/image.h"
#include "core/status.h"
#include "ink.h"
#include "segment/components.h"
#include "segment/digit_normalizer.h"

namespace scrawl {

struct PreparedDigit {
  DigitPixels pixels;  // what the model sees
  Box box;             // where the digit is, in the source image's pixels
};

class SingleDigitPreprocessor {
 public:
  Result<PreparedDigit> run(const GrayImage& image);

 private:
  void crop_kept(const InkImage& ink, std::span<const Component> comps, int min_area, const Box& box);

  InkExtractor ink_;
  ComponentFinder finder_;
  std::vector<uint8_t> mask_;
  std::vector<float> crop_;
  DigitNormalizer normalizer_;
};

// Clears straight lines that run across (nearly) the whole image, such as ruled lines or a
// scanned form's box, from an ink map and its mask. Exposed for reuse by segmentation.
void erase_long_lines(std::vector<float>& ink, std::vector<uint8_t>& mask, int w, int h);

}  // namespace scrawl
