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
  // the packed columns (int16) and their slack; the padded image's values as int16 (half a
  // float each, rounded up); a row of zeros (int16) for a tap past the last.
  const PaddedImage padded = padded_image();
  const size_t pairs = (rows + 1) / 2, quantised = size_t(out_.c) * pairs + size_t(out_.c) + pairs * hw +
                                                   kColumnSlack / 2 + (padded.values + 1) / 2 +
                                                   size_t(4 * padded.chunks);
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
namespace {
// out[2i] = a[i], out[2i + 1] = b[i] for eight i, in two shuffles (wasm SIMD and x86 alike).
inline void interleave8(const int16_t* a, const int16_t* b, int16_t* out) {
  typedef int16_t Eight __attribute__((vector_size(16)));
  Eight va, vb;
  std::memcpy(&va, a, sizeof va);
  std::memcpy(&vb, b, sizeof vb);
  const Eight lo = __builtin_shufflevector(va, vb, 0, 8, 1, 9, 2, 10, 3, 11);
  const Eight hi = __builtin_shufflevector(va, vb, 4, 12, 5, 13, 6, 14, 7, 15);
  std::memcpy(out, &lo, sizeof lo);
  std::memcpy(out + 8, &hi, sizeof hi);
}
}  // namespace

Conv2D::PaddedImage Conv2D::padded_image() const {
  PaddedImage p;
  p.width = in_.w + kw_ - 1;
  p.height = in_.h + kh_ - 1;
  p.chunks = (in_.w + 7) / 8;
  // Every row is read in whole chunks of 8: the last chunk of the last channel's last row may
  // read up to 7 values past the image, and a tap past the last reads a row of zeros that long.
  p.values = size_t(in_.c) * size_t(p.width) * size_t(p.height) + 8;
  return p;
}

void Conv2D::pad_into(const float* x, float inverse_scale, int limit, int16_t* padded) const {
  const PaddedImage p = padded_image();
  const int W = in_.w, H = in_.h, top = kh_ / 2, left = kw_ / 2;
  int16_t* out = padded;
  for (int c = 0; c < in_.c; ++c)
    for (int y = 0; y < p.height; ++y, out += p.width) {
      const int sy = y - top;
      if (sy < 0 || sy >= H) {
        std::fill(out, out + p.width, int16_t(0));
        continue;
      }
      std::fill(out, out + left, int16_t(0));
      quantize_values(x + (size_t(c) * H + size_t(sy)) * W, size_t(W), inverse_scale, float(limit), out + left);
      std::fill(out + left + W, out + p.width, int16_t(0));
    }
  std::fill(out, padded + p.values, int16_t(0));
}

void Conv2D::im2col_pairs(const int16_t* padded, int16_t* col, int16_t* zeros) const {
  const PaddedImage p = padded_image();
  const int H = in_.h, W = in_.w, rows = in_.c * kh_ * kw_;
  const size_t hw = size_t(H) * W, plane = size_t(p.width) * size_t(p.height);
  std::fill(zeros, zeros + 8 * p.chunks, int16_t(0));
  // Where tap r reads output row 0: channel c's padded plane shifted by the tap; every later row
  // is one padded row further. A tap past the last (an odd K) reads zeros.
  const auto first_row = [&](int r) -> const int16_t* {
    if (r >= rows) return nullptr;
    const int c = r / (kh_ * kw_), ky = r / kw_ % kh_, kx = r % kw_;
    return padded + size_t(c) * plane + size_t(ky) * p.width + kx;
  };
  // The padding makes every tap's row whole: the two taps of a pair are interleaved in chunks of
  // 8 with no edge to test. A row's last chunk writes past its end, over the start of the next
  // row (written after it) or into the slack after the columns.
  for (int q = 0; q < (rows + 1) / 2; ++q) {
    const int16_t* a = first_row(2 * q);
    const int16_t* b = first_row(2 * q + 1);
    const size_t b_step = b ? size_t(p.width) : 0;
    if (!b) b = zeros;
    int16_t* out = col + size_t(q) * hw * 2;
    for (int yy = 0; yy < H; ++yy, out += 2 * W, a += p.width, b += b_step)
      for (int k = 0; k < p.chunks; ++k) interleave8(a + 8 * k, b + 8 * k, out + 16 * k);
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
  int16_t* image = col + size_t(pairs) * hw * 2 + kColumnSlack;
  int16_t* zeros = image + (padded_image().values + 1) / 2 * 2;
  const int limit = quant_limits(pairs).activation;
  for (int i = 0; i < n; ++i) {
    const float* xi = x + size_t(i) * in_.size();
    const float x_scale = activation_scale(xi, size_t(in_.size()), limit);
    // Each value made an integer once, then unfolded: not once for each of the kernel's taps.
    pad_into(xi, 1.0f / x_scale, limit, image);
    im2col_pairs(image, col, zeros);
#ifdef __wasm_simd128__
    gemm_q16_simd128(wq, w_scale, col, x_scale, p + size_t(out_.c) * rows, y + size_t(i) * out_.size(), out_.c, pairs,
                     hw);
#elif defined(__AVX2__)
    gemm_q16_avx2(wq, w_scale, col, x_scale, p + size_t(out_.c) * rows, y + size_t(i) * out_.size(), out_.c, pairs, hw);
#else
    gemm_q16_reference(wq, w_scale, col, x_scale, p + size_t(out_.c) * rows, y + size_t(i) * out_.size(), out_.c, pairs,
                       hw);
#endif
  }
}
#endif

void Conv2D::forward(const float* p, const float* x, float* y, int n, float* scratch, float*) const {
#ifdef __wasm_simd128__
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
