// Every layer's backward pass against central finite differences of its forward pass.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <vector>

#include "nn/batchnorm.h"
#include "nn/conv2d.h"
#include "nn/simple_layers.h"

namespace scrawl {
namespace {

// loss = sum(forward(x) * r): its gradient w.r.t. the output is r.
double loss_of(const Layer& l, const std::vector<float>& p, const std::vector<float>& x, const std::vector<float>& r,
               int n, bool train) {
  std::vector<float> y(size_t(n) * l.out().size()), scratch(std::max<size_t>(1, l.scratch_floats(n))),
      cache(std::max<size_t>(1, l.cache_floats(n)));
  l.forward(p.data(), x.data(), y.data(), n, scratch.data(), train ? cache.data() : nullptr);
  double s = 0;
  for (size_t i = 0; i < y.size(); ++i) s += double(y[i]) * r[i];
  return s;
}

void check_gradients(const Layer& l, int n, bool train, double tol = 2e-2) {
  Rng rng(42);
  std::vector<float> p(l.param_count()), x(size_t(n) * l.in().size()), r(size_t(n) * l.out().size());
  l.init_params(p, rng);
  for (auto& v : p) v += 0.1f * rng.normal();  // move biases and BN params off their defaults
  if (auto* bn = dynamic_cast<const BatchNorm*>(&l)) {
    for (int c = 0; c < bn->in().c; ++c) p[size_t(3 * bn->in().c + c)] = 0.5f + rng.uniform();  // running var > 0
  }
  for (auto& v : x) v = rng.normal();
  if (dynamic_cast<const MaxPool*>(&l)) {
    // Distinct values at least 5h apart, so that a nudge never changes which one is the max.
    for (size_t i = 0; i < x.size(); ++i) x[i] = 0.05f * float((i * 37) % x.size());
  }
  for (auto& v : r) v = rng.normal();

  std::vector<float> y(r.size()), scratch(std::max<size_t>(1, l.scratch_floats(n))),
      cache(std::max<size_t>(1, l.cache_floats(n))), dx(x.size()), dp(p.size(), 0.0f);
  l.forward(p.data(), x.data(), y.data(), n, scratch.data(), train ? cache.data() : nullptr);
  l.backward(p.data(), x.data(), y.data(), r.data(), dx.data(), dp.data(), n, scratch.data(), cache.data());

  const float h = 1e-2f;
  auto numeric = [&](std::vector<float>& v, size_t i) {
    const float keep = v[i];
    v[i] = keep + h;
    const double up = loss_of(l, p, x, r, n, train);
    v[i] = keep - h;
    const double down = loss_of(l, p, x, r, n, train);
    v[i] = keep;
    return (up - down) / (2.0 * h);
  };
  std::vector<ParamRole> roles(p.size(), ParamRole::kWeight);
  l.param_roles(roles);
  for (size_t i = 0; i < x.size(); i += 1 + x.size() / 97) {
    const double num = numeric(x, i);
    EXPECT_NEAR(dx[i], num, tol * std::max(1.0, std::fabs(num))) << l.spec() << " dx[" << i << "]";
  }
  for (size_t i = 0; i < p.size(); i += 1 + p.size() / 97) {
    if (roles[i] == ParamRole::kState) continue;
    const double num = numeric(p, i);
    EXPECT_NEAR(dp[i], num, tol * std::max(1.0, std::fabs(num))) << l.spec() << " dp[" << i << "]";
  }
}

TEST(Gradients, Conv3x3) { check_gradients(Conv2D({3, 7, 6}, 4, 3), 2, false); }
TEST(Gradients, Conv5x5) { check_gradients(Conv2D({2, 6, 6}, 3, 5), 2, false); }
TEST(Gradients, Conv1x3) { check_gradients(Conv2D({3, 1, 9}, 4, 1, 3), 2, false); }
TEST(Gradients, Conv3x1) { check_gradients(Conv2D({2, 5, 4}, 3, 3, 1), 2, false); }
TEST(Gradients, BatchNormTraining) { check_gradients(BatchNorm({3, 4, 5}), 3, true); }
TEST(Gradients, Relu) { check_gradients(Relu({2, 5, 5}), 2, false); }
TEST(Gradients, MaxPool) { check_gradients(MaxPool({2, 6, 6}, 2, 2), 2, false); }
TEST(Gradients, MaxPoolRowsOnly) { check_gradients(MaxPool({2, 6, 5}, 2, 1), 2, false); }
TEST(Gradients, GlobalAvgPool) { check_gradients(GlobalAvgPool({3, 4, 4}), 2, false); }
TEST(Gradients, ColumnMean) { check_gradients(ColumnMean({3, 4, 5}), 2, false); }
TEST(Gradients, Dense) { check_gradients(Dense({3, 2, 2}, 5), 3, false); }
TEST(Gradients, Softmax) { check_gradients(Softmax({6, 1, 1}), 3, false); }

TEST(Layers, ConvMatchesDirectConvolution) {
  Conv2D conv({2, 5, 4}, 3, 3);
  Rng rng(7);
  std::vector<float> p(conv.param_count()), x(2 * 5 * 4), y(3 * 5 * 4), scratch(conv.scratch_floats(1));
  for (auto& v : p) v = rng.normal();
  for (auto& v : x) v = rng.normal();
  conv.forward(p.data(), x.data(), y.data(), 1, scratch.data(), nullptr);
  for (int o = 0; o < 3; ++o)
    for (int yy = 0; yy < 5; ++yy)
      for (int xx = 0; xx < 4; ++xx) {
        double s = p[size_t(3 * 2 * 9 + o)];
        for (int c = 0; c < 2; ++c)
          for (int ky = 0; ky < 3; ++ky)
            for (int kx = 0; kx < 3; ++kx) {
              const int sy = yy + ky - 1, sx = xx + kx - 1;
              if (sy < 0 || sy >= 5 || sx < 0 || sx >= 4) continue;
              s += double(p[size_t(((o * 2 + c) * 3 + ky) * 3 + kx)]) * x[size_t((c * 5 + sy) * 4 + sx)];
            }
        EXPECT_NEAR(y[size_t((o * 5 + yy) * 4 + xx)], s, 1e-4);
      }
}

#ifdef SCRAWL_CONV_QUANTISED
// The convolution as sessions and the browser run it (its image made integers inside a frame
// of zeros, unfolded in pairs along K, through the integer kernel) computes the float
// convolution to the integers' precision: on random layers with 1×1 to 5×5 kernels, one to
// many channels, odd and even K and rows narrower than the unfolding's chunk of 8.
TEST(Layers, QuantisedConvMatchesDirectConvolution) {
  Rng rng(31);
  const int kernels[][2] = {{3, 3}, {1, 3}, {3, 1}, {5, 5}, {1, 1}, {2, 3}};
  double worst = 0;
  for (int t = 0; t < 60; ++t) {
    const int c = 1 + int(rng.below(9)), h = 1 + int(rng.below(20)), w = 1 + int(rng.below(35)),
              f = 1 + int(rng.below(12));
    const int kh = kernels[t % 6][0], kw = kernels[t % 6][1];
    const Conv2D conv({c, h, w}, f, kh, kw);
    std::vector<float> p(conv.param_count()), x(size_t(c) * h * w), y(size_t(f) * h * w, -1.0f);
    std::vector<float> prepared(conv.prepared_floats()), scratch(conv.scratch_floats(1));
    for (float& v : p) v = rng.normal();
    for (float& v : x) v = rng.uniform() < 0.3f ? 0.0f : std::abs(rng.normal());
    conv.prepare(p.data(), prepared.data());
    conv.forward_prepared(p.data(), prepared.data(), x.data(), y.data(), 1, scratch.data());
    double largest = 1e-6, diff = 0;
    for (int o = 0; o < f; ++o)
      for (int yy = 0; yy < h; ++yy)
        for (int xx = 0; xx < w; ++xx) {
          double want = p[size_t(f) * c * kh * kw + size_t(o)];
          for (int ci = 0; ci < c; ++ci)
            for (int ky = 0; ky < kh; ++ky)
              for (int kx = 0; kx < kw; ++kx) {
                const int sy = yy + ky - kh / 2, sx = xx + kx - kw / 2;
                if (sy < 0 || sy >= h || sx < 0 || sx >= w) continue;
                want += double(p[((size_t(o) * c + size_t(ci)) * kh + size_t(ky)) * kw + size_t(kx)]) *
                        x[(size_t(ci) * h + size_t(sy)) * w + size_t(sx)];
              }
          largest = std::max(largest, std::abs(want));
          diff = std::max(diff, std::abs(want - double(y[(size_t(o) * h + size_t(yy)) * w + size_t(xx)])));
        }
    worst = std::max(worst, diff / largest);
  }
  EXPECT_LT(worst, 0.01);
}
#endif

TEST(Layers, SoftmaxSumsToOne) {
  Softmax sm({10, 1, 1});
  std::vector<float> x = {1, 2, 3, -4, 5, 6, 100, 8, 9, 0}, y(10);
  sm.forward(nullptr, x.data(), y.data(), 1, nullptr, nullptr);
  double s = 0;
  for (float v : y) s += v;
  EXPECT_NEAR(s, 1.0, 1e-5);
  EXPECT_GT(y[6], 0.99f);
}

}  // namespace
}  // namespace scrawl
