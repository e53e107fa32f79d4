#include "ctc.h"

#include <cmath>

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

}  // namespace scrawl
