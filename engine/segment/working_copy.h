// Reading a page, stage 1: the grayscale image -> a working copy that is small enough to be
// fast on a 12-megapixel photo and big enough that small digits stay readable.
#pragma once
#include <cstdint>
#include <vector>

#include "../image.h"

namespace scrawl {

struct WorkingCopy {
  int width = 0, height = 0;
  float scale = 1.0f;       // source pixels per working pixel (>= 1)
  std::vector<float> gray;  // width*height, 0..255
};

class WorkingCopyMaker {
 public:
  // A page photographed whole at this size still gives a 5 mm digit ~15 px: enough for the
  // 20×20 box it ends up in. Larger sources are shrunk by area averaging.
  static constexpr int kMaxSide = 1280;
  // The copy is the maker's own; later stages may edit it.
  WorkingCopy& make(const GrayImage& image);

 private:
  WorkingCopy out_;
  std::vector<uint8_t> shrunk_;
  std::vector<unsigned char> arena_;  // stb_image_resize's scratch memory, kept between calls
};

}  // namespace scrawl
