#include "working_copy.h"

#include <algorithm>

namespace scrawl {

WorkingCopy& WorkingCopyMaker::make(const GrayImage& image) {
  const int longest = std::max(image.width, image.height);
  const int k = std::max(1, (longest + kMaxSide - 1) / kMaxSide);
  out_.factor = k;
  out_.width = (image.width + k - 1) / k;
  out_.height = (image.height + k - 1) / k;
  out_.gray.resize(size_t(out_.width) * out_.height);
  if (k == 1) {
    std::copy(image.pixels.begin(), image.pixels.end(), out_.gray.begin());
    return out_;
  }
  shrink_.shrink(image.pixels.data(), image.width, image.height, size_t(image.width), k, out_.gray.data());
  return out_;
}

}  // namespace scrawl
