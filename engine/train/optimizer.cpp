#include "optimizer.h"

#include <algorithm>
#include <cmath>

namespace scrawl {

Replica::Replica(const Network& net, int max_n) {
  const size_t L = net.layer_count();
  acts.resize(L + 1);
  grads.resize(L + 1);
  caches.resize(L);
  acts[0].resize(size_t(max_n) * net.input().size());
  for (size_t i = 0; i < L; ++i) {
    acts[i + 1].resize(size_t(max_n) * net.layer(i).out().size());
    grads[i + 1].resize(acts[i + 1].size());
    caches[i].resize(net.layer(i).cache_floats(max_n));
  }
  scratch.resize(std::max<size_t>(1, net.max_scratch(max_n)));
  dparams.resize(net.params().size());
}

size_t trained_layers(const Network& net) {
  const size_t L = net.layer_count();
  return net.layer(L - 1).spec() == "softmax" ? L - 1 : L;
}

void forward_for_training(const Network& net, Replica& r, int n) {
  const size_t L = trained_layers(net);
  for (size_t i = 0; i < L; ++i)
    net.layer(i).forward(net.layer_params(i), r.acts[i].data(), r.acts[i + 1].data(), n, r.scratch.data(),
                         r.caches[i].data());
}

void backward_for_training(const Network& net, Replica& r, int n) {
  std::fill(r.dparams.begin(), r.dparams.end(), 0.0f);
  for (size_t i = trained_layers(net); i-- > 0;) {
    net.layer(i).backward(net.layer_params(i), r.acts[i].data(), r.acts[i + 1].data(), r.grads[i + 1].data(),
                          i == 0 ? nullptr : r.grads[i].data(), r.dparams.data() + net.param_offset(i), n,
                          r.scratch.data(), r.caches[i].data());
  }
}

void gather_gradients(Network& net, std::span<Replica* const> replicas, FloatBuffer& grad) {
  std::fill(grad.begin(), grad.end(), 0.0f);
  for (Replica* r : replicas)
    for (size_t j = 0; j < grad.size(); ++j) grad[j] += r->dparams[j];
  for (size_t i = 0; i < net.layer_count(); ++i) {
    std::vector<const float*> caches;
    for (Replica* r : replicas) caches.push_back(r->caches[i].data());
    net.layer(i).update_state(net.layer_params(i), caches);
  }
}

LossAndHits softmax_cross_entropy(const float* logits, const uint8_t* labels, int n, int k, float* grad) {
  LossAndHits out;
  for (int i = 0; i < n; ++i) {
    const float* z = logits + size_t(i) * size_t(k);
    const float m = *std::max_element(z, z + k);
    double s = 0;
    for (int j = 0; j < k; ++j) s += std::exp(double(z[j] - m));
    const int label = labels[i];
    out.loss += std::log(s) - double(z[label] - m);
    out.correct += int(std::max_element(z, z + k) - z) == label;
    for (int j = 0; j < k; ++j)
      grad[size_t(i) * size_t(k) + size_t(j)] = float(std::exp(double(z[j] - m)) / s) - (j == label ? 1.0f : 0.0f);
  }
  return out;
}

float scheduled_rate(long step, long warmup_steps, long total_steps, float peak) {
  constexpr float kPi = 3.14159265358979f;
  if (step < warmup_steps) return peak * float(step + 1) / float(warmup_steps);
  return 0.5f * peak *
         (1.0f + std::cos(kPi * float(step - warmup_steps) / float(std::max(1L, total_steps - warmup_steps))));
}

void sgd_step(Network& net, const std::vector<ParamRole>& roles, const FloatBuffer& grad, FloatBuffer& velocity,
              float rate, int batch, SgdSettings s) {
  auto& params = net.params();
  const float inv_batch = 1.0f / float(batch);
  for (size_t j = 0; j < params.size(); ++j) {
    if (roles[j] == ParamRole::kState) continue;
    float g = grad[j] * inv_batch;
    if (roles[j] == ParamRole::kWeight) g += s.weight_decay * params[j];
    velocity[j] = s.momentum * velocity[j] + g;
    params[j] -= rate * (g + s.momentum * velocity[j]);
  }
}

}  // namespace scrawl
