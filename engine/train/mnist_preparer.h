// Turns an MNIST digit (white on black, 28×28) into what the model sees, through the same
// preprocessing as any user image: what the trainer learns from and the evaluation measures.
#pragma once
#include <cstdint>
#include <memory>

#include "core/digit_pixels.h"

namespace scrawl {

class MnistPreparer {
 public:
  bool prepare(const uint8_t* digit, DigitPixels& out);

 private:
  class Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace scrawl
