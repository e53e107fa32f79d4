// The training half of the layers and the network: initial values, the optimizer's roles,
// backward passes, batch-norm's batch statistics and running state, and the folding of
// batch-norm into the shipped model. Builds that only read (the wasm module) do not compile
// this file, and their headers (SCRAWL_INFERENCE_ONLY) declare none of it; each layer's
// forward pass, the one both use, stays in the layer's own file.
#ifdef SCRAWL_INFERENCE_ONLY
#error "training.cpp is not part of a build that only reads"
#endif

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstring>

#include "batchnorm.h"
#include "conv2d.h"
#include "network.h"
#include "simple_layers.h"

namespace scrawl {
namespace {
using MatRM = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Vec = Eigen::Matrix<float, Eigen::Dynamic, 1>;
using RowVec = Eigen::Matrix<float, 1, Eigen::Dynamic>;
}  // namespace

// ---- Conv2D
void Conv2D::init_params(std::span<float> p, Rng& rng) const {
  const int fan_in = in_.c * kh_ * kw_;
  const float bound = std::sqrt(6.0f / float(fan_in));  // He-uniform for ReLU
  const size_t nw = size_t(out_.c) * fan_in;
  for (size_t i = 0; i < nw; ++i) p[i] = rng.uniform(-bound, bound);
  std::fill(p.begin() + long(nw), p.end(), 0.0f);
}

void Conv2D::param_roles(std::span<ParamRole> roles) const {
  const size_t nw = size_t(out_.c) * in_.c * kh_ * kw_;
  std::fill(roles.begin(), roles.begin() + long(nw), ParamRole::kWeight);
  std::fill(roles.begin() + long(nw), roles.end(), ParamRole::kBias);
}

void Conv2D::col2im(const float* col, float* dx) const {
  const int H = in_.h, W = in_.w, pad_y = kh_ / 2, pad_x = kw_ / 2;
  std::memset(dx, 0, sizeof(float) * size_t(in_.size()));
  // Each row of col (a channel, kernel row and kernel column) added back where im2col took it.
  for (int r = 0; r < in_.c * kh_ * kw_; ++r) {
    const int c = r / (kh_ * kw_), ky = r / kw_ % kh_, kx = r % kw_;
    float* dc = dx + size_t(c) * H * W;
    const float* row = col + size_t(r) * H * W;
    const int ddx = kx - pad_x;
    const int x0 = std::max(0, -ddx), x1 = std::min(W, W - ddx);
    for (int y = std::max(0, pad_y - ky); y < std::min(H, H + pad_y - ky); ++y) {
      const float* in = row + size_t(y) * W;
      float* out = dc + size_t(y + ky - pad_y) * W;
      for (int xx = x0; xx < x1; ++xx) out[xx + ddx] += in[xx];
    }
  }
}

void Conv2D::backward(const float* p, const float* x, const float*, const float* dy, float* dx, float* dp, int n,
                      float* scratch, const float*) const {
  const int rows = in_.c * kh_ * kw_, hw = in_.h * in_.w;
  Eigen::Map<const MatRM> w(p, out_.c, rows);
  Eigen::Map<MatRM> dw(dp, out_.c, rows);
  Eigen::Map<Vec> db(dp + size_t(out_.c) * rows, out_.c);
  for (int i = 0; i < n; ++i) {
    Eigen::Map<const MatRM> g(dy + size_t(i) * out_.size(), out_.c, hw);
    im2col(x + size_t(i) * in_.size(), scratch);
    Eigen::Map<MatRM> col(scratch, rows, hw);
    dw.noalias() += g * col.transpose();
    db += g.rowwise().sum();
    if (dx) {
      col.noalias() = w.transpose() * g;
      col2im(scratch, dx + size_t(i) * in_.size());
    }
  }
}

// ---- BatchNorm
void BatchNorm::init_params(std::span<float> p, Rng&) const {
  const int C = in_.c;
  std::fill(p.begin(), p.begin() + C, 1.0f);
  std::fill(p.begin() + C, p.begin() + 3 * C, 0.0f);
  std::fill(p.begin() + 3 * C, p.end(), 1.0f);
}

void BatchNorm::param_roles(std::span<ParamRole> roles) const {
  const int C = in_.c;
  std::fill(roles.begin(), roles.begin() + 2 * C, ParamRole::kBias);
  std::fill(roles.begin() + 2 * C, roles.end(), ParamRole::kState);
}

void BatchNorm::batch_statistics(const float* x, int n, int c, float& mean, float& inv_std) const {
  const int C = in_.c, hw = in_.h * in_.w;
  double s = 0, s2 = 0;
  for (int i = 0; i < n; ++i) {
    const float* xc = x + (size_t(i) * C + c) * hw;
    for (int j = 0; j < hw; ++j) s += xc[j];
  }
  mean = float(s / (double(n) * hw));
  for (int i = 0; i < n; ++i) {
    const float* xc = x + (size_t(i) * C + c) * hw;
    for (int j = 0; j < hw; ++j) {
      const double d = xc[j] - mean;
      s2 += d * d;
    }
  }
  const float var = float(s2 / (double(n) * hw));
  inv_std = 1.0f / std::sqrt(var + kEps);
}

void BatchNorm::backward(const float* p, const float*, const float*, const float* dy, float* dx, float* dp, int n,
                         float*, const float* cache) const {
  const int C = in_.c, hw = in_.h * in_.w;
  const float m = float(n) * hw;
  for (int c = 0; c < C; ++c) {
    const float inv_std = cache[C + c];
    double sum_dy = 0, sum_dy_xhat = 0;
    for (int i = 0; i < n; ++i) {
      const size_t off = (size_t(i) * C + c) * hw;
      const float* xhat = cache + 2 * C + off;
      for (int j = 0; j < hw; ++j) {
        sum_dy += dy[off + j];
        sum_dy_xhat += double(dy[off + j]) * xhat[j];
      }
    }
    dp[c] += float(sum_dy_xhat);
    dp[C + c] += float(sum_dy);
    if (!dx) continue;
    const float k = p[c] * inv_std / m;
    const float a = float(sum_dy), b = float(sum_dy_xhat);
    for (int i = 0; i < n; ++i) {
      const size_t off = (size_t(i) * C + c) * hw;
      const float* xhat = cache + 2 * C + off;
      for (int j = 0; j < hw; ++j) dx[off + j] = k * (m * dy[off + j] - a - xhat[j] * b);
    }
  }
}

void BatchNorm::update_state(float* p, std::span<const float* const> caches) const {
  const int C = in_.c;
  for (int c = 0; c < C; ++c) {
    float mean = 0, var = 0;
    for (const float* cache : caches) {
      mean += cache[c];
      const float inv_std = cache[C + c];
      var += 1.0f / (inv_std * inv_std) - kEps;
    }
    mean /= float(caches.size());
    var /= float(caches.size());
    p[2 * C + c] += kMomentum * (mean - p[2 * C + c]);
    p[3 * C + c] += kMomentum * (var - p[3 * C + c]);
  }
}

// ---- Relu, MaxPool, GlobalAvgPool, ColumnMean, Dense, Softmax
void Relu::backward(const float*, const float*, const float* y, const float* dy, float* dx, float*, int n, float*,
                    const float*) const {
  if (!dx) return;
  const size_t len = size_t(n) * in_.size();
  for (size_t i = 0; i < len; ++i) dx[i] = y[i] > 0.0f ? dy[i] : 0.0f;
}

// The gradient goes to the first position that holds the maximum, as forward chose it.
void MaxPool::backward(const float*, const float* x, const float* y, const float* dy, float* dx, float*, int n, float*,
                       const float*) const {
  if (!dx) return;
  const int sy = rows_, sx = columns_;
  std::memset(dx, 0, sizeof(float) * size_t(n) * in_.size());
  for (int plane = 0; plane < n * in_.c; ++plane) {
    const float* xp = x + size_t(plane) * in_.h * in_.w;
    float* dxp = dx + size_t(plane) * in_.h * in_.w;
    const float* yp = y + size_t(plane) * out_.h * out_.w;
    const float* dyp = dy + size_t(plane) * out_.h * out_.w;
    for (int oy = 0; oy < out_.h; ++oy) {
      for (int ox = 0; ox < out_.w; ++ox) {
        const float m = yp[oy * out_.w + ox];
        bool done = false;
        for (int ddy = 0; ddy < sy && !done; ++ddy) {
          for (int ddx = 0; ddx < sx && !done; ++ddx) {
            const size_t at = size_t(oy * sy + ddy) * in_.w + ox * sx + ddx;
            if (xp[at] == m) {
              dxp[at] += dyp[oy * out_.w + ox];
              done = true;
            }
          }
        }
      }
    }
  }
}

void GlobalAvgPool::backward(const float*, const float*, const float*, const float* dy, float* dx, float*, int n,
                             float*, const float*) const {
  if (!dx) return;
  const int hw = in_.h * in_.w;
  for (int plane = 0; plane < n * in_.c; ++plane) {
    const float g = dy[plane] / float(hw);
    std::fill(dx + size_t(plane) * hw, dx + size_t(plane + 1) * hw, g);
  }
}

void ColumnMean::backward(const float*, const float*, const float*, const float* dy, float* dx, float*, int n, float*,
                          const float*) const {
  if (!dx) return;
  const int H = in_.h, W = in_.w;
  for (int plane = 0; plane < n * in_.c; ++plane) {
    const float* dyp = dy + size_t(plane) * W;
    float* dxp = dx + size_t(plane) * H * W;
    for (int r = 0; r < H; ++r)
      for (int c = 0; c < W; ++c) dxp[size_t(r) * W + c] = dyp[c] / float(H);
  }
}

void Dense::init_params(std::span<float> p, Rng& rng) const {
  const float bound = std::sqrt(6.0f / float(in_.size() + out_.c));  // Glorot-uniform
  const size_t nw = size_t(out_.c) * in_.size();
  for (size_t i = 0; i < nw; ++i) p[i] = rng.uniform(-bound, bound);
  std::fill(p.begin() + long(nw), p.end(), 0.0f);
}

void Dense::param_roles(std::span<ParamRole> roles) const {
  const size_t nw = size_t(out_.c) * in_.size();
  std::fill(roles.begin(), roles.begin() + long(nw), ParamRole::kWeight);
  std::fill(roles.begin() + long(nw), roles.end(), ParamRole::kBias);
}

void Dense::backward(const float* p, const float* x, const float*, const float* dy, float* dx, float* dp, int n, float*,
                     const float*) const {
  const int in = in_.size(), out = out_.c;
  Eigen::Map<const MatRM> w(p, out, in);
  Eigen::Map<const MatRM> X(x, n, in);
  Eigen::Map<const MatRM> G(dy, n, out);
  Eigen::Map<MatRM> dw(dp, out, in);
  Eigen::Map<RowVec> db(dp + size_t(out) * in, out);
  dw.noalias() += G.transpose() * X;
  db += G.colwise().sum();
  if (dx) {
    Eigen::Map<MatRM> DX(dx, n, in);
    DX.noalias() = G * w;
  }
}

void Softmax::backward(const float*, const float*, const float* y, const float* dy, float* dx, float*, int n, float*,
                       const float*) const {
  if (!dx) return;
  const int k = in_.size();
  for (int i = 0; i < n; ++i) {
    const float* yi = y + size_t(i) * k;
    const float* gi = dy + size_t(i) * k;
    float dot = 0;
    for (int j = 0; j < k; ++j) dot += yi[j] * gi[j];
    for (int j = 0; j < k; ++j) dx[size_t(i) * k + j] = yi[j] * (gi[j] - dot);
  }
}

// ---- Network
void Network::init_params(uint64_t seed) {
  Rng rng(seed);
  for (size_t i = 0; i < layers_.size(); ++i)
    layers_[i]->init_params(std::span<float>(params_.data() + offsets_[i], layers_[i]->param_count()), rng);
}

std::vector<ParamRole> Network::param_roles() const {
  std::vector<ParamRole> roles(params_.size(), ParamRole::kBias);
  for (size_t i = 0; i < layers_.size(); ++i)
    layers_[i]->param_roles(std::span<ParamRole>(roles.data() + offsets_[i], layers_[i]->param_count()));
  return roles;
}

Result<Network> fold_batchnorm(const Network& trained) {
  std::string spec;
  FloatBuffer params;
  for (size_t i = 0; i < trained.layer_count(); ++i) {
    const Layer& l = trained.layer(i);
    const float* p = trained.layer_params(i);
    if (dynamic_cast<const BatchNorm*>(&l)) {
      const auto* conv = i > 0 ? dynamic_cast<const Conv2D*>(&trained.layer(i - 1)) : nullptr;
      if (!conv) return make_error(ErrorCode::kBadArgument, "batch-norm must follow a conv to be folded");
      const int C = l.in().c;
      const size_t per_filter = conv->param_count() / size_t(C) - 1;  // weights of one filter
      float* w = params.data() + params.size() - conv->param_count();
      float* b = w + per_filter * size_t(C);
      for (int c = 0; c < C; ++c) {
        const float scale = p[c] / std::sqrt(p[3 * C + c] + BatchNorm::kEps);
        for (size_t j = 0; j < per_filter; ++j) w[size_t(c) * per_filter + j] *= scale;
        b[c] = (b[c] - p[2 * C + c]) * scale + p[C + c];
      }
      continue;
    }
    spec += (spec.empty() ? "" : "; ") + l.spec();
    params.insert(params.end(), p, p + l.param_count());
  }
  auto folded = Network::from_spec(spec, trained.input());
  if (!folded) return folded.error();
  folded->params() = std::move(params);
  return folded;
}

Result<Network> compact_row_convs(const Network& net) {
  std::string spec;
  FloatBuffer params;
  for (size_t i = 0; i < net.layer_count(); ++i) {
    const Layer& l = net.layer(i);
    const float* p = net.layer_params(i);
    const auto* conv = dynamic_cast<const Conv2D*>(&l);
    if (!conv || l.in().h != 1 || conv->kernel_h() == 1) {
      spec += (spec.empty() ? "" : "; ") + l.spec();
      params.insert(params.end(), p, p + l.param_count());
      continue;
    }
    const int F = conv->filters(), C = l.in().c, kh = conv->kernel_h(), kw = conv->kernel_w(), mid = kh / 2;
    spec += (spec.empty() ? "" : "; ") + ("conv " + std::to_string(F) + " 1x" + std::to_string(kw));
    for (int f = 0; f < F; ++f)
      for (int c = 0; c < C; ++c)
        for (int kx = 0; kx < kw; ++kx) params.push_back(p[((size_t(f) * C + c) * kh + mid) * kw + kx]);
    params.insert(params.end(), p + size_t(F) * C * kh * kw, p + size_t(F) * C * kh * kw + F);  // biases
  }
  auto compact = Network::from_spec(spec, net.input());
  if (!compact) return compact.error();
  compact->params() = std::move(params);
  return compact;
}

}  // namespace scrawl
