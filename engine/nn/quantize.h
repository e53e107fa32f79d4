// Numbers for the quantised convolution (gemm_kernels.h): weights to integers with a scale per
// output row, activations to integers with one scale per image, chosen at run time from the
// image's own largest value, so that no calibration set is needed and a faint scan and a bold
// drawing both use the whole range. The products are 16 × 16 bits, so both sides get as many
// bits as a sum over the layer's K can hold without passing 2^31: 10 bits and a sign for the
// weights, about 12 for the activations on the app's models.
#pragma once
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace scrawl {

// The largest weight and activation integers for sums over `pairs` pairs (up to 2^23 pairs:
// Network::kMaxParams weights): 2·pairs·weight·activation stays below 2^31.
struct QuantLimits {
  int weight, activation;
};
QuantLimits quant_limits(int pairs);

// w: m rows of k floats -> wq: m rows of 2·pairs int16 within ±limit (the odd K's last slot 0),
// scales[r] = the row's largest magnitude / limit.
void quantize_rows(const float* w, int m, int k, int limit, int16_t* wq, float* scales);

// The scale that maps the largest magnitude of x to `limit` (1 when x is all zero).
float activation_scale(const float* x, size_t count, int limit);

// round(v / scale) (halves to even, one instruction in wasm and on x86), held within ±limit; a
// NaN becomes limit rather than undefined behaviour.
inline int16_t quantize_value(float v, float inverse_scale, float limit) {
  float t = v * inverse_scale;
  t = t < limit ? t : limit;
  t = t > -limit ? t : -limit;
  return int16_t(std::nearbyint(t));
}

// An image's values as integers: quantize_value of each.
void quantize_values(const float* x, size_t count, float inverse_scale, float limit, int16_t* out);

}  // namespace scrawl
