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

// acc + the pairwise products of x and w, summed in pairs: one instruction where the CPU has
// AVX-512 VNNI (its 256-bit form), two where it has AVX2 alone.
inline __m256i madd_add(__m256i acc, __m256i x, __m256i w) {
#if defined(__AVX512VNNI__) && defined(__AVX512VL__)
  return _mm256_dpwssd_epi32(acc, x, w);
#else
  return _mm256_add_epi32(acc, _mm256_madd_epi16(x, w));
#endif
}

// Rows r..r+rows-1 (at most four) × the 8 columns from column j that `mask` keeps (one int32
// lane holds one column's pair). The edges' block: each vector of X is met by every row's
// weights in turn.
template <int rows>
inline void qblock_4x8(const int16_t* wq, const float* ws, const int16_t* xq, float xs, const float* b, float* y,
                       int pairs, int n, int r, int j, __m256i mask) {
  static_assert(rows >= 1 && rows <= 4);
  __m256i a0 = _mm256_setzero_si256(), a1 = a0, a2 = a0, a3 = a0;
  for (int p = 0; p < pairs; ++p) {
    const __m256i x = _mm256_maskload_epi32(reinterpret_cast<const int*>(xq + (long(p) * n + j) * 2), mask);
    a0 = madd_add(a0, x, _mm256_set1_epi32(weight_pair(wq, pairs, r, p)));
    if constexpr (rows > 1) a1 = madd_add(a1, x, _mm256_set1_epi32(weight_pair(wq, pairs, r + 1, p)));
    if constexpr (rows > 2) a2 = madd_add(a2, x, _mm256_set1_epi32(weight_pair(wq, pairs, r + 2, p)));
    if constexpr (rows > 3) a3 = madd_add(a3, x, _mm256_set1_epi32(weight_pair(wq, pairs, r + 3, p)));
  }
  const __m256i sums[4] = {a0, a1, a2, a3};
  for (int i = 0; i < rows; ++i)
    _mm256_maskstore_ps(y + long(r + i) * n + j, mask, dequantize8(sums[i], ws[r + i] * xs, b[r + i]));
}

// Rows r..m-1 (any number) of the 8 columns from column j that `mask` keeps.
inline void qcolumns_8(const int16_t* wq, const float* ws, const int16_t* xq, float xs, const float* b, float* y, int m,
                       int pairs, int n, int r, int j, __m256i mask) {
  for (; r + 4 <= m; r += 4) qblock_4x8<4>(wq, ws, xq, xs, b, y, pairs, n, r, j, mask);
  if (m - r == 3) qblock_4x8<3>(wq, ws, xq, xs, b, y, pairs, n, r, j, mask);
  if (m - r == 2) qblock_4x8<2>(wq, ws, xq, xs, b, y, pairs, n, r, j, mask);
  if (m - r == 1) qblock_4x8<1>(wq, ws, xq, xs, b, y, pairs, n, r, j, mask);
}

// The main block, rows r..r+3 × 32 columns from column j, its sixteen sums named one by one:
// GCC keeps an array of them in memory and stores every sum at every step of K (1.3 times as
// slow over the digit model).
inline void qblock_4x32(const int16_t* wq, const float* ws, const int16_t* xq, float xs, const float* b, float* y,
                        int pairs, int n, int r, int j) {
  __m256i a00 = _mm256_setzero_si256(), a01 = a00, a02 = a00, a03 = a00, a10 = a00, a11 = a00, a12 = a00, a13 = a00,
          a20 = a00, a21 = a00, a22 = a00, a23 = a00, a30 = a00, a31 = a00, a32 = a00, a33 = a00;
  for (int p = 0; p < pairs; ++p) {
    const __m256i* in = reinterpret_cast<const __m256i*>(xq + (long(p) * n + j) * 2);
    const __m256i x0 = _mm256_loadu_si256(in), x1 = _mm256_loadu_si256(in + 1), x2 = _mm256_loadu_si256(in + 2),
                  x3 = _mm256_loadu_si256(in + 3);
    __m256i w = _mm256_set1_epi32(weight_pair(wq, pairs, r, p));
    a00 = madd_add(a00, x0, w), a01 = madd_add(a01, x1, w), a02 = madd_add(a02, x2, w), a03 = madd_add(a03, x3, w);
    w = _mm256_set1_epi32(weight_pair(wq, pairs, r + 1, p));
    a10 = madd_add(a10, x0, w), a11 = madd_add(a11, x1, w), a12 = madd_add(a12, x2, w), a13 = madd_add(a13, x3, w);
    w = _mm256_set1_epi32(weight_pair(wq, pairs, r + 2, p));
    a20 = madd_add(a20, x0, w), a21 = madd_add(a21, x1, w), a22 = madd_add(a22, x2, w), a23 = madd_add(a23, x3, w);
    w = _mm256_set1_epi32(weight_pair(wq, pairs, r + 3, p));
    a30 = madd_add(a30, x0, w), a31 = madd_add(a31, x1, w), a32 = madd_add(a32, x2, w), a33 = madd_add(a33, x3, w);
  }
  const auto store = [&](int i, __m256i s0, __m256i s1, __m256i s2, __m256i s3) {
    float* out = y + long(r + i) * n + j;
    const float scale = ws[r + i] * xs, bias = b[r + i];
    _mm256_storeu_ps(out, dequantize8(s0, scale, bias));
    _mm256_storeu_ps(out + 8, dequantize8(s1, scale, bias));
    _mm256_storeu_ps(out + 16, dequantize8(s2, scale, bias));
    _mm256_storeu_ps(out + 24, dequantize8(s3, scale, bias));
  };
  store(0, a00, a01, a02, a03);
  store(1, a10, a11, a12, a13);
  store(2, a20, a21, a22, a23);
  store(3, a30, a31, a32, a33);
}

}  // namespace

void gemm_q16_avx2(const int16_t* wq, const float* w_scale, const int16_t* xq, float x_scale, const float* b, float* y,
                   int m, int pairs, int n) {
  const __m256i all = _mm256_set1_epi32(-1);
  int j = 0;
  // Panels of 32 columns: X's panel stays in L1 while every row of W passes over it.
  for (; j + 32 <= n; j += 32) {
    int r = 0;
    for (; r + 4 <= m; r += 4) qblock_4x32(wq, w_scale, xq, x_scale, b, y, pairs, n, r, j);
    if (r < m)
      for (int v = 0; v < 4; ++v) qcolumns_8(wq, w_scale, xq, x_scale, b, y, m, pairs, n, r, j + 8 * v, all);
  }
  for (; j < n; j += 8) {
    const __m256i mask = _mm256_cmpgt_epi32(_mm256_set1_epi32(n - j), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
    qcolumns_8(wq, w_scale, xq, x_scale, b, y, m, pairs, n, 0, j, mask);
  }
}
#endif

}  // namespace scrawl
