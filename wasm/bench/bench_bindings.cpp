// Exports for benchmarking the engine's network alone against other runtimes (the anchors
// harness): load any Scrawl weights file, run a batch. Not part of the shipped module.
#include <emscripten/emscripten.h>

#include <algorithm>
#include <memory>

#include "nn/weights_file.h"

namespace {
std::unique_ptr<scrawl::Model> g_model;
std::unique_ptr<scrawl::InferenceSession> g_session;
constexpr int kMaxBatch = 64;
}  // namespace

extern "C" {

// Returns 0 on success, 1 if the file is not a valid model.
EMSCRIPTEN_KEEPALIVE int bench_load(const uint8_t* bytes, int len) {
  auto model = scrawl::parse_model({bytes, size_t(len)});
  if (!model) return 1;
  g_session.reset();
  g_model = std::make_unique<scrawl::Model>(std::move(model.value()));
  g_session = std::make_unique<scrawl::InferenceSession>(g_model->network, kMaxBatch);
  return 0;
}

// in: n images; out: n outputs. Runs in chunks of at most kMaxBatch.
EMSCRIPTEN_KEEPALIVE void bench_run(const float* in, int n, float* out) {
  const int in_size = g_model->network.input().size(), out_size = g_model->network.output().size();
  for (int done = 0; done < n; done += kMaxBatch) {
    const int m = std::min(kMaxBatch, n - done);
    const float* y = g_session->run(in + size_t(done) * in_size, m);
    std::copy(y, y + size_t(m) * out_size, out + size_t(done) * out_size);
  }
}
}

// The wasm SIMD kernel against its scalar reference on random sizes and data: the largest
// absolute difference seen (tests/node/kernels.test.mjs).
#include "core/rng.h"
#include "nn/gemm_kernels.h"
#include "nn/quantize.h"

#include <cmath>
#include <vector>

extern "C" EMSCRIPTEN_KEEPALIVE double bench_kernel_max_diff(int trials) {
  scrawl::Rng rng(11);
  double worst = 0;
  for (int t = 0; t < trials; ++t) {
    const int m = 1 + rng.below(40), k = 1 + rng.below(300), n = 1 + rng.below(900);
    std::vector<float> w(size_t(m) * k), x(size_t(k) * n), b(static_cast<size_t>(m)), y1(size_t(m) * n),
        y2(size_t(m) * n);
    for (auto* v : {&w, &x, &b})
      for (float& f : *v) f = rng.normal();
    scrawl::gemm_bias_reference(w.data(), x.data(), b.data(), y1.data(), m, k, n);
    scrawl::gemm_bias_simd128(w.data(), x.data(), b.data(), y2.data(), m, k, n);
    for (size_t i = 0; i < y1.size(); ++i)
      worst = std::max(worst, double(std::fabs(y1[i] - y2[i])) / (1.0 + std::fabs(y1[i])));
  }
  return worst;
}

// The quantised kernel against its reference: integer sums and the same float steps after
// them, so every output must be equal bit for bit. Returns how many were not, over random
// sizes (odd K included), values at the edges of their ranges, and a quantised weight matrix.
extern "C" EMSCRIPTEN_KEEPALIVE int bench_q16_mismatches(int trials) {
  scrawl::Rng rng(12);
  int mismatches = 0;
  for (int t = 0; t < trials; ++t) {
    const int m = 1 + rng.below(40), k = 1 + rng.below(600), n = 1 + rng.below(900), pairs = (k + 1) / 2;
    const scrawl::QuantLimits limits = scrawl::quant_limits(pairs);
    const int limit = limits.activation;
    std::vector<float> w(size_t(m) * k), b(static_cast<size_t>(m)), scales(static_cast<size_t>(m)), y1(size_t(m) * n),
        y2(size_t(m) * n);
    for (float& f : w) f = rng.normal();
    for (float& f : b) f = rng.normal();
    std::vector<int16_t> wq(size_t(m) * pairs * 2), xq(size_t(pairs) * n * 2);
    scrawl::quantize_rows(w.data(), m, k, limits.weight, wq.data(), scales.data());
    for (auto& q : xq)
      q = int16_t(rng.below(3) == 0 ? (rng.below(2) ? limit : -limit) : int(rng.below(2 * limit + 1)) - limit);
    scrawl::gemm_q16_reference(wq.data(), scales.data(), xq.data(), 0.01f, b.data(), y1.data(), m, pairs, n);
    scrawl::gemm_q16_simd128(wq.data(), scales.data(), xq.data(), 0.01f, b.data(), y2.data(), m, pairs, n);
    for (size_t i = 0; i < y1.size(); ++i) mismatches += y1[i] != y2[i];
  }
  return mismatches;
}

#include "decode/luma.h"

// The luma kernel against its reference: how many lumas or alpha summaries differ, over random
// pixel counts (a partial last step of 16 included) with every channel's full range, some
// images opaque throughout and some with one pixel that is not.
extern "C" EMSCRIPTEN_KEEPALIVE int bench_luma_mismatches(int trials) {
  scrawl::Rng rng(13);
  int mismatches = 0;
  for (int t = 0; t < trials; ++t) {
    const size_t n = rng.below(700);
    std::vector<uint8_t> rgba(4 * n), a(n), b(n);
    for (size_t i = 0; i < rgba.size(); ++i) rgba[i] = uint8_t(i % 4 == 3 ? 255 : rng.below(256));
    if (n && t % 2) rgba[4 * rng.below(int(n)) + 3] = uint8_t(rng.below(255));
    mismatches += scrawl::luma_of_rgba(rgba.data(), n, a.data()) !=
                  scrawl::luma_of_rgba_reference(rgba.data(), n, b.data());
    for (size_t i = 0; i < n; ++i) mismatches += a[i] != b[i];
  }
  return mismatches;
}

