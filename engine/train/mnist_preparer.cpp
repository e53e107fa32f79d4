#include "mnist_preparer.h"

#include <algorithm>

#include "core/image.h"
#include "single_digit.h"

namespace scrawl {

class MnistPreparer::Impl {
 public:
  SingleDigitPreprocessor pre;
  GrayImage image{28, 28, 0};
};

bool MnistPreparer::prepare(const uint8_t* digit, DigitPixels& out) {
  if (!impl_) impl_ = std::make_shared<Impl>();
  std::copy(digit, digit + 784, impl_->image.pixels.begin());
  auto r = impl_->pre.run(impl_->image);
  if (!r) {
    out.fill(0.0f);
    return false;
  }
  out = r->pixels;
  return true;
}

}  // namespace scrawl
