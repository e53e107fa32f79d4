#include "resample.h"

#include <algorithm>
#include <cmath>

namespace scrawl {

void resample_area(const float* src, int sw, int sh, int stride, float* dst, int dw, int dh) {
  const double sx = double(sw) / dw, sy = double(sh) / dh;
  for (int oy = 0; oy < dh; ++oy) {
    const double y0 = oy * sy, y1 = (oy + 1) * sy;
    const int iy0 = int(std::floor(y0)), iy1 = std::min(sh, int(std::ceil(y1)));
    for (int ox = 0; ox < dw; ++ox) {
      const double x0 = ox * sx, x1 = (ox + 1) * sx;
      const int ix0 = int(std::floor(x0)), ix1 = std::min(sw, int(std::ceil(x1)));
      double acc = 0;
      for (int iy = iy0; iy < iy1; ++iy) {
        const double wy = std::min<double>(iy + 1, y1) - std::max<double>(iy, y0);
        const float* row = src + long(iy) * stride;
        double racc = 0;
        for (int ix = ix0; ix < ix1; ++ix) {
          const double wx = std::min<double>(ix + 1, x1) - std::max<double>(ix, x0);
          racc += wx * row[ix];
        }
        acc += wy * racc;
      }
      dst[oy * dw + ox] = float(acc / (sx * sy));
    }
  }
}

}  // namespace scrawl
