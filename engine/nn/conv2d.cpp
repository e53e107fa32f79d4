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

Conv2D::Conv2D(Shape in, int filters, int kernel) : Layer(in), k_(kernel) { out_ = {filters, in.h, in.w}; }

std::string Conv2D::spec() const { return "conv " + std::to_string(out_.c) + " " + std::to_string(k_); }

size_t Conv2D::param_count() const { return size_t(out_.c) * in_.c * k_ * k_ + out_.c; }

size_t Conv2D::scratch_floats(int) const { return size_t(in_.c) * k_ * k_ * in_.h * in_.w; }

// col[(c*k + ky)*k + kx][y*W + x] = x[c][y + ky - pad][x + kx - pad]
void Conv2D::im2col(const float* x, float* col) const {
  const int H = in_.h, W = in_.w, pad = k_ / 2;
  for (int c = 0; c < in_.c; ++c) {
    const float* xc = x + size_t(c) * H * W;
    for (int ky = 0; ky < k_; ++ky) {
      for (int kx = 0; kx < k_; ++kx) {
        float* row = col + size_t((c * k_ + ky) * k_ + kx) * H * W;
        const int dx = kx - pad;
        const int x0 = std::max(0, -dx), x1 = std::min(W, W - dx);
        for (int y = 0; y < H; ++y) {
          const int sy = y + ky - pad;
          float* out = row + size_t(y) * W;
          if (sy < 0 || sy >= H) {
            std::memset(out, 0, sizeof(float) * size_t(W));
            continue;
          }
          const float* in = xc + size_t(sy) * W;
          for (int xx = 0; xx < x0; ++xx) out[xx] = 0.0f;
          for (int xx = x0; xx < x1; ++xx) out[xx] = in[xx + dx];
          for (int xx = x1; xx < W; ++xx) out[xx] = 0.0f;
        }
      }
    }
  }
}

void Conv2D::forward(const float* p, const float* x, float* y, int n, float* scratch, float*) const {
  const int rows = in_.c * k_ * k_, hw = in_.h * in_.w;
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
