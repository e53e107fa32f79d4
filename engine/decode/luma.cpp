#include "luma.h"

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

namespace scrawl {

uint8_t luma_of_rgba_reference(const uint8_t* rgba, size_t n, uint8_t* out) {
  // floor(m / 1000) for m below 2^18 is ((m >> 3) * 33555) >> 22 exactly over that range
  // (checked for every m): 32-bit integers, no division.
  uint8_t all_alpha = 255;
  for (size_t i = 0; i < n; ++i) {
    const uint8_t* p = rgba + 4 * i;
    const uint32_t m = uint32_t(p[0]) * 299u + uint32_t(p[1]) * 587u + uint32_t(p[2]) * 114u + 500u;
    out[i] = uint8_t(((m >> 3) * 33555u) >> 22);
    all_alpha &= p[3];
  }
  return all_alpha;
}

#ifdef __wasm_simd128__
namespace {

// The luma of four pixels, one per 32-bit lane (R in the low byte).
inline v128_t luma4(v128_t v) {
  const v128_t byte = wasm_i32x4_splat(0xFF);
  const v128_t r = wasm_v128_and(v, byte);
  const v128_t g = wasm_v128_and(wasm_u32x4_shr(v, 8), byte);
  const v128_t b = wasm_v128_and(wasm_u32x4_shr(v, 16), byte);
  const v128_t m =
      wasm_i32x4_add(wasm_i32x4_add(wasm_i32x4_mul(r, wasm_i32x4_splat(299)), wasm_i32x4_mul(g, wasm_i32x4_splat(587))),
                     wasm_i32x4_add(wasm_i32x4_mul(b, wasm_i32x4_splat(114)), wasm_i32x4_splat(500)));
  return wasm_u32x4_shr(wasm_i32x4_mul(wasm_u32x4_shr(m, 3), wasm_i32x4_splat(33555)), 22);
}

}  // namespace

uint8_t luma_of_rgba(const uint8_t* rgba, size_t n, uint8_t* out) {
  v128_t alpha = wasm_i32x4_splat(-1);
  size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    const uint8_t* p = rgba + 4 * i;
    const v128_t v0 = wasm_v128_load(p), v1 = wasm_v128_load(p + 16), v2 = wasm_v128_load(p + 32),
                 v3 = wasm_v128_load(p + 48);
    alpha = wasm_v128_and(alpha, wasm_v128_and(wasm_v128_and(v0, v1), wasm_v128_and(v2, v3)));
    // Each luma is at most 255: the narrowing saturates nothing.
    const v128_t low = wasm_u16x8_narrow_i32x4(luma4(v0), luma4(v1));
    const v128_t high = wasm_u16x8_narrow_i32x4(luma4(v2), luma4(v3));
    wasm_v128_store(out + i, wasm_u8x16_narrow_i16x8(low, high));
  }
  const uint32_t lanes = wasm_i32x4_extract_lane(alpha, 0) & wasm_i32x4_extract_lane(alpha, 1) &
                         wasm_i32x4_extract_lane(alpha, 2) & wasm_i32x4_extract_lane(alpha, 3);
  return uint8_t(lanes >> 24) & luma_of_rgba_reference(rgba + 4 * i, n - i, out + i);
}
#else
uint8_t luma_of_rgba(const uint8_t* rgba, size_t n, uint8_t* out) { return luma_of_rgba_reference(rgba, n, out); }
#endif

}  // namespace scrawl
