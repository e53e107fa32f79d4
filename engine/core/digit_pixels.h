// The 28×28 image the model reads, as the normaliser makes it (segment/digit_normalizer.h).
#pragma once
#include <array>

namespace scrawl {

inline constexpr int kDigitSide = 28;
using DigitPixels = std::array<float, kDigitSide * kDigitSide>;  // 0 = paper, 1 = ink

}  // namespace scrawl
