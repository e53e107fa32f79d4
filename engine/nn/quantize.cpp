#include "quantize.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace scrawl {

void quantize_rows(const float* w, int m, int k, int limit, int16_t* wq, float* scales) {
  const int stride = k + k % 2;
  for (int r = 0; r < m; ++r) {
    const float* row = w + size_t(r) * k;
    float largest = 0;
    for (int p = 0; p < k; ++p) largest = std::max(largest, std::abs(row[p]));
    scales[r] = largest > 0 ? largest / float(limit) : 1.0f;
    const float inverse = 1.0f / scales[r];
    int16_t* out = wq + size_t(r) * stride;
    for (int p = 0; p < k; ++p) out[p] = quantize_value(row[p], inverse, float(limit));
    if (k % 2) out[k] = 0;
  }
}

QuantLimits quant_limits(int pairs) {
  const int64_t budget = std::numeric_limits<int32_t>::max() / (int64_t(2) * std::max(pairs, 1));
  const int64_t weight = std::clamp<int64_t>(int64_t(std::sqrt(double(budget))), 1, 1023);
  return {int(weight), int(std::clamp<int64_t>(budget / weight, 1, 4095))};
}

void quantize_values(const float* x, size_t count, float inverse_scale, float limit, int16_t* out) {
  for (size_t i = 0; i < count; ++i) out[i] = quantize_value(x[i], inverse_scale, limit);
}

float activation_scale(const float* x, size_t count, int limit) {
  // The largest magnitude found as the largest bit pattern of the magnitudes: for floats other
  // than NaN the two orders agree, and a maximum of integers vectorises where one of floats
  // (for NaN's sake) does not. A NaN (bits above infinity's) is passed over.
  constexpr uint32_t kMagnitude = 0x7fffffffu, kInfinity = 0x7f800000u;
  uint32_t largest_bits = 0;
  for (size_t i = 0; i < count; ++i) {
    uint32_t bits;
    std::memcpy(&bits, x + i, sizeof bits);
    bits &= kMagnitude;
    bits &= 0u - uint32_t(bits <= kInfinity);  // a mask: GCC vectorises no loop with a select here
    largest_bits = std::max(largest_bits, bits);
  }
  float largest;
  std::memcpy(&largest, &largest_bits, sizeof largest);
  return largest > 0 && largest < std::numeric_limits<float>::max() ? largest / float(limit) : 1.0f;
}

}  // namespace scrawl
