// A sequential network: its architecture (one spec line per layer) and one flat blob of
// parameters. Execution buffers live elsewhere (InferenceSession, the trainer's replicas).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "layer.h"

namespace scrawl {

class Network {
 public:
  // spec: layers separated by ';', e.g. "conv 16 3; bn; relu; maxpool 2; gap; dense 10; softmax".
  // Limits on what an architecture may ask for (floats): the app's models are thousands of
  // times smaller, and the page's memory must hold whatever it loads.
  static constexpr int64_t kMaxParams = int64_t(1) << 24, kMaxActivation = int64_t(1) << 20;
  static Result<Network> from_spec(std::string_view spec, Shape input);

  Network() = default;
  Network(Network&&) = default;
  Network& operator=(Network&&) = default;
  Network(const Network& other);  // rebuilds the layers from the spec
  Network& operator=(const Network& other);

  std::string spec() const;
  Shape input() const { return input_; }
  Shape output() const { return layers_.empty() ? input_ : layers_.back()->out(); }
  size_t layer_count() const { return layers_.size(); }
  const Layer& layer(size_t i) const { return *layers_[i]; }
  size_t param_offset(size_t i) const { return offsets_[i]; }

  FloatBuffer& params() { return params_; }
  const FloatBuffer& params() const { return params_; }
  float* layer_params(size_t i) { return params_.data() + offsets_[i]; }
  const float* layer_params(size_t i) const { return params_.data() + offsets_[i]; }

#ifndef SCRAWL_INFERENCE_ONLY
  // Training only (training.cpp).
  void init_params(uint64_t seed);
  std::vector<ParamRole> param_roles() const;
#endif

  // Largest activation of one image over all layers (input included).
  size_t max_activation() const;
  size_t max_scratch(int n) const;

 private:
  Shape input_;
  std::vector<std::unique_ptr<Layer>> layers_;
  std::vector<size_t> offsets_;
  FloatBuffer params_;
};

// Runs a network for inference with buffers allocated once, so a call allocates nothing. The
// network's parameters must not change while a session reads them: a layer may keep them in a
// form of its own, made when the session is made (Layer::prepare).
class InferenceSession {
 public:
  InferenceSession(const Network& net, int max_batch = 1);
  // x: n × input size. Returns the output of the last layer (n × output size), valid until the next call.
  const float* run(const float* x, int n = 1);
  const Network& network() const { return *net_; }

 private:
  const Network* net_;
  int max_batch_;
  FloatBuffer a_, b_, scratch_, prepared_;
  std::vector<size_t> prepared_at_;
};

#ifndef SCRAWL_INFERENCE_ONLY
// Folds each "bn" into the conv before it; returns a network without batch-norm layers
// that computes the same function as the trained one in inference mode (training.cpp).
Result<Network> fold_batchnorm(const Network& trained);
// Rewrites each kh×kw conv over a single row as the 1×kw conv it is (its other kernel rows
// only ever meet the zero padding): the same function in a third of the weights.
Result<Network> compact_row_convs(const Network& net);
#endif

}  // namespace scrawl