// A convolution layer as the browser runs it (its image made integers, unfolded in pairs along
// K, through the integer kernel) against the same convolution in floats, tap by tap: the
// largest difference over random layers (odd and even K, 3×3 and 1×3 kernels, one to many
// channels, rows narrower than a vector), relative to the layer's largest output.
#include "nn/conv2d.h"

extern "C" EMSCRIPTEN_KEEPALIVE double bench_conv_quantised_worst(int trials) {
  scrawl::Rng rng(13);
  double worst = 0;
  for (int t = 0; t < trials; ++t) {
    const int c = 1 + rng.below(12), h = 1 + rng.below(20), w = 1 + rng.below(40), f = 1 + rng.below(20);
    const int kh = rng.below(3) == 0 ? 1 : 3, kw = 3;
    const scrawl::Conv2D conv(scrawl::Shape{c, h, w}, f, kh, kw);
    std::vector<float> p(conv.param_count()), x(size_t(c) * h * w), y(size_t(f) * h * w),
        scratch(conv.scratch_floats(1));
    for (float& v : p) v = rng.normal();
    for (float& v : x) v = rng.uniform() < 0.3f ? 0.0f : rng.normal();
    conv.forward(p.data(), x.data(), y.data(), 1, scratch.data(), nullptr);
    double largest = 1e-6, diff = 0;
    for (int o = 0; o < f; ++o)
      for (int yy = 0; yy < h; ++yy)
        for (int xx = 0; xx < w; ++xx) {
          double want = p[size_t(f) * c * kh * kw + o];
          for (int ci = 0; ci < c; ++ci)
            for (int ky = 0; ky < kh; ++ky)
              for (int kx = 0; kx < kw; ++kx) {
                const int sy = yy + ky - kh / 2, sx = xx + kx - kw / 2;
                if (sy < 0 || sy >= h || sx < 0 || sx >= w) continue;
                want += double(p[((size_t(o) * c + ci) * kh + ky) * kw + kx]) * x[(size_t(ci) * h + sy) * w + sx];
              }
          largest = std::max(largest, std::fabs(want));
          diff = std::max(diff, std::fabs(want - double(y[(size_t(o) * h + yy) * w + xx])));
        }
    worst = std::max(worst, diff / largest);
  }
  return worst;
}

// Timing of the convolution kernel alone, for npm run bench: GFLOP/s (2 per multiply-add) of
// Y[m×n] = W[m×k]·X[k×n] + b over `reps` calls, and the machine's wasm-SIMD ceiling: the same
// count of independent f32x4 multiplies and adds with nothing loaded from memory.
#include <emscripten.h>
#include <wasm_simd128.h>

// quantised: 0 times the float kernel, 1 the integer one (its multiply-adds counted as 2 flops too).
extern "C" EMSCRIPTEN_KEEPALIVE double bench_kernel_gflops(int m, int k, int n, int reps, int quantised) {
  const int pairs = (k + 1) / 2;
  std::vector<float> w(size_t(m) * k, 0.01f), x(size_t(k) * n, 0.5f), b(size_t(m), 0.1f), y(size_t(m) * n),
      scales(size_t(m), 0.01f);
  std::vector<int16_t> wq(size_t(m) * pairs * 2, 3), xq(size_t(pairs) * n * 2, 100);
  auto once = [&] {
    if (quantised)
      scrawl::gemm_q16_simd128(wq.data(), scales.data(), xq.data(), 0.01f, b.data(), y.data(), m, pairs, n);
    else scrawl::gemm_bias_simd128(w.data(), x.data(), b.data(), y.data(), m, k, n);
  };
  once();
  const double t0 = emscripten_get_now();
  for (int r = 0; r < reps; ++r) once();
  const double ms = emscripten_get_now() - t0;
  return 2.0 * m * k * n * reps / (ms * 1e6);
}

extern "C" EMSCRIPTEN_KEEPALIVE double bench_peak_gflops(int iterations) {
  // Six chains of multiplies and six of adds, independent: enough to keep two multiply and
  // two add units busy through their latency, in registers x86 has (16).
  v128_t p[6], s[6];
  const v128_t a = wasm_f32x4_splat(0.999999f), c = wasm_f32x4_splat(1e-7f);
  for (int i = 0; i < 6; ++i) p[i] = s[i] = wasm_f32x4_splat(float(i + 1));
  const double t0 = emscripten_get_now();
  for (int it = 0; it < iterations; ++it)
    for (int i = 0; i < 6; ++i) p[i] = wasm_f32x4_mul(p[i], a), s[i] = wasm_f32x4_add(s[i], c);
  const double ms = emscripten_get_now() - t0;
  float sink = 0;
  for (int i = 0; i < 6; ++i) sink += wasm_f32x4_extract_lane(p[i], 0) + wasm_f32x4_extract_lane(s[i], 0);
  // A multiply and an add make one multiply-add (2 flops); the sink keeps the loop from being removed.
  return 2.0 * 4 * 6 * double(iterations) / (ms * 1e6) + (sink == 12345.0f ? 1e-9 : 0.0);
}
