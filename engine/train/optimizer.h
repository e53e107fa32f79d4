// What every trainer here shares: a thread's forward/backward buffers over its shard of a
// batch, the fixed-order sum of the threads' gradients, the learning-rate schedule (linear
// warm-up, then cosine) and the SGD step (Nesterov momentum, weight decay on weights only).
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "nn/network.h"

namespace scrawl {

struct Replica {
  Replica(const Network& net, int max_n);
  std::vector<FloatBuffer> acts, grads, caches;  // acts[0] is the input; grads[L] the loss's
  FloatBuffer scratch, dparams;
};

// Layers a trainer trains through: all but a final softmax, whose job the loss does.
size_t trained_layers(const Network& net);

// Forward through the trained layers, keeping caches; the last activation is the logits.
void forward_for_training(const Network& net, Replica& r, int n);
// Backward from grads[trained_layers] into dparams (zeroed first).
void backward_for_training(const Network& net, Replica& r, int n);

// Sums the replicas' dparams in a fixed order (runs reproduce) and folds batch-norm's batch
// statistics into its running state.
void gather_gradients(Network& net, std::span<Replica* const> replicas, FloatBuffer& grad);

// Softmax cross-entropy of n rows of k logits against their labels: the gradient on the logits
// into `grad` (n × k), the summed loss and the number of rows whose largest logit is the label.
struct LossAndHits {
  double loss = 0;
  int correct = 0;
};
LossAndHits softmax_cross_entropy(const float* logits, const uint8_t* labels, int n, int k, float* grad);

float scheduled_rate(long step, long warmup_steps, long total_steps, float peak);

struct SgdSettings {
  float momentum = 0.9f, weight_decay = 5e-4f;
};
// grad is the batch's summed gradient; it is averaged over `batch` here.
void sgd_step(Network& net, const std::vector<ParamRole>& roles, const FloatBuffer& grad, FloatBuffer& velocity,
              float rate, int batch, SgdSettings settings);

}  // namespace scrawl
