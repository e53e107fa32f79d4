// The CTC loss of Graves et al. (2006), forward-backward in log space over the labels with a
// blank between and around them.
#ifdef SCRAWL_INFERENCE_ONLY
#error "ctc_loss.cpp is not part of a build that only reads"
#endif
#include <algorithm>
#include <cmath>
#include <limits>

#include "ctc.h"

namespace scrawl {
namespace {

constexpr double kNone = -std::numeric_limits<double>::infinity();

}  // namespace

double ctc_loss(const float* z, int K, int T, std::span<const int> labels, float* grad) {
  const int blank = K - 1;
  const int L = int(labels.size()), S = 2 * L + 1;
  std::fill(grad, grad + size_t(K) * T, 0.0f);
  int repeats = 0;
  for (int i = 1; i < L; ++i) repeats += labels[size_t(i)] == labels[size_t(i - 1)];
  if (L + repeats > T) return std::numeric_limits<double>::infinity();

  std::vector<double> lp(size_t(K) * T), alpha(size_t(S) * T), beta(size_t(S) * T, kNone);
  ctc_log_softmax(z, K, T, lp.data());
  const double log_p = ctc_forward(lp.data(), K, T, labels, alpha.data());
  if (log_p == kNone) return std::numeric_limits<double>::infinity();
  auto sym = [&](int s) { return s % 2 == 0 ? blank : labels[size_t(s / 2)]; };
  beta[size_t(S - 1) * T + T - 1] = lp[size_t(blank) * T + T - 1];
  if (S > 1) beta[size_t(S - 2) * T + T - 1] = lp[size_t(sym(S - 2)) * T + T - 1];
  for (int t = T - 2; t >= 0; --t) {
    for (int s = 0; s < S; ++s) {
      double b = beta[size_t(s) * T + t + 1];
      if (s + 1 < S) b = ctc_log_add(b, beta[size_t(s + 1) * T + t + 1]);
      if (s + 2 < S && s % 2 == 1 && sym(s) != sym(s + 2)) b = ctc_log_add(b, beta[size_t(s + 2) * T + t + 1]);
      beta[size_t(s) * T + t] = b == kNone ? kNone : b + lp[size_t(sym(s)) * T + t];
    }
  }

  // d(-log p)/dz[k,t] = softmax[k,t] - (1/p) sum over s with sym(s) = k of alpha*beta / y[k,t].
  std::vector<double> occupancy(static_cast<size_t>(K));
  for (int t = 0; t < T; ++t) {
    std::fill(occupancy.begin(), occupancy.end(), kNone);
    for (int s = 0; s < S; ++s) {
      const double ab = alpha[size_t(s) * T + t] + beta[size_t(s) * T + t];
      if (alpha[size_t(s) * T + t] == kNone || beta[size_t(s) * T + t] == kNone) continue;
      occupancy[size_t(sym(s))] = ctc_log_add(occupancy[size_t(sym(s))], ab);
    }
    for (int k = 0; k < K; ++k) {
      const double y = std::exp(lp[size_t(k) * T + t]);
      const double o = occupancy[size_t(k)] == kNone ? 0.0
                                                     : std::exp(occupancy[size_t(k)] - log_p - lp[size_t(k) * T + t]);
      grad[size_t(k) * T + t] = float(y - o);
    }
  }
  return -log_p;
}

}  // namespace scrawl
