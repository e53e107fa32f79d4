// One definition per layer serves inference and training: forward() with cache == nullptr
// is inference; with a cache it keeps what backward() needs.
// The training half of the interface (initial values, the optimizer's roles, the caches,
// backward passes, batch-norm's running state) exists only in builds that train: a build
// that only reads (the wasm module, SCRAWL_INFERENCE_ONLY) declares none of it, and its
// definitions sit in training.cpp, which such a build does not compile.
// Tensors are float, NCHW, n images back to back; parameters live outside the layer in one
// flat blob so that training threads can share them and keep their own gradients.
#pragma once
#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <Eigen/Core>

#ifndef SCRAWL_INFERENCE_ONLY
#include "core/rng.h"
#endif

namespace scrawl {

// Float storage aligned as Eigen's widest vectors want: Eigen's reductions start their
// vectorised part at an aligned address, so the same data at another alignment would be
// summed in another order and training would not reproduce bit for bit.
using FloatBuffer = std::vector<float, Eigen::aligned_allocator<float>>;

struct Shape {
  int c = 0, h = 0, w = 0;
  int size() const { return c * h * w; }
  bool operator==(const Shape&) const = default;
};

#ifndef SCRAWL_INFERENCE_ONLY
// How the optimizer treats a parameter.
enum class ParamRole : unsigned char { kWeight, kBias, kState };
#endif

class Layer {
 public:
  explicit Layer(Shape in) : in_(in), out_(in) {}
  virtual ~Layer() = default;

  virtual std::string spec() const = 0;  // "conv 16 3": the architecture line in a weights file
  Shape in() const { return in_; }
  Shape out() const { return out_; }

  virtual size_t param_count() const { return 0; }
  // Shapes of the tensors that make up the parameters, in blob order (for the weights file).
  virtual std::vector<std::vector<int>> param_shapes() const { return {}; }

  // Floats of scratch a call over n images needs (shared by forward and backward).
  virtual size_t scratch_floats(int /*n*/) const { return 0; }

  virtual void forward(const float* params, const float* x, float* y, int n, float* scratch, float* cache) const = 0;

  // Inference may read the parameters in a form of the layer's own (the integer convolution's
  // weights), made once when an InferenceSession is made instead of on every call.
  virtual size_t prepared_floats() const { return 0; }
  virtual void prepare(const float* /*params*/, float* /*prepared*/) const {}
  virtual void forward_prepared(const float* params, const float* /*prepared*/, const float* x, float* y, int n,
                                float* scratch) const {
    forward(params, x, y, n, scratch, nullptr);
  }

#ifndef SCRAWL_INFERENCE_ONLY
  // Training only (training.cpp).
  virtual void init_params(std::span<float> /*params*/, Rng& /*rng*/) const {}
  virtual void param_roles(std::span<ParamRole> /*roles*/) const {}
  // Floats forward() keeps for backward() in training.
  virtual size_t cache_floats(int /*n*/) const { return 0; }
  // dx may be null (first layer); dparams is accumulated into (+=).
  virtual void backward(const float* params, const float* x, const float* y, const float* dy, float* dx, float* dparams,
                        int n, float* scratch, const float* cache) const = 0;
  // After a training step: fold what the caches saw into running state (batch-norm).
  virtual void update_state(float* /*params*/, std::span<const float* const> /*caches*/) const {}
#endif

 protected:
  Shape in_, out_;
};

}  // namespace scrawl
