// The CTC loss against every alignment counted by hand, its gradient against finite
// differences, and best-path decoding.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <vector>

#include "core/rng.h"
#include "nn/ctc.h"

namespace scrawl {
namespace {

// p(labels) by enumerating every path of T columns over K classes (blank = K - 1).
double brute_force_probability(const std::vector<float>& z, int K, int T, const std::vector<int>& labels) {
  std::vector<double> prob(z.size());
  for (int t = 0; t < T; ++t) {
    double s = 0;
    for (int k = 0; k < K; ++k) s += std::exp(double(z[size_t(k) * T + t]));
    for (int k = 0; k < K; ++k) prob[size_t(k) * T + t] = std::exp(double(z[size_t(k) * T + t])) / s;
  }
  double total = 0;
  std::vector<int> path(size_t(T), 0);
  std::function<void(int, double)> walk = [&](int t, double p) {
    if (t == T) {
      std::vector<int> read;
      int previous = K - 1;
      for (int k : path) {
        if (k != K - 1 && k != previous) read.push_back(k);
        previous = k;
      }
      if (read == labels) total += p;
      return;
    }
    for (int k = 0; k < K; ++k) {
      path[size_t(t)] = k;
      walk(t + 1, p * prob[size_t(k) * T + t]);
    }
  };
  walk(0, 1.0);
  return total;
}

std::vector<float> random_logits(int K, int T, uint64_t seed) {
  Rng rng(seed);
  std::vector<float> z(size_t(K) * T);
  for (auto& v : z) v = 1.5f * rng.normal();
  return z;
}

TEST(Ctc, LossIsMinusTheLogOfEveryAlignmentsProbability) {
  const int K = 4, T = 6;
  for (const std::vector<int>& labels : {std::vector<int>{0}, {1, 2}, {1, 1}, {2, 0, 2}, {0, 0, 1}, {}}) {
    const auto z = random_logits(K, T, 11 + labels.size());
    std::vector<float> grad(z.size());
    const double loss = ctc_loss(z.data(), K, T, labels, grad.data());
    EXPECT_NEAR(loss, -std::log(brute_force_probability(z, K, T, labels)), 1e-6) << labels.size() << " labels";
  }
}

TEST(Ctc, TheForwardPassAloneGivesTheSameProbability) {
  const int K = 4, T = 6;
  const std::vector<int> labels = {2, 0, 2};
  const auto z = random_logits(K, T, 21);
  std::vector<double> lp(size_t(K) * T), alpha(size_t(2 * labels.size() + 1) * T);
  ctc_log_softmax(z.data(), K, T, lp.data());
  EXPECT_NEAR(ctc_forward(lp.data(), K, T, labels, alpha.data()), std::log(brute_force_probability(z, K, T, labels)),
              1e-6);
}

TEST(Ctc, GradientMatchesFiniteDifferences) {
  const int K = 5, T = 9;
  const std::vector<int> labels = {3, 3, 0, 1};
  auto z = random_logits(K, T, 5);
  std::vector<float> grad(z.size()), unused(z.size());
  ctc_loss(z.data(), K, T, labels, grad.data());
  const float h = 1e-2f;
  for (size_t i = 0; i < z.size(); ++i) {
    const float keep = z[i];
    z[i] = keep + h;
    const double up = ctc_loss(z.data(), K, T, labels, unused.data());
    z[i] = keep - h;
    const double down = ctc_loss(z.data(), K, T, labels, unused.data());
    z[i] = keep;
    EXPECT_NEAR(grad[i], (up - down) / (2 * h), 2e-3) << "logit " << i;
  }
}

TEST(Ctc, LabelsLongerThanTheColumnsCannotBeRead) {
  const int K = 3, T = 3;
  const auto z = random_logits(K, T, 2);
  std::vector<float> grad(z.size(), 1.0f);
  EXPECT_TRUE(
      std::isinf(ctc_loss(z.data(), K, T, std::vector<int>{0, 0, 1}, grad.data())));  // needs a blank between the 0s
  for (float g : grad) EXPECT_EQ(g, 0.0f);
}

TEST(Ctc, BestPathMergesRepeatsAndDropsBlanks) {
  // Columns: 7 7 blank 7 blank 2 2 (blank is class 10).
  const int K = 11, T = 7;
  const int winners[T] = {7, 7, 10, 7, 10, 2, 2};
  std::vector<float> z(size_t(K) * T, 0.0f);
  for (int t = 0; t < T; ++t) z[size_t(winners[t]) * T + t] = 5.0f;
  std::vector<CtcSymbol> read;
  const float p = ctc_best_path(z.data(), K, T, read);
  ASSERT_EQ(read.size(), 3u);
  EXPECT_EQ(read[0].label, 7);
  EXPECT_EQ(read[0].first, 0);
  EXPECT_EQ(read[0].last, 1);
  EXPECT_EQ(read[1].label, 7);
  EXPECT_EQ(read[1].first, 3);
  EXPECT_EQ(read[2].label, 2);
  EXPECT_EQ(read[2].last, 6);
  const double column = std::exp(5.0) / (std::exp(5.0) + 10.0);
  EXPECT_NEAR(p, std::pow(column, T), 1e-5);
  EXPECT_NEAR(read[0].probability, column, 1e-5);
  EXPECT_EQ(read[0].peak, 0);  // both of its columns are as sure: the first
}

}  // namespace
}  // namespace scrawl
