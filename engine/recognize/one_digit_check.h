// The segmenter's second opinion on a cut-out: does it show one whole digit, or two digits
// that touch, or a piece of one? The digit model alone is often sure of itself on a 1 stuck
// to its neighbour (it reads "14" as a 4); this small model was taught exactly those cases
// (`scrawl train --task one-digit`).
#pragma once
#include <memory>
#include <span>

#include "core/status.h"
#include "nn/network.h"
#include "nn/weights_file.h"
#include "segment/digit_normalizer.h"

namespace scrawl {

class OneDigitCheck {
 public:
  static Result<std::unique_ptr<OneDigitCheck>> from_weights(std::span<const uint8_t> weights_file);
  // The one compiled into this build (weights/one-digit.bin), or null when it had none.
  static std::unique_ptr<OneDigitCheck> embedded();

  // The probability that the pixels show one whole digit.
  float one_digit(const DigitPixels& pixels);

 private:
  explicit OneDigitCheck(Model model) : model_(std::move(model)), session_(model_.network, 1) {}
  Model model_;
  InferenceSession session_;
};

}  // namespace scrawl
