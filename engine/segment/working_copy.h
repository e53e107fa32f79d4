// Reading a page, stage 1: the grayscale image -> a working copy that is small enough to be
// fast on a 12-megapixel photo and big enough that small digits stay readable.
#pragma once
#include <cstdint>
#include <vector>

#include "core/block_means.h"
#include "core/image.h"

namespace scrawl {

struct WorkingCopy {
  int width = 0, height = 0;
  int factor = 1;             // source pixels per working pixel, each way
  std::vector<uint8_t> gray;  // width*height
};

class WorkingCopyMaker {
 public:
  // Larger sources are shrunk by a whole factor (each working pixel the mean of a square
  // of source pixels): a 4000×3000 photo becomes 1000×750, where a 5 mm digit on a whole
  // A4 page is still ~17 pixels tall, about what MNIST's digits are.
  static constexpr int kMaxSide = 1280;

  // The copy is the maker's own; later stages may edit it.
  WorkingCopy& make(const GrayImage& image);

 private:
  WorkingCopy out_;
  BlockMeans shrink_;
};

}  // namespace scrawl
