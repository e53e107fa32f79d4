#include "personal_trainer.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "digit_jitter.h"

namespace scrawl::learn {
namespace {

// How much the start model's answers are softened before the new one is taught them: at 1 a
// digit it is sure of would teach nothing but its label.
constexpr float kTemperature = 3.0f;

// The longest gradient (batch-averaged, all taught parameters) a step follows.
constexpr double kMaxStep = 4.0;

// Softmax of z / kTemperature into p (10 values).
void softened(const float* z, float* p) {
  const float m = *std::max_element(z, z + 10);
  float sum = 0;
  for (int j = 0; j < 10; ++j) sum += p[j] = std::exp((z[j] - m) / kTemperature);
  for (int j = 0; j < 10; ++j) p[j] /= sum;
}

// Layers [from, to) of `net` as a network of their own, with their parameters.
// Empty (no layers) where from == to.
Network layers_of(const Network& net, size_t from, size_t to) {
  if (from == to) return Network();
  std::string spec;
  for (size_t i = from; i < to; ++i) spec += (spec.empty() ? "" : "; ") + net.layer(i).spec();
  const Shape input = from == 0 ? net.input() : net.layer(from - 1).out();
  Network part = Network::from_spec(spec, input).value();
  const size_t begin = net.param_offset(from);
  const size_t end = to < net.layer_count() ? net.param_offset(to) : net.params().size();
  std::copy(net.params().begin() + long(begin), net.params().begin() + long(end), part.params().begin());
  return part;
}

// Where teaching starts: the last convolution, or the first layer when all of them learn.
size_t first_taught_layer(const Network& net, bool all_layers) {
  if (all_layers) return 0;
  size_t first = 0;
  for (size_t i = 0; i < net.layer_count(); ++i)
    if (net.layer(i).spec().rfind("conv", 0) == 0) first = i;
  return first;
}

// What the fixed layers make of each input, n × front.output().size() floats appended to `out`.
void run_front(const Network& front, std::span<const DigitPixels> inputs, FloatBuffer& out) {
  const size_t size = front.layer_count() ? size_t(front.output().size()) : inputs.size() ? inputs[0].size() : 0;
  const size_t at = out.size();
  out.resize(at + inputs.size() * size);
  if (front.layer_count() == 0) {
    for (size_t i = 0; i < inputs.size(); ++i)
      std::copy(inputs[i].begin(), inputs[i].end(), out.begin() + long(at + i * size));
    return;
  }
  InferenceSession session(front, 1);
  for (size_t i = 0; i < inputs.size(); ++i) {
    const float* y = session.run(inputs[i].data(), 1);
    std::copy(y, y + size, out.begin() + long(at + i * size));
  }
}

}  // namespace

Result<std::unique_ptr<PersonalTrainer>> PersonalTrainer::create(const Network& start, std::span<const Sample> own,
                                                                 const DrawnDigits& rehearsal,
                                                                 const TeachOptions& options) {
  if (start.input() != Shape{1, kDigitSide, kDigitSide} || start.output().size() != 10)
    return make_error(ErrorCode::kBadArgument, "this model does not read digits, so it cannot learn a handwriting");
  if (own.empty()) return make_error(ErrorCode::kBadArgument, "there are no samples of your handwriting to learn from");
  for (const Sample& s : own)
    if (s.label > 9) return make_error(ErrorCode::kBadArgument, "a sample's label is not a digit from 0 to 9");
  if (options.batch < 2 || options.copies < 0 || options.steps < 0)
    return make_error(ErrorCode::kBadArgument, "the teaching settings are out of range");
  std::unique_ptr<PersonalTrainer> t(new PersonalTrainer());
  t->opt_ = options;
  t->start_ = start;
  t->first_taught_ = first_taught_layer(start, options.all_layers);
  t->front_ = layers_of(start, 0, t->first_taught_);
  t->back_ = layers_of(start, t->first_taught_, start.layer_count());
  t->back_start_ = t->back_.params();
  t->velocity_.assign(t->back_start_.size(), 0.0f);
  t->grad_.assign(t->back_start_.size(), 0.0f);
  t->roles_ = t->back_.param_roles();
  t->feature_size_ = t->front_.layer_count() ? size_t(t->front_.output().size()) : size_t(kDigitSide * kDigitSide);
  t->cache_features(own, rehearsal);
  const int own_per_batch = options.batch / 2;
  // About twenty looks at each sample (each a moved copy), within what a phone does in seconds;
  // chosen on the synthetic and pen writers of `npm run eval:learning`.
  t->steps_ = options.steps
                  ? options.steps
                  : std::clamp(int((own.size() * 20 + size_t(own_per_batch) - 1) / size_t(own_per_batch)), 60, 300);
  // Every layer moving at once needs smaller steps: at the full rate the early layers' changes
  // undo what the later ones learnt.
  if (options.all_layers) t->opt_.learning_rate *= 0.1f;
  t->replica_ = std::make_unique<Replica>(t->back_, options.batch);
  t->batch_labels_.resize(size_t(options.batch));
  t->remember_teacher();
  return t;
}

void PersonalTrainer::cache_features(std::span<const Sample> own, const DrawnDigits& rehearsal) {
  std::vector<DigitPixels> inputs;
  for (size_t i = 0; i < own.size(); ++i) {
    Rng rng(opt_.seed, 0x0e1, i);
    inputs.push_back(own[i].pixels);
    own_labels_.push_back(own[i].label);
    for (int c = 0; c < opt_.copies; ++c) {
      DigitPixels moved;
      jitter_digit(own[i].pixels, rng, moved);
      inputs.push_back(moved);
      own_labels_.push_back(own[i].label);
    }
  }
  run_front(front_, inputs, own_features_);
  run_front(front_, rehearsal.pixels, rehearsal_features_);
  rehearsal_labels_ = rehearsal.labels;
  own_order_.resize(own_labels_.size());
  std::iota(own_order_.begin(), own_order_.end(), 0u);
}

void PersonalTrainer::remember_teacher() {
  const size_t n = rehearsal_labels_.size(), L = trained_layers(back_);
  const size_t batch = size_t(opt_.batch);
  rehearsal_teacher_.resize(n * 10);
  for (size_t at = 0; at < n; at += batch) {
    const size_t k = std::min(batch, n - at);
    std::copy_n(rehearsal_features_.begin() + long(at * feature_size_), k * feature_size_, replica_->acts[0].begin());
    forward_for_training(back_, *replica_, int(k));
    for (size_t i = 0; i < k; ++i)
      softened(replica_->acts[L].data() + i * 10, rehearsal_teacher_.data() + (at + i) * 10);
  }
}

void PersonalTrainer::step() {
  if (finished()) return;
  Rng rng(opt_.seed, 0x57e, uint64_t(done_));
  const int n = opt_.batch, own_n = rehearsal_labels_.empty() ? n : n / 2;
  float* x = replica_->acts[0].data();
  std::vector<size_t>& picks = rehearsal_picks_;
  picks.clear();
  auto put = [&](int slot, const FloatBuffer& features, size_t index, uint8_t label) {
    std::copy_n(features.begin() + long(index * feature_size_), feature_size_, x + size_t(slot) * feature_size_);
    batch_labels_[size_t(slot)] = label;
  };
  for (int i = 0; i < own_n; ++i) {
    // Every example once before any twice: a fresh shuffle each time round.
    if (own_next_ == 0)
      for (size_t k = own_order_.size(); k > 1; --k)
        std::swap(own_order_[k - 1], own_order_[size_t(rng.below(int(k)))]);
    const uint32_t pick = own_order_[own_next_];
    own_next_ = (own_next_ + 1) % own_order_.size();
    put(i, own_features_, pick, own_labels_[pick]);
  }
  for (int i = own_n; i < n; ++i) {
    const size_t pick = size_t(rng.below(int(rehearsal_labels_.size())));
    put(i, rehearsal_features_, pick, rehearsal_labels_[pick]);
    picks.push_back(pick);
  }
  forward_for_training(back_, *replica_, n);
  const size_t L = trained_layers(back_);
  const float* logits = replica_->acts[L].data();
  float* g = replica_->grads[L].data();
  double loss = softmax_cross_entropy(logits, batch_labels_.data(), own_n, 10, g).loss;
  // Distillation (Hinton et al. 2015): the gradient of T² · KL(teacher || student at T).
  for (int i = own_n; i < n; ++i) {
    float p[10];
    softened(logits + size_t(i) * 10, p);
    const float* q = rehearsal_teacher_.data() + picks[size_t(i - own_n)] * 10;
    for (int j = 0; j < 10; ++j) {
      g[size_t(i) * 10 + size_t(j)] = opt_.rehearsal_weight * kTemperature * (p[j] - q[j]);
      if (q[j] > 0) loss += double(q[j]) * std::log(double(q[j]) / std::max(1e-12, double(p[j])));
    }
  }
  loss_ = loss / double(n);
  backward_for_training(back_, *replica_, n);
  // Pulled back toward the start (sgd_step averages the gradient over the batch).
  const FloatBuffer& params = back_.params();
  for (size_t j = 0; j < grad_.size(); ++j)
    grad_[j] = replica_->dparams[j] + opt_.keep_near * float(n) * (params[j] - back_start_[j]);
  // A step is never longer than kMaxStep (the batch-averaged gradient's length): a batch of
  // odd digits, or every layer moving at once, must not throw the weights far from where they were.
  double norm = 0;
  for (float g : grad_) norm += double(g) * double(g);
  norm = std::sqrt(norm) / double(n);
  if (norm > kMaxStep)
    for (float& g : grad_) g *= float(kMaxStep / norm);
  const long warmup = std::max(1, steps_ / 10);
  sgd_step(back_, roles_, grad_, velocity_, scheduled_rate(done_, warmup, steps_, opt_.learning_rate), n, {0.9f, 0.0f});
  ++done_;
}

Network PersonalTrainer::model() const {
  Network whole = start_;
  const size_t at = start_.param_offset(first_taught_);
  std::copy(back_.params().begin(), back_.params().end(), whole.params().begin() + long(at));
  return whole;
}

std::vector<uint8_t> predict(const Network& model, std::span<const DigitPixels> inputs) {
  InferenceSession session(model, 1);
  const int k = model.output().size();
  std::vector<uint8_t> out;
  out.reserve(inputs.size());
  for (const DigitPixels& in : inputs) {
    const float* p = session.run(in.data(), 1);
    out.push_back(uint8_t(std::max_element(p, p + k) - p));
  }
  return out;
}

}  // namespace scrawl::learn
