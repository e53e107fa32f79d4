#include "resample.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace scrawl {
namespace {

// The source columns each output column covers, [first, end), and their weights (the share of
// each column inside it), worked out once per call instead of once per output row.
struct ColumnSpans {
  std::vector<int> first, end, weight_at;
  std::vector<double> weights;
};

void span_columns(int sw, int dw, double sx, ColumnSpans& c) {
  c.first.resize(size_t(dw)), c.end.resize(size_t(dw)), c.weight_at.resize(size_t(dw));
  c.weights.clear();
  for (int ox = 0; ox < dw; ++ox) {
    const double x0 = ox * sx, x1 = (ox + 1) * sx;
    const int ix0 = int(std::floor(x0)), ix1 = std::min(sw, int(std::ceil(x1)));
    c.first[size_t(ox)] = ix0, c.end[size_t(ox)] = ix1, c.weight_at[size_t(ox)] = int(c.weights.size());
    for (int ix = ix0; ix < ix1; ++ix) c.weights.push_back(std::min<double>(ix + 1, x1) - std::max<double>(ix, x0));
  }
}

}  // namespace

void resample_area(const float* src, int sw, int sh, int stride, float* dst, int dw, int dh) {
  // Kept between calls (per thread), so that a warm reader allocates nothing here.
  thread_local ColumnSpans columns;
  const double sx = double(sw) / dw, sy = double(sh) / dh;
  span_columns(sw, dw, sx, columns);
  for (int oy = 0; oy < dh; ++oy) {
    const double y0 = oy * sy, y1 = (oy + 1) * sy;
    const int iy0 = int(std::floor(y0)), iy1 = std::min(sh, int(std::ceil(y1)));
    for (int ox = 0; ox < dw; ++ox) {
      const int ix0 = columns.first[size_t(ox)], ix1 = columns.end[size_t(ox)];
      const double* wx = columns.weights.data() + columns.weight_at[size_t(ox)] - ix0;
      double acc = 0;
      for (int iy = iy0; iy < iy1; ++iy) {
        const double wy = std::min<double>(iy + 1, y1) - std::max<double>(iy, y0);
        const float* row = src + long(iy) * stride;
        double racc = 0;
        for (int ix = ix0; ix < ix1; ++ix) racc += wx[ix] * row[ix];
        acc += wy * racc;
      }
      dst[oy * dw + ox] = float(acc / (sx * sy));
    }
  }
}

}  // namespace scrawl
