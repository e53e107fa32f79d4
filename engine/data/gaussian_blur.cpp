#include "gaussian_blur.h"

#include <algorithm>
#include <cmath>

namespace scrawl {

void gaussian_blur(std::vector<float>& img, std::vector<float>& tmp, int w, int h, float sigma, float reach) {
  const int r = std::max(1, int(std::ceil(reach * sigma)));
  std::vector<float> k(size_t(2 * r + 1));
  float sum = 0;
  for (int i = -r; i <= r; ++i) sum += (k[size_t(i + r)] = std::exp(-0.5f * float(i * i) / (sigma * sigma)));
  for (float& v : k) v /= sum;
  tmp.resize(img.size());
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      float acc = 0;
      for (int i = -r; i <= r; ++i) acc += k[size_t(i + r)] * img[size_t(y) * w + std::clamp(x + i, 0, w - 1)];
      tmp[size_t(y) * w + x] = acc;
    }
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      float acc = 0;
      for (int i = -r; i <= r; ++i) acc += k[size_t(i + r)] * tmp[size_t(std::clamp(y + i, 0, h - 1)) * w + x];
      img[size_t(y) * w + x] = acc;
    }
}

}  // namespace scrawl
