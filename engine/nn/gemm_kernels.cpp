#include "gemm_kernels.h"

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

namespace scrawl {

void gemm_bias_reference(const float* w, const float* x, const float* b, float* y, int m, int k, int n) {
  for (int r = 0; r < m; ++r) {
    float* out = y + long(r) * n;
    for (int j = 0; j < n; ++j) out[j] = b[r];
    for (int p = 0; p < k; ++p) {
      const float wv = w[long(r) * k + p];
      const float* in = x + long(p) * n;
      for (int j = 0; j < n; ++j) out[j] += wv * in[j];
    }
  }
}

#ifdef __wasm_simd128__
namespace {

// 4 rows × 16 columns of Y in 16 registers; each step of k reads 4 vectors of X and 4 weights.
inline void block_4x16(const float* w, const float* x, const float* b, float* y, int k, int n, int r, int j) {
  v128_t acc[4][4];
  for (int i = 0; i < 4; ++i) {
    const v128_t bias = wasm_f32x4_splat(b[r + i]);
    for (int v = 0; v < 4; ++v) acc[i][v] = bias;
  }
  const float* w0 = w + long(r) * k;
  for (int p = 0; p < k; ++p) {
    const float* in = x + long(p) * n + j;
    const v128_t x0 = wasm_v128_load(in), x1 = wasm_v128_load(in + 4), x2 = wasm_v128_load(in + 8),
                 x3 = wasm_v128_load(in + 12);
    for (int i = 0; i < 4; ++i) {
      const v128_t wv = wasm_f32x4_splat(w0[long(i) * k + p]);
      acc[i][0] = wasm_f32x4_add(acc[i][0], wasm_f32x4_mul(wv, x0));
      acc[i][1] = wasm_f32x4_add(acc[i][1], wasm_f32x4_mul(wv, x1));
      acc[i][2] = wasm_f32x4_add(acc[i][2], wasm_f32x4_mul(wv, x2));
      acc[i][3] = wasm_f32x4_add(acc[i][3], wasm_f32x4_mul(wv, x3));
    }
  }
  for (int i = 0; i < 4; ++i) {
    float* out = y + long(r + i) * n + j;
    wasm_v128_store(out, acc[i][0]);
    wasm_v128_store(out + 4, acc[i][1]);
    wasm_v128_store(out + 8, acc[i][2]);
    wasm_v128_store(out + 12, acc[i][3]);
  }
}

// One row, 4 columns: for the edges the 4×16 blocks leave.
inline void block_1x4(const float* w, const float* x, const float* b, float* y, int k, int n, int r, int j) {
  v128_t acc = wasm_f32x4_splat(b[r]);
  const float* wr = w + long(r) * k;
  for (int p = 0; p < k; ++p)
    acc = wasm_f32x4_add(acc, wasm_f32x4_mul(wasm_f32x4_splat(wr[p]), wasm_v128_load(x + long(p) * n + j)));
  wasm_v128_store(y + long(r) * n + j, acc);
}

inline void block_1x1(const float* w, const float* x, const float* b, float* y, int k, int n, int r, int j) {
  float acc = b[r];
  const float* wr = w + long(r) * k;
  for (int p = 0; p < k; ++p) acc += wr[p] * x[long(p) * n + j];
  y[long(r) * n + j] = acc;
}

}  // namespace

void gemm_bias_simd128(const float* w, const float* x, const float* b, float* y, int m, int k, int n) {
  const int m4 = m - m % 4, n16 = n - n % 16, n4 = n - n % 4;
  // Column panels outside, rows inside: a panel of X (k × 16 floats) stays in L1 while every
  // row of W passes over it, instead of all of X streaming from L2 once per four rows.
  for (int j = 0; j < n16; j += 16)
    for (int r = 0; r < m4; r += 4) block_4x16(w, x, b, y, k, n, r, j);
  for (int r = 0; r < m; ++r) {
    for (int j = (r < m4 ? n16 : 0); j < n4; j += 4) block_1x4(w, x, b, y, k, n, r, j);
    for (int j = n4; j < n; ++j) block_1x1(w, x, b, y, k, n, r, j);
  }
}
#endif

}  // namespace scrawl
