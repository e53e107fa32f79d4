#pragma once
#include "layer.h"

namespace scrawl {

// Per-channel batch normalisation. Params: gamma[c], beta[c], running mean[c], running var[c].
// Training normalises with the batch's statistics; inference with the running ones. Shipped
// models have it folded into the conv before it (see fold_batchnorm).
class BatchNorm final : public Layer {
 public:
  static constexpr float kEps = 1e-5f;
  static constexpr float kMomentum = 0.1f;

  explicit BatchNorm(Shape in) : Layer(in) {}
  std::string spec() const override { return "bn"; }
  size_t param_count() const override { return size_t(4) * in_.c; }
  std::vector<std::vector<int>> param_shapes() const override { return {{in_.c}, {in_.c}, {in_.c}, {in_.c}}; }
  void forward(const float* p, const float* x, float* y, int n, float* scratch, float* cache) const override;
#ifndef SCRAWL_INFERENCE_ONLY
  void init_params(std::span<float> p, Rng& rng) const override;
  void param_roles(std::span<ParamRole> roles) const override;
  // mean[c], inv_std[c], then x-hat for every element.
  size_t cache_floats(int n) const override { return size_t(2) * in_.c + size_t(n) * in_.size(); }
  void backward(const float* p, const float* x, const float* y, const float* dy, float* dx, float* dp, int n,
                float* scratch, const float* cache) const override;
  void update_state(float* p, std::span<const float* const> caches) const override;

 private:
  // Channel c's mean and 1/std over this batch of n images (training normalises with these).
  void batch_statistics(const float* x, int n, int c, float& mean, float& inv_std) const;
#endif
};

}  // namespace scrawl
