// The convolution's hot loop, Y[M×N] = W[M×K] · X[K×N] + b[M] (row-major, contiguous), in two
// forms. Eigen 3.4 has no wasm SIMD path, so the wasm build uses hand-written
// <wasm_simd128.h> kernels; the scalar reference beside each defines its result and the tests
// hold the two equal.
//
// The quantised form multiplies integers: W as integers (quantize.h) with a scale per row, X as
// integers with one scale, packed in pairs along K (xq[(p/2)·N·2 + j·2 + p%2]) so that
// i32x4.dot_i16x8_s does eight multiply-adds in one instruction, twice the float rate.
// Y = float(Σ wq·xq) · (w_scale[r] · x_scale) + b[r]. `pairs` is K/2 rounded up; an odd K's
// last pair holds a zero.
#pragma once
#include <cstdint>

namespace scrawl {

void gemm_bias_reference(const float* w, const float* x, const float* b, float* y, int m, int k, int n);
void gemm_q16_reference(const int16_t* wq, const float* w_scale, const int16_t* xq, float x_scale, const float* b,
                        float* y, int m, int pairs, int n);

#ifdef __wasm_simd128__
void gemm_bias_simd128(const float* w, const float* x, const float* b, float* y, int m, int k, int n);
void gemm_q16_simd128(const int16_t* wq, const float* w_scale, const int16_t* xq, float x_scale, const float* b,
                      float* y, int m, int pairs, int n);
#endif
#ifdef __AVX2__
// The same as gemm_q16_simd128 on a native x86 build: 8 columns a vector.
void gemm_q16_avx2(const int16_t* wq, const float* w_scale, const int16_t* xq, float x_scale, const float* b, float* y,
                   int m, int pairs, int n);
#endif

}  // namespace scrawl
