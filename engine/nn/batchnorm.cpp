#include "batchnorm.h"

#include <cmath>

namespace scrawl {

void BatchNorm::forward(const float* p, const float* x, float* y, int n, float*, float* cache) const {
  const int C = in_.c, hw = in_.h * in_.w;
  const float* gamma = p;
  const float* beta = p + C;
  for (int c = 0; c < C; ++c) {
    float mean, inv_std;
#ifndef SCRAWL_INFERENCE_ONLY
    if (cache) {  // training: this batch's own statistics
      batch_statistics(x, n, c, mean, inv_std);
      cache[c] = mean;
      cache[C + c] = inv_std;
    } else
#endif
    {
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

}  // namespace scrawl
