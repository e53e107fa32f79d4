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
  // the packed columns (int16); the image's values as int16 (half a float each, rounded up);
  // a row of zeros (int16) for the taps outside the image.
  const size_t pairs = (rows + 1) / 2, quantised = size_t(out_.c) * pairs + size_t(out_.c) + pairs * hw +
                                                   (size_t(in_.size()) + 1) / 2 + size_t(in_.w);
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

void Conv2D::im2col_pairs(const int16_t* xq, int16_t* col, int16_t* zeros) const {
  const int H = in_.h, W = in_.w, pad_y = kh_ / 2, pad_x = kw_ / 2, rows = in_.c * kh_ * kw_;
  const size_t hw = size_t(H) * W;
  std::fill(zeros, zeros + W, int16_t(0));
  // What tap r reads: channel c's rows shifted by dy, columns by dx; [x0, x1) are the output
  // columns whose source is inside the image. A tap past the last (an odd K) reads zeros.
  struct Tap {
    const int16_t* channel;
    int dy, dx, x0, x1;
  };
  const auto tap = [&](int r) -> Tap {
    if (r >= rows) return {nullptr, 0, 0, 0, W};
    const int c = r / (kh_ * kw_), ky = r / kw_ % kh_, kx = r % kw_, dx = kx - pad_x;
    return {xq + size_t(c) * hw, ky - pad_y, dx, std::max(0, -dx), std::min(W, W - dx)};
  };
  // in[x] is the value at output column x of row yy, for x in [x0, x1).
  const auto row_of = [&](const Tap& t, int yy, int& x0, int& x1) -> const int16_t* {
    const int sy = yy + t.dy;
    if (!t.channel || sy < 0 || sy >= H) return x0 = 0, x1 = W, zeros;
    return x0 = t.x0, x1 = t.x1, t.channel + size_t(sy) * W + t.dx;
  };
  // The two taps of a pair side by side: a plain interleave over the columns both read inside
  // the image, which the compiler vectorises, and the few columns at the edges one by one.
  for (int p = 0; p < (rows + 1) / 2; ++p) {
    const Tap ta = tap(2 * p), tb = tap(2 * p + 1);
    int16_t* out = col + size_t(p) * hw * 2;
    for (int yy = 0; yy < H; ++yy, out += 2 * W) {
      int a0, a1, b0, b1;
      const int16_t* ia = row_of(ta, yy, a0, a1);
      const int16_t* ib = row_of(tb, yy, b0, b1);
      const int lo = std::max(a0, b0), hi = std::max(lo, std::min(a1, b1));
      const auto edge = [&](int x) {
        out[2 * x] = x >= a0 && x < a1 ? ia[x] : int16_t(0);
        out[2 * x + 1] = x >= b0 && x < b1 ? ib[x] : int16_t(0);
      };
      for (int x = 0; x < lo; ++x) edge(x);
      int x = lo;
      for (; x + 8 <= hi; x += 8) interleave8(ia + x, ib + x, out + 2 * x);
      for (; x < hi; ++x) out[2 * x] = ia[x], out[2 * x + 1] = ib[x];
      for (x = hi; x < W; ++x) edge(x);
    }
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
  int16_t* zeros = image + (size_t(in_.size()) + 1) / 2 * 2;
  const int limit = quant_limits(pairs).activation;
  for (int i = 0; i < n; ++i) {
    const float* xi = x + size_t(i) * in_.size();
    const float x_scale = activation_scale(xi, size_t(in_.size()), limit);
    // Each value made an integer once, then unfolded: not once for each of the kernel's taps.
    quantize_values(xi, size_t(in_.size()), 1.0f / x_scale, float(limit), image);
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
