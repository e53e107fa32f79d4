#include "conv2d.h"

#include "gemm_kernels.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstring>

namespace scrawl {
namespace {
using MatRM = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Vec = Eigen::Matrix<float, Eigen::Dynamic, 1>;
}  // namespace

Conv2D::Conv2D(Shape in, int filters, int kernel_h, int kernel_w) : Layer(in), kh_(kernel_h), kw_(kernel_w) {
  out_ = {filters, in.h, in.w};
}

std::string Conv2D::spec() const {
  const std::string kernel = kh_ == kw_ ? std::to_string(kh_) : std::to_string(kh_) + "x" + std::to_string(kw_);
  return "conv " + std::to_string(out_.c) + " " + kernel;
}

size_t Conv2D::param_count() const { return size_t(out_.c) * in_.c * kh_ * kw_ + out_.c; }

size_t Conv2D::scratch_floats(int) const { return size_t(in_.c) * kh_ * kw_ * in_.h * in_.w; }

// col[(c*kh + ky)*kw + kx][y*W + x] = x[c][y + ky - pad_y][x + kx - pad_x]
void Conv2D::im2col(const float* x, float* col) const {
  const int H = in_.h, W = in_.w, pad_y = kh_ / 2, pad_x = kw_ / 2;
  // One row of col per (channel, kernel row, kernel column): the channel shifted by the tap.
  for (int r = 0; r < in_.c * kh_ * kw_; ++r) {
    const int c = r / (kh_ * kw_), ky = r / kw_ % kh_, kx = r % kw_;
    const float* xc = x + size_t(c) * H * W;
    float* row = col + size_t(r) * H * W;
    const int dx = kx - pad_x;
    const int x0 = std::max(0, -dx), x1 = std::min(W, W - dx);
    for (int y = 0; y < H; ++y) {
      const int sy = y + ky - pad_y;
      float* out = row + size_t(y) * W;
      if (sy < 0 || sy >= H) {
        std::memset(out, 0, sizeof(float) * size_t(W));
        continue;
      }
      const float* in = xc + size_t(sy) * W;
      std::fill(out, out + x0, 0.0f);
      std::copy(in + x0 + dx, in + x1 + dx, out + x0);
      std::fill(out + x1, out + W, 0.0f);
    }
  }
}

void Conv2D::forward(const float* p, const float* x, float* y, int n, float* scratch, float*) const {
  const int rows = in_.c * kh_ * kw_, hw = in_.h * in_.w;
  const float* bias = p + size_t(out_.c) * rows;
  for (int i = 0; i < n; ++i) {
    im2col(x + size_t(i) * in_.size(), scratch);
#ifdef __wasm_simd128__
    gemm_bias_simd128(p, scratch, bias, y + size_t(i) * out_.size(), out_.c, rows, hw);
#else
    Eigen::Map<const MatRM> w(p, out_.c, rows);
    Eigen::Map<const Vec> b(bias, out_.c);
    Eigen::Map<const MatRM> col(scratch, rows, hw);
    Eigen::Map<MatRM> out(y + size_t(i) * out_.size(), out_.c, hw);
    out.noalias() = w * col;
    out.colwise() += b;
#endif
  }
}

}  // namespace scrawl
