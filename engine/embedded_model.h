#pragma once
#include <cstdint>
#include <span>

namespace scrawl {
// The weights file compiled into this build; empty when the build had none.
std::span<const uint8_t> embedded_model_bytes();
}  // namespace scrawl
