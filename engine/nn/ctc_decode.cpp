#include "ctc.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace scrawl {

float ctc_best_path(const float* z, int K, int T, std::vector<CtcSymbol>& out) {
  out.clear();
  const int blank = K - 1;
  double log_path = 0;
  int previous = blank;
  for (int t = 0; t < T; ++t) {
    int best = 0;
    float m = z[t];
    for (int k = 1; k < K; ++k)
      if (z[size_t(k) * T + t] > m) m = z[size_t(k) * T + t], best = k;
    double s = 0;
    for (int k = 0; k < K; ++k) s += std::exp(double(z[size_t(k) * T + t] - m));
    const float p = float(1.0 / s);
    log_path -= std::log(s);
    if (best != blank) {
      if (best == previous && !out.empty()) {
        out.back().last = t;
        if (p > out.back().probability) out.back().probability = p, out.back().peak = t;
      } else {
        out.push_back({best, t, t, t, p});
      }
    }
    previous = best;
  }
  return float(std::exp(log_path));
}

namespace {
constexpr double kNone = -std::numeric_limits<double>::infinity();
}  // namespace

double ctc_log_add(double a, double b) {
  if (a == kNone) return b;
  if (b == kNone) return a;
  const double m = std::max(a, b);
  return m + std::log1p(std::exp(-std::fabs(a - b)));
}

void ctc_log_softmax(const float* z, int K, int T, double* lp) {
  for (int t = 0; t < T; ++t) {
    double m = z[t];
    for (int k = 1; k < K; ++k) m = std::max(m, double(z[size_t(k) * T + t]));
    double s = 0;
    for (int k = 0; k < K; ++k) s += std::exp(double(z[size_t(k) * T + t]) - m);
    const double lse = m + std::log(s);
    for (int k = 0; k < K; ++k) lp[size_t(k) * T + t] = double(z[size_t(k) * T + t]) - lse;
  }
}

double ctc_forward(const double* lp, int K, int T, std::span<const int> labels, double* alpha) {
  const int blank = K - 1, L = int(labels.size()), S = 2 * L + 1;
  auto sym = [&](int s) { return s % 2 == 0 ? blank : labels[size_t(s / 2)]; };
  std::fill(alpha, alpha + size_t(S) * T, kNone);
  alpha[0] = lp[size_t(blank) * T];
  if (S > 1) alpha[size_t(T)] = lp[size_t(sym(1)) * T];
  for (int t = 1; t < T; ++t) {
    for (int s = 0; s < S; ++s) {
      double a = alpha[size_t(s) * T + t - 1];
      if (s >= 1) a = ctc_log_add(a, alpha[size_t(s - 1) * T + t - 1]);
      if (s % 2 == 1 && s >= 2 && sym(s) != sym(s - 2)) a = ctc_log_add(a, alpha[size_t(s - 2) * T + t - 1]);
      alpha[size_t(s) * T + t] = a == kNone ? kNone : a + lp[size_t(sym(s)) * T + t];
    }
  }
  double log_p = alpha[size_t(S - 1) * T + T - 1];
  if (S > 1) log_p = ctc_log_add(log_p, alpha[size_t(S - 2) * T + T - 1]);
  return log_p;
}

}  // namespace scrawl
