// The parameter-free layers and the dense layer: each small enough to sit together.
#pragma once
#include "layer.h"

namespace scrawl {

class Relu final : public Layer {
 public:
  explicit Relu(Shape in) : Layer(in) {}
  std::string spec() const override { return "relu"; }
  void forward(const float* p, const float* x, float* y, int n, float* scratch, float* cache) const override;
#ifndef SCRAWL_INFERENCE_ONLY
  void backward(const float* p, const float* x, const float* y, const float* dy, float* dx, float* dp, int n,
                float* scratch, const float* cache) const override;
#endif
};

// Non-overlapping max pooling (window = stride = rows × columns), floor of odd sides.
class MaxPool final : public Layer {
 public:
  MaxPool(Shape in, int rows, int columns);
  std::string spec() const override {
    return "maxpool " +
           (rows_ == columns_ ? std::to_string(rows_) : std::to_string(rows_) + "x" + std::to_string(columns_));
  }
  void forward(const float* p, const float* x, float* y, int n, float* scratch, float* cache) const override;
#ifndef SCRAWL_INFERENCE_ONLY
  void backward(const float* p, const float* x, const float* y, const float* dy, float* dx, float* dp, int n,
                float* scratch, const float* cache) const override;
#endif
  int pool_columns() const { return columns_; }

 private:
  void forward_2xk(const float* x, float* y, int n) const;
  int rows_, columns_;
};

// Mean over each channel's H×W: C×H×W -> C×1×1.
class GlobalAvgPool final : public Layer {
 public:
  explicit GlobalAvgPool(Shape in) : Layer(in) { out_ = {in.c, 1, 1}; }
  std::string spec() const override { return "gap"; }
  void forward(const float* p, const float* x, float* y, int n, float* scratch, float* cache) const override;
#ifndef SCRAWL_INFERENCE_ONLY
  void backward(const float* p, const float* x, const float* y, const float* dy, float* dx, float* dp, int n,
                float* scratch, const float* cache) const override;
#endif
};

// Mean over each column of each channel: C×H×W -> C×1×W. A line reader's features become one
// vector per column, read left to right.
class ColumnMean final : public Layer {
 public:
  explicit ColumnMean(Shape in) : Layer(in) { out_ = {in.c, 1, in.w}; }
  std::string spec() const override { return "colmean"; }
  void forward(const float* p, const float* x, float* y, int n, float* scratch, float* cache) const override;
#ifndef SCRAWL_INFERENCE_ONLY
  void backward(const float* p, const float* x, const float* y, const float* dy, float* dx, float* dp, int n,
                float* scratch, const float* cache) const override;
#endif
};

// y = W x + b over the flattened input. Params: W [units][inputs], b [units].
class Dense final : public Layer {
 public:
  Dense(Shape in, int units) : Layer(in) { out_ = {units, 1, 1}; }
  std::string spec() const override { return "dense " + std::to_string(out_.c); }
  size_t param_count() const override { return size_t(out_.c) * in_.size() + out_.c; }
  std::vector<std::vector<int>> param_shapes() const override { return {{out_.c, in_.size()}, {out_.c}}; }
  void forward(const float* p, const float* x, float* y, int n, float* scratch, float* cache) const override;
#ifndef SCRAWL_INFERENCE_ONLY
  void init_params(std::span<float> p, Rng& rng) const override;
  void param_roles(std::span<ParamRole> roles) const override;
  void backward(const float* p, const float* x, const float* y, const float* dy, float* dx, float* dp, int n,
                float* scratch, const float* cache) const override;
#endif
};

// Softmax over the channels of each image.
class Softmax final : public Layer {
 public:
  explicit Softmax(Shape in) : Layer(in) {}
  std::string spec() const override { return "softmax"; }
  void forward(const float* p, const float* x, float* y, int n, float* scratch, float* cache) const override;
#ifndef SCRAWL_INFERENCE_ONLY
  void backward(const float* p, const float* x, const float* y, const float* dy, float* dx, float* dp, int n,
                float* scratch, const float* cache) const override;
#endif
};

}  // namespace scrawl
