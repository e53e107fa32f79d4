// Y[M×N] = W[M×K] · X[K×N] + b[M] (row-major, contiguous): the convolution's hot loop in
// the browser. Eigen 3.4 has no wasm SIMD path, so the wasm build uses a hand-written
// <wasm_simd128.h> kernel; the scalar reference beside it defines the result and the tests
// hold the two equal.
#pragma once

namespace scrawl {

void gemm_bias_reference(const float* w, const float* x, const float* b, float* y, int m, int k, int n);

#ifdef __wasm_simd128__
void gemm_bias_simd128(const float* w, const float* x, const float* b, float* y, int m, int k, int n);
#endif

}  // namespace scrawl
