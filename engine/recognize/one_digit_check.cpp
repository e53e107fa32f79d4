#include "one_digit_check.h"

#include "embedded_model.h"

namespace scrawl {

Result<std::unique_ptr<OneDigitCheck>> OneDigitCheck::from_weights(std::span<const uint8_t> weights_file) {
  auto model = parse_classifier(weights_file, 2, "a one-digit check");
  if (!model) return model.error();
  return std::unique_ptr<OneDigitCheck>(new OneDigitCheck(std::move(model.value())));
}

std::unique_ptr<OneDigitCheck> OneDigitCheck::embedded() {
  const auto bytes = embedded_one_digit_bytes();
  if (bytes.empty()) return nullptr;
  auto check = from_weights(bytes);
  return check ? std::move(check.value()) : nullptr;
}

float OneDigitCheck::one_digit(const DigitPixels& pixels) { return session_.run(pixels.data(), 1)[0]; }

}  // namespace scrawl
