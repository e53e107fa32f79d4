#include "batchnorm.h"

#include <algorithm>
#include <cmath>

namespace scrawl {

void BatchNorm::init_params(std::span<float> p, Rng&) const {
  const int C = in_.c;
  std::fill(p.begin(), p.begin() + C, 1.0f);
  std::fill(p.begin() + C, p.begin() + 3 * C, 0.0f);
  std::fill(p.begin() + 3 * C, p.end(), 1.0f);
}

void BatchNorm::param_roles(std::span<ParamRole> roles) const {
  const int C = in_.c;
  std::fill(roles.begin(), roles.begin() + 2 * C, ParamRole::kBias);
  std::fill(roles.begin() + 2 * C, roles.end(), ParamRole::kState);
}

void BatchNorm::forward(const float* p, const float* x, float* y, int n, float*, float* cache) const {
  const int C = in_.c, hw = in_.h * in_.w;
  const float* gamma = p;
  const float* beta = p + C;
  for (int c = 0; c < C; ++c) {
    float mean, inv_std;
    if (cache) {
      double s = 0, s2 = 0;
      for (int i = 0; i < n; ++i) {
        const float* xc = x + (size_t(i) * C + c) * hw;
        for (int j = 0; j < hw; ++j) s += xc[j];
      }
      mean = float(s / (double(n) * hw));
      for (int i = 0; i < n; ++i) {
        const float* xc = x + (size_t(i) * C + c) * hw;
        for (int j = 0; j < hw; ++j) {
          const double d = xc[j] - mean;
          s2 += d * d;
        }
      }
      const float var = float(s2 / (double(n) * hw));
      inv_std = 1.0f / std::sqrt(var + kEps);
      cache[c] = mean;
      cache[C + c] = inv_std;
    } else {
      mean = p[2 * C + c];
      inv_std = 1.0f / std::sqrt(p[3 * C + c] + kEps);
    }
    for (int i = 0; i < n; ++i) {
      const size_t off = (size_t(i) * C + c) * hw;
      float* xhat = cache ? cache + 2 * C + off : nullptr;
      for (int j = 0; j < hw; ++j) {
        const float h = (x[off + j] - mean) * inv_std;
        if (xhat) xhat[j] = h;
        y[off + j] = gamma[c] * h + beta[c];
      }
    }
  }
}

void BatchNorm::backward(const float* p, const float*, const float*, const float* dy, float* dx, float* dp, int n,
                         float*, const float* cache) const {
  const int C = in_.c, hw = in_.h * in_.w;
  const float m = float(n) * hw;
  for (int c = 0; c < C; ++c) {
    const float inv_std = cache[C + c];
    double sum_dy = 0, sum_dy_xhat = 0;
    for (int i = 0; i < n; ++i) {
      const size_t off = (size_t(i) * C + c) * hw;
      const float* xhat = cache + 2 * C + off;
      for (int j = 0; j < hw; ++j) {
        sum_dy += dy[off + j];
        sum_dy_xhat += double(dy[off + j]) * xhat[j];
      }
    }
    dp[c] += float(sum_dy_xhat);
    dp[C + c] += float(sum_dy);
    if (!dx) continue;
    const float k = p[c] * inv_std / m;
    const float a = float(sum_dy), b = float(sum_dy_xhat);
    for (int i = 0; i < n; ++i) {
      const size_t off = (size_t(i) * C + c) * hw;
      const float* xhat = cache + 2 * C + off;
      for (int j = 0; j < hw; ++j) dx[off + j] = k * (m * dy[off + j] - a - xhat[j] * b);
    }
  }
}

void BatchNorm::update_state(float* p, std::span<const float* const> caches) const {
  const int C = in_.c;
  for (int c = 0; c < C; ++c) {
    float mean = 0, var = 0;
    for (const float* cache : caches) {
      mean += cache[c];
      const float inv_std = cache[C + c];
      var += 1.0f / (inv_std * inv_std) - kEps;
    }
    mean /= float(caches.size());
    var /= float(caches.size());
    p[2 * C + c] += kMomentum * (mean - p[2 * C + c]);
    p[3 * C + c] += kMomentum * (var - p[3 * C + c]);
  }
}

}  // namespace scrawl
