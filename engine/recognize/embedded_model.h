#pragma once
#include <cstdint>
#include <span>

namespace scrawl {
// The weights file compiled into this build; empty when the build had none.
std::span<const uint8_t> embedded_model_bytes();
// The segmenter's one-digit check compiled into this build; empty when the build had none.
std::span<const uint8_t> embedded_one_digit_bytes();
// The line model compiled into this build; empty when the build had none.
std::span<const uint8_t> embedded_line_bytes();
}  // namespace scrawl
