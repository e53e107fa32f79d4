#include "conv2d.h"

#include "gemm_kernels.h"
#include "quantize.h"

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

size_t Conv2D::scratch_floats(int) const {
  const size_t rows = size_t(in_.c) * kh_ * kw_, hw = size_t(in_.h) * in_.w;
#ifdef SCRAWL_CONV_QUANTISED
  // The weights as int16 (rows padded to even) and their scales, where no session made them;
  // the packed columns (int16); the image's values as int16 (half a float each, rounded up).
  const size_t pairs = (rows + 1) / 2,
               quantised = size_t(out_.c) * pairs + size_t(out_.c) + pairs * hw + (size_t(in_.size()) + 1) / 2;
#ifdef SCRAWL_INFERENCE_ONLY
  return quantised;
#else
  return std::max(quantised, rows * hw);  // backward() still unfolds the float columns
#endif
#else
  return rows * hw;
#endif
}

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

#ifdef SCRAWL_CONV_QUANTISED
void Conv2D::im2col_pairs(const int16_t* xq, int16_t* col) const {
  const int H = in_.h, W = in_.w, pad_y = kh_ / 2, pad_x = kw_ / 2, rows = in_.c * kh_ * kw_;
  const size_t hw = size_t(H) * W;
  for (int r = 0; r < rows; ++r) {
    const int c = r / (kh_ * kw_), ky = r / kw_ % kh_, kx = r % kw_, dx = kx - pad_x;
    const int x0 = std::max(0, -dx), x1 = std::min(W, W - dx);  // columns whose source is inside
    const int16_t* xc = xq + size_t(c) * hw;
    int16_t* out = col + size_t(r / 2) * hw * 2 + size_t(r % 2);
    for (int yy = 0; yy < H; ++yy, out += 2 * W) {
      const int sy = yy + ky - pad_y;
      if (sy < 0 || sy >= H) {
        for (int xx = 0; xx < W; ++xx) out[2 * xx] = 0;
        continue;
      }
      const int16_t* in = xc + size_t(sy) * W + dx;
      for (int xx = 0; xx < x0; ++xx) out[2 * xx] = 0;
      for (int xx = x0; xx < x1; ++xx) out[2 * xx] = in[xx];
      for (int xx = x1; xx < W; ++xx) out[2 * xx] = 0;
    }
  }
  if (rows % 2) {
    int16_t* out = col + size_t(rows / 2) * hw * 2 + 1;
    for (size_t j = 0; j < hw; ++j) out[2 * j] = 0;
  }
}

size_t Conv2D::prepared_floats() const {
  const size_t pairs = (size_t(in_.c) * kh_ * kw_ + 1) / 2;
  return size_t(out_.c) * pairs + size_t(out_.c);  // int16 weights, rows padded to even; their scales
}

void Conv2D::prepare(const float* p, float* prepared) const {
  const int rows = in_.c * kh_ * kw_, pairs = (rows + 1) / 2;
  quantize_rows(p, out_.c, rows, quant_limits(pairs).weight, reinterpret_cast<int16_t*>(prepared),
                prepared + size_t(out_.c) * pairs);
}

void Conv2D::forward_prepared(const float* p, const float* prepared, const float* x, float* y, int n,
                              float* scratch) const {
  forward_quantised(p, prepared, x, y, n, scratch + prepared_floats());
}

// prepared: what prepare() made; scratch: the packed columns, then the image as integers.
void Conv2D::forward_quantised(const float* p, const float* prepared, const float* x, float* y, int n,
                               float* scratch) const {
  const int rows = in_.c * kh_ * kw_, pairs = (rows + 1) / 2, hw = in_.h * in_.w;
  const int16_t* wq = reinterpret_cast<const int16_t*>(prepared);
  const float* w_scale = prepared + size_t(out_.c) * pairs;
  int16_t* col = reinterpret_cast<int16_t*>(scratch);
  int16_t* image = col + size_t(pairs) * hw * 2;
  const int limit = quant_limits(pairs).activation;
  for (int i = 0; i < n; ++i) {
    const float* xi = x + size_t(i) * in_.size();
    const float x_scale = activation_scale(xi, size_t(in_.size()), limit);
    // Each value made an integer once, then unfolded: not once for each of the kernel's taps.
    quantize_values(xi, size_t(in_.size()), 1.0f / x_scale, float(limit), image);
    im2col_pairs(image, col);
#ifdef __wasm_simd128__
    gemm_q16_simd128(wq, w_scale, col, x_scale, p + size_t(out_.c) * rows, y + size_t(i) * out_.size(), out_.c, pairs,
                     hw);
#else
    gemm_q16_reference(wq, w_scale, col, x_scale, p + size_t(out_.c) * rows, y + size_t(i) * out_.size(), out_.c, pairs,
                       hw);
#endif
  }
}
#endif

void Conv2D::forward(const float* p, const float* x, float* y, int n, float* scratch, float*) const {
#ifdef SCRAWL_CONV_QUANTISED
  // The browser multiplies integers: twice the float rate (gemm_kernels.h). Called outside a
  // session (training), the weights are made integers here, at the start of the scratch.
  prepare(p, scratch);
  forward_quantised(p, scratch, x, y, n, scratch + prepared_floats());
#else
  const int rows = in_.c * kh_ * kw_, hw = in_.h * in_.w;
  const float* bias = p + size_t(out_.c) * rows;
  for (int i = 0; i < n; ++i) {
    im2col(x + size_t(i) * in_.size(), scratch);
    Eigen::Map<const MatRM> w(p, out_.c, rows);
    Eigen::Map<const Vec> b(bias, out_.c);
    Eigen::Map<const MatRM> col(scratch, rows, hw);
    Eigen::Map<MatRM> out(y + size_t(i) * out_.size(), out_.c, hw);
    out.noalias() = w * col;
    out.colwise() += b;
  }
#endif
}

}  // namespace scrawl
