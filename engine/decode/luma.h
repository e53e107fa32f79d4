// RGBA pixels to their luma, the hot loop of every photo and canvas (a 12-megapixel photo is
// 48 MB of it). The luma is floor((299 R + 587 G + 114 B + 500) / 1000), the grey of an
// opaque pixel. The browser's build has a <wasm_simd128.h> kernel, 16 pixels a step; the
// scalar reference beside it defines the result (tests/node/kernels.test.mjs holds them
// equal), and native builds use it (the compiler vectorises it there).
#pragma once
#include <cstddef>
#include <cstdint>

namespace scrawl {

// Writes the luma of each of `n` pixels to `out`; returns the bitwise AND of their alphas (255
// when every pixel is opaque).
uint8_t luma_of_rgba(const uint8_t* rgba, size_t n, uint8_t* out);
uint8_t luma_of_rgba_reference(const uint8_t* rgba, size_t n, uint8_t* out);

}  // namespace scrawl
