#include "simple_layers.h"

#include "gemm_kernels.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstring>

namespace scrawl {
namespace {
using MatRM = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowVec = Eigen::Matrix<float, 1, Eigen::Dynamic>;
}  // namespace

void Relu::forward(const float*, const float* x, float* y, int n, float*, float*) const {
  const size_t len = size_t(n) * in_.size();
  for (size_t i = 0; i < len; ++i) y[i] = x[i] > 0.0f ? x[i] : 0.0f;
}

MaxPool::MaxPool(Shape in, int rows, int columns) : Layer(in), rows_(rows), columns_(columns) {
  out_ = {in.c, in.h / rows, in.w / columns};
}

void MaxPool::forward(const float*, const float* x, float* y, int n, float*, float*) const {
  const int sy = rows_, sx = columns_;
  if (sy == 2 && (sx == 2 || sx == 1)) return forward_2xk(x, y, n);
  for (int plane = 0; plane < n * in_.c; ++plane) {
    const float* xp = x + size_t(plane) * in_.h * in_.w;
    float* yp = y + size_t(plane) * out_.h * out_.w;
    for (int o = 0; o < out_.h * out_.w; ++o) {
      const float* window = xp + size_t(o / out_.w * sy) * in_.w + size_t(o % out_.w * sx);
      float m = window[0];
      for (int d = 0; d < sy * sx; ++d) m = std::max(m, window[size_t(d / sx) * in_.w + size_t(d % sx)]);
      yp[o] = m;
    }
  }
}

// The app's pools (2×2, and 2×1 in the line model): rows walked in order, no division per value.
void MaxPool::forward_2xk(const float* x, float* y, int n) const {
  const int W = in_.w, OW = out_.w, OH = out_.h;
  for (int plane = 0; plane < n * in_.c; ++plane) {
    const float* xp = x + size_t(plane) * in_.h * W;
    float* yp = y + size_t(plane) * OH * OW;
    for (int oy = 0; oy < OH; ++oy) {
      const float* r0 = xp + size_t(2 * oy) * W;
      const float* r1 = r0 + W;
      float* out = yp + size_t(oy) * OW;
      if (columns_ == 2)
        for (int ox = 0; ox < OW; ++ox)
          out[ox] = std::max(std::max(r0[2 * ox], r0[2 * ox + 1]), std::max(r1[2 * ox], r1[2 * ox + 1]));
      else
        for (int ox = 0; ox < OW; ++ox) out[ox] = std::max(r0[ox], r1[ox]);
    }
  }
}

void GlobalAvgPool::forward(const float*, const float* x, float* y, int n, float*, float*) const {
  const int hw = in_.h * in_.w;
  for (int plane = 0; plane < n * in_.c; ++plane) {
    const float* xp = x + size_t(plane) * hw;
    float s = 0;
    for (int j = 0; j < hw; ++j) s += xp[j];
    y[plane] = s / float(hw);
  }
}

void ColumnMean::forward(const float*, const float* x, float* y, int n, float*, float*) const {
  const int H = in_.h, W = in_.w;
  for (int plane = 0; plane < n * in_.c; ++plane) {
    const float* xp = x + size_t(plane) * H * W;
    float* yp = y + size_t(plane) * W;
    for (int c = 0; c < W; ++c) yp[c] = 0.0f;
    for (int r = 0; r < H; ++r)
      for (int c = 0; c < W; ++c) yp[c] += xp[size_t(r) * W + c];
    for (int c = 0; c < W; ++c) yp[c] /= float(H);
  }
}

void Dense::forward(const float* p, const float* x, float* y, int n, float*, float*) const {
  const int in = in_.size(), out = out_.c;
#ifdef __wasm_simd128__
  // One image at a time through the same kernel as the convolutions: keeps Eigen's GEMM
  // (tens of KB) out of the download.
  for (int i = 0; i < n; ++i)
    gemm_bias_simd128(p, x + size_t(i) * in, p + size_t(out) * in, y + size_t(i) * out, out, in, 1);
  return;
#endif
  Eigen::Map<const MatRM> w(p, out, in);
  Eigen::Map<const RowVec> b(p + size_t(out) * in, out);
  Eigen::Map<const MatRM> X(x, n, in);
  Eigen::Map<MatRM> Y(y, n, out);
  Y.noalias() = X * w.transpose();
  Y.rowwise() += b;
}

void Softmax::forward(const float*, const float* x, float* y, int n, float*, float*) const {
  const int k = in_.size();
  for (int i = 0; i < n; ++i) {
    const float* xi = x + size_t(i) * k;
    float* yi = y + size_t(i) * k;
    const float m = *std::max_element(xi, xi + k);
    float s = 0;
    for (int j = 0; j < k; ++j) s += (yi[j] = std::exp(xi[j] - m));
    for (int j = 0; j < k; ++j) yi[j] /= s;
  }
}

}  // namespace scrawl
