#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "core/rng.h"
#include "nn/gemm_kernels.h"
#include "nn/quantize.h"

namespace scrawl {
namespace {

// The integer kernel's reference computes the float product of what its integers stand for:
// W·X + b with W = wq·w_scale and X = xq·x_scale, to float rounding.
TEST(QuantisedGemm, ReferenceIsTheFloatProductOfWhatTheIntegersStandFor) {
  Rng rng(21);
  for (int trial = 0; trial < 20; ++trial) {
    const int m = 1 + int(rng.below(20)), k = 1 + int(rng.below(300)), n = 1 + int(rng.below(200));
    const int pairs = (k + 1) / 2;
    const QuantLimits limits = quant_limits(pairs);
    const int limit = limits.activation;
    std::vector<float> w(size_t(m) * k), b(static_cast<size_t>(m)), scales(static_cast<size_t>(m));
    for (float& v : w) v = rng.normal();
    for (float& v : b) v = rng.normal();
    std::vector<int16_t> wq(size_t(m) * pairs * 2), xq(size_t(pairs) * n * 2, 0);
    quantize_rows(w.data(), m, k, limits.weight, wq.data(), scales.data());
    std::vector<float> wf(size_t(m) * k), xf(size_t(k) * n);
    for (int r = 0; r < m; ++r)
      for (int p = 0; p < k; ++p) wf[size_t(r) * k + p] = float(wq[size_t(r) * pairs * 2 + p]) * scales[size_t(r)];
    const float x_scale = 0.003f;
    for (int p = 0; p < k; ++p)
      for (int j = 0; j < n; ++j) {
        const int16_t q = int16_t(int(rng.below(2 * limit + 1)) - limit);
        xq[(size_t(p / 2) * n + j) * 2 + p % 2] = q;
        xf[size_t(p) * n + j] = float(q) * x_scale;
      }
    std::vector<float> want(size_t(m) * n), got(size_t(m) * n);
    gemm_bias_reference(wf.data(), xf.data(), b.data(), want.data(), m, k, n);
    gemm_q16_reference(wq.data(), scales.data(), xq.data(), x_scale, b.data(), got.data(), m, pairs, n);
    for (size_t i = 0; i < want.size(); ++i) ASSERT_NEAR(got[i], want[i], 1e-3 * (1 + std::abs(want[i])));
  }
}

#ifdef __AVX2__
// The native x86 kernel sums the same integers and takes the same float steps after them as
// the reference: every output equal bit for bit, on random sizes (odd K, columns that fill no
// whole vector) and values at the edges of their ranges.
TEST(QuantisedGemm, Avx2KernelGivesWhatItsReferenceGives) {
  Rng rng(22);
  int mismatches = 0;
  for (int trial = 0; trial < 60; ++trial) {
    const int m = 1 + int(rng.below(40)), k = 1 + int(rng.below(600)), n = 1 + int(rng.below(900));
    const int pairs = (k + 1) / 2, limit = quant_limits(pairs).activation;
    std::vector<float> w(size_t(m) * k), b(static_cast<size_t>(m)), scales(static_cast<size_t>(m));
    std::vector<int16_t> wq(size_t(m) * pairs * 2), xq(size_t(pairs) * n * 2);
    for (auto* v : {&w, &b})
      for (float& f : *v) f = rng.normal();
    quantize_rows(w.data(), m, k, quant_limits(pairs).weight, wq.data(), scales.data());
    for (auto& q : xq)
      q = int16_t(rng.below(3) == 0 ? (rng.below(2) ? limit : -limit) : int(rng.below(2 * limit + 1)) - limit);
    std::vector<float> want(size_t(m) * n), got(size_t(m) * n, -1.0f);
    gemm_q16_reference(wq.data(), scales.data(), xq.data(), 0.01f, b.data(), want.data(), m, pairs, n);
    gemm_q16_avx2(wq.data(), scales.data(), xq.data(), 0.01f, b.data(), got.data(), m, pairs, n);
    for (size_t i = 0; i < want.size(); ++i) mismatches += want[i] != got[i];
  }
  EXPECT_EQ(mismatches, 0);
}
#endif

TEST(Quantise, RowsKeepTheirOwnScaleAndNoSumCanOverflow) {
  const std::vector<float> w = {0.5f, -1.0f, 0.25f, 1e-4f, -2e-4f, 0.0f};  // two rows of three
  std::vector<int16_t> wq(8);
  std::vector<float> scales(2);
  quantize_rows(w.data(), 2, 3, 127, wq.data(), scales.data());
  EXPECT_EQ(wq[1], -127);  // row 0's largest
  EXPECT_EQ(wq[3], 0);     // the odd K's padding
  EXPECT_EQ(wq[5], -127);  // row 1 is not lost beside row 0
  EXPECT_EQ(wq[4], 64);
  // The app's largest layers (K = 576: 288 pairs) get 10 bits and a sign for weights, ~12 for activations.
  EXPECT_EQ(quant_limits(288).weight, 1023);
  EXPECT_GE(quant_limits(288).activation, 3000);
  for (int pairs : {1, 288, 5000, 100000, 1 << 23}) {  // 2^23: a conv of kMaxParams weights
    const QuantLimits l = quant_limits(pairs);
    EXPECT_LE(int64_t(2) * pairs * l.weight * l.activation, int64_t(std::numeric_limits<int32_t>::max())) << pairs;
    EXPECT_GE(l.weight, 1);
    EXPECT_GE(l.activation, 1);
  }
  const float nan = std::numeric_limits<float>::quiet_NaN();
  EXPECT_EQ(quantize_value(nan, 1.0f, 100.0f), 100);
  EXPECT_EQ(quantize_value(1e30f, 1.0f, 100.0f), 100);
  EXPECT_EQ(quantize_value(-2.5f, 1.0f, 100.0f), -2);  // halves to even, as wasm's f32.nearest
  EXPECT_EQ(quantize_value(3.5f, 1.0f, 100.0f), 4);
  const std::vector<float> zeros(10, 0.0f);
  EXPECT_EQ(activation_scale(zeros.data(), zeros.size(), 4095), 1.0f);
  // The largest magnitude, of either sign; a NaN passed over; an infinite one gives scale 1.
  const std::vector<float> mixed = {0.5f, -3.0f, nan, 2.0f, -0.0f};
  EXPECT_EQ(activation_scale(mixed.data(), mixed.size(), 4095), 3.0f / 4095);
  const std::vector<float> endless = {1.0f, -std::numeric_limits<float>::infinity()};
  EXPECT_EQ(activation_scale(endless.data(), endless.size(), 4095), 1.0f);
}

}  // namespace
}  // namespace scrawl
