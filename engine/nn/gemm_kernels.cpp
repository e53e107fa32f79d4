#include "gemm_kernels.h"

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif
#ifdef __AVX2__
#include <immintrin.h>

#include <algorithm>
#endif

namespace scrawl {
namespace {
// Row r's p-th pair of weights as one int32, to splat beside a vector of X's pairs.
[[maybe_unused]] inline int32_t weight_pair(const int16_t* wq, int pairs, int r, int p) {
  int32_t v;
  __builtin_memcpy(&v, wq + (long(r) * pairs + p) * 2, 4);
  return v;
}
}  // namespace

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

void gemm_q16_reference(const int16_t* wq, const float* w_scale, const int16_t* xq, float x_scale, const float* b,
                        float* y, int m, int pairs, int n) {
  // Each row's integer sums are kept in its own output floats' bytes until they are scaled:
  // this order walks X in its memory order, so a native build vectorises it.
  for (int r = 0; r < m; ++r) {
    int32_t* acc = reinterpret_cast<int32_t*>(y + long(r) * n);
    for (int j = 0; j < n; ++j) acc[j] = 0;
    for (int p = 0; p < pairs; ++p) {
      const int32_t w0 = wq[(long(r) * pairs + p) * 2], w1 = wq[(long(r) * pairs + p) * 2 + 1];
      const int16_t* in = xq + long(p) * n * 2;
      for (int j = 0; j < n; ++j) acc[j] += w0 * in[2 * j] + w1 * in[2 * j + 1];
    }
    const float scale = w_scale[r] * x_scale;
    float* out = y + long(r) * n;
    for (int j = 0; j < n; ++j) out[j] = float(acc[j]) * scale + b[r];
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

// The quantised kernel's blocks. A vector of X holds 4 columns × one pair of K; a row's pair of
// weights, splatted as one int32, meets it in one dot product that sums the pair per column.
inline v128_t dequantize(v128_t acc, float scale, float bias) {
  return wasm_f32x4_add(wasm_f32x4_mul(wasm_f32x4_convert_i32x4(acc), wasm_f32x4_splat(scale)), wasm_f32x4_splat(bias));
}

inline void qblock_4x16(const int16_t* wq, const float* ws, const int16_t* xq, float xs, const float* b, float* y,
                        int pairs, int n, int r, int j) {
  v128_t acc[4][4];
  for (auto& row : acc)
    for (auto& v : row) v = wasm_i32x4_splat(0);
  for (int p = 0; p < pairs; ++p) {
    const int16_t* in = xq + (long(p) * n + j) * 2;
    const v128_t x0 = wasm_v128_load(in), x1 = wasm_v128_load(in + 8), x2 = wasm_v128_load(in + 16),
                 x3 = wasm_v128_load(in + 24);
    for (int i = 0; i < 4; ++i) {
      const v128_t wv = wasm_i32x4_splat(weight_pair(wq, pairs, r + i, p));
      acc[i][0] = wasm_i32x4_add(acc[i][0], wasm_i32x4_dot_i16x8(x0, wv));
      acc[i][1] = wasm_i32x4_add(acc[i][1], wasm_i32x4_dot_i16x8(x1, wv));
      acc[i][2] = wasm_i32x4_add(acc[i][2], wasm_i32x4_dot_i16x8(x2, wv));
      acc[i][3] = wasm_i32x4_add(acc[i][3], wasm_i32x4_dot_i16x8(x3, wv));
    }
  }
  for (int i = 0; i < 4; ++i) {
    float* out = y + long(r + i) * n + j;
    const float scale = ws[r + i] * xs;
    for (int v = 0; v < 4; ++v) wasm_v128_store(out + 4 * v, dequantize(acc[i][v], scale, b[r + i]));
  }
}

inline void qblock_1x4(const int16_t* wq, const float* ws, const int16_t* xq, float xs, const float* b, float* y,
                       int pairs, int n, int r, int j) {
  v128_t acc = wasm_i32x4_splat(0);
  for (int p = 0; p < pairs; ++p)
    acc = wasm_i32x4_add(acc, wasm_i32x4_dot_i16x8(wasm_v128_load(xq + (long(p) * n + j) * 2),
                                                   wasm_i32x4_splat(weight_pair(wq, pairs, r, p))));
  wasm_v128_store(y + long(r) * n + j, dequantize(acc, ws[r] * xs, b[r]));
}

}  // namespace

void gemm_q16_simd128(const int16_t* wq, const float* w_scale, const int16_t* xq, float x_scale, const float* b,
                      float* y, int m, int pairs, int n) {
  const int m4 = m - m % 4, n16 = n - n % 16, n4 = n - n % 4;
  for (int j = 0; j < n16; j += 16)
    for (int r = 0; r < m4; r += 4) qblock_4x16(wq, w_scale, xq, x_scale, b, y, pairs, n, r, j);
  for (int r = 0; r < m; ++r) {
    for (int j = (r < m4 ? n16 : 0); j < n4; j += 4) qblock_1x4(wq, w_scale, xq, x_scale, b, y, pairs, n, r, j);
    for (int j = n4; j < n; ++j) {
      int32_t acc = 0;
      for (int p = 0; p < pairs; ++p) {
        const int16_t* in = xq + (long(p) * n + j) * 2;
        acc += int32_t(wq[(long(r) * pairs + p) * 2]) * in[0] + int32_t(wq[(long(r) * pairs + p) * 2 + 1]) * in[1];
      }
      y[long(r) * n + j] = float(acc) * (w_scale[r] * x_scale) + b[r];
    }
  }
}

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

#ifdef __AVX2__
namespace {

// The wasm kernel's 4×16 block twice as wide: a 256-bit vector of X holds 8 columns × one pair
// of K, and _mm256_madd_epi16 is i32x4.dot_i16x8 on twice the lanes.
inline __m256 dequantize8(__m256i acc, float scale, float bias) {
  return _mm256_add_ps(_mm256_mul_ps(_mm256_cvtepi32_ps(acc), _mm256_set1_ps(scale)), _mm256_set1_ps(bias));
}

// Rows r..r+3 (or fewer: `rows`) × V vectors of 8 columns from column j; where `last` is not
// all ones it masks the last vector's columns (one int32 lane holds one column's pair).
template <int V>
inline void qblock(const int16_t* wq, const float* ws, const int16_t* xq, float xs, const float* b, float* y, int pairs,
                   int n, int r, int rows, int j, __m256i last) {
  __m256i acc[4][V];
  for (auto& row : acc)
    for (auto& v : row) v = _mm256_setzero_si256();
  for (int p = 0; p < pairs; ++p) {
    const int* in = reinterpret_cast<const int*>(xq + (long(p) * n + j) * 2);
    __m256i x[V];
    for (int v = 0; v + 1 < V; ++v) x[v] = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(in + 8 * v));
    x[V - 1] = _mm256_maskload_epi32(in + 8 * (V - 1), last);
    for (int i = 0; i < rows; ++i) {
      const __m256i wv = _mm256_set1_epi32(weight_pair(wq, pairs, r + i, p));
      for (int v = 0; v < V; ++v) acc[i][v] = _mm256_add_epi32(acc[i][v], _mm256_madd_epi16(x[v], wv));
    }
  }
  for (int i = 0; i < rows; ++i) {
    float* out = y + long(r + i) * n + j;
    const float scale = ws[r + i] * xs;
    for (int v = 0; v + 1 < V; ++v) _mm256_storeu_ps(out + 8 * v, dequantize8(acc[i][v], scale, b[r + i]));
    _mm256_maskstore_ps(out + 8 * (V - 1), last, dequantize8(acc[i][V - 1], scale, b[r + i]));
  }
}

template <int V>
void qpanel(const int16_t* wq, const float* ws, const int16_t* xq, float xs, const float* b, float* y, int m, int pairs,
            int n, int j, __m256i last) {
  // (Four rows named as such, so that the compiler keeps their sums in registers.)
  int r = 0;
  for (; r + 4 <= m; r += 4) qblock<V>(wq, ws, xq, xs, b, y, pairs, n, r, 4, j, last);
  if (r < m) qblock<V>(wq, ws, xq, xs, b, y, pairs, n, r, m - r, j, last);
}

}  // namespace

void gemm_q16_avx2(const int16_t* wq, const float* w_scale, const int16_t* xq, float x_scale, const float* b, float* y,
                   int m, int pairs, int n) {
  const __m256i all = _mm256_set1_epi32(-1);
  int j = 0;
  // Panels of 32 columns: X's panel stays in L1 while every row of W passes over it.
  for (; j + 32 <= n; j += 32) qpanel<4>(wq, w_scale, xq, x_scale, b, y, m, pairs, n, j, all);
  const int left = n - j;
  if (left == 0) return;
  const int vectors = (left + 7) / 8, in_last = left - 8 * (vectors - 1);
  const __m256i last = _mm256_cmpgt_epi32(_mm256_set1_epi32(in_last), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
  if (vectors == 1) qpanel<1>(wq, w_scale, xq, x_scale, b, y, m, pairs, n, j, last);
  else if (vectors == 2) qpanel<2>(wq, w_scale, xq, x_scale, b, y, m, pairs, n, j, last);
  else if (vectors == 3) qpanel<3>(wq, w_scale, xq, x_scale, b, y, m, pairs, n, j, last);
  else qpanel<4>(wq, w_scale, xq, x_scale, b, y, m, pairs, n, j, last);
}
#endif

}  // namespace scrawl
