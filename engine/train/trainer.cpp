#include "trainer.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <numeric>
#include <thread>

#include "not_a_digit.h"
#include "not_one_digit.h"
#include "optimizer.h"
#include "single_digit.h"

namespace scrawl {
namespace {

// A thread's buffers, and the labels, loss and hits of its shard.
struct DigitReplica : Replica {
  DigitReplica(const Network& net, int max_n) : Replica(net, max_n) {}
  std::vector<uint8_t> labels;
  double loss = 0;
  int correct = 0;
};

void run_shard(const Network& net, DigitReplica& r, int n) {
  forward_for_training(net, r, n);
  const size_t L = trained_layers(net);
  const LossAndHits lh =
      softmax_cross_entropy(r.acts[L].data(), r.labels.data(), n, net.layer(L - 1).out().size(), r.grads[L].data());
  r.loss = lh.loss;
  r.correct = lh.correct;
  backward_for_training(net, r, n);
}

// A network ready to train: the one to fine-tune or a new one of the architecture, with the
// task's number of outputs.
Result<Network> network_to_train(const TrainConfig& cfg) {
  const Shape digit{1, kDigitSide, kDigitSide};
  auto built = cfg.start ? Result<Network>(*cfg.start) : Network::from_spec(cfg.architecture, digit);
  if (!built) return built.error();
  Network net = std::move(built.value());
  if (net.input() != digit)
    return make_error(ErrorCode::kBadArgument, "the model to start from does not read 28x28 digits");
  const int classes = cfg.task == TrainTask::kOneDigit ? 2 : 10;
  if (net.output().size() != classes)
    return make_error(ErrorCode::kBadArgument, "the architecture must end in " + std::to_string(classes) +
                                                   " outputs for this task (dense " + std::to_string(classes) + ")");
  if (!cfg.start) net.init_params(cfg.seed);
  return net;
}

struct ValidationSet {
  std::vector<DigitPixels> digits;
  std::vector<uint8_t> labels;
};

// Validation digits: held out, prepared once, never augmented. For the one-digit task every
// other one is made into a pair or a piece, with partners from the validation digits only, and
// the validation cut-outs join them.
ValidationSet validation_set(const DigitSet& data, const TrainConfig& cfg, const DigitSplit& split) {
  const size_t train_n = split.train_end, val_n = split.end - split.train_end;
  ValidationSet val{std::vector<DigitPixels>(val_n), std::vector<uint8_t>(val_n)};
  MnistPreparer prep;
  NotOneDigitMaker maker;
  std::array<uint8_t, 784> made;
  for (size_t i = 0; i < val_n; ++i) {
    const uint8_t* source = data.image(train_n + i);
    val.labels[i] = data.labels[train_n + i];
    if (cfg.task == TrainTask::kOneDigit) {
      val.labels[i] = uint8_t(i % 2);
      Rng rng(cfg.seed, 0x7a1, i);
      if (val.labels[i]) maker.make(data, train_n + i, train_n, split.end, rng, made.data()), source = made.data();
    }
    prep.prepare(source, val.digits[i]);
  }
  if (cfg.task == TrainTask::kOneDigit && cfg.validation_cutouts) {
    const LabelledCutouts& c = *cfg.validation_cutouts;
    val.digits.insert(val.digits.end(), c.pixels.begin(), c.pixels.end());
    val.labels.insert(val.labels.end(), c.labels.begin(), c.labels.end());
  }
  return val;
}

// Where the examples come from: the training digits, and the page cut-outs of each class to
// draw from evenly.
struct ExampleSource {
  const DigitSet& data;
  const TrainConfig& cfg;
  size_t train_n;
  std::array<std::vector<uint32_t>, 2> cutouts_of;
  bool use_cutouts = false;

  ExampleSource(const DigitSet& d, const TrainConfig& c, size_t n) : data(d), cfg(c), train_n(n) {
    if (cfg.cutouts) {
      const std::vector<uint8_t>& labels = cfg.cutouts->labels;
      for (size_t i = 0; i < labels.size(); ++i) cutouts_of[labels[i] ? 1 : 0].push_back(uint32_t(i));
    }
    use_cutouts = cfg.cutout_share > 0 && !cutouts_of[0].empty() &&
                  (cfg.task == TrainTask::kDigits || !cutouts_of[1].empty());
  }
};

// What one thread makes its examples with.
struct ExampleTools {
  explicit ExampleTools(const AugmentOptions& augment) : augmenter(augment) {}
  Augmenter augmenter;
  MnistPreparer preparer;
  SingleDigitPreprocessor pre;
  NotOneDigitMaker maker;
  std::array<uint8_t, 784> made{}, broken{};
  GrayImage canvas;
};

// A page cut-out of the example's class (a whole digit of any kind for the digit model, which
// then learns the digit written).
uint8_t pick_cutout(const ExampleSource& src, uint8_t label, Rng& rng, DigitPixels& px) {
  const TrainConfig& cfg = src.cfg;
  const auto& pool = src.cutouts_of[cfg.task == TrainTask::kOneDigit ? label : 0];
  const uint32_t pick = pool[size_t(rng.below(int(pool.size())))];
  px = cfg.cutouts->pixels[pick];
  return cfg.task == TrainTask::kDigits ? cfg.cutouts->digits[pick] : label;
}

// The digit distorted as handwriting is (for the digit model now and then with a sliver of a
// neighbour or broken strokes), then prepared as the reader prepares what it cuts.
void augmented(const ExampleSource& src, uint32_t idx, uint8_t label, const uint8_t* source, Rng& rng,
               ExampleTools& tools, DigitPixels& px) {
  const TrainConfig& cfg = src.cfg;
  const bool digits = cfg.task == TrainTask::kDigits;
  if (digits && cfg.augment.neighbour && rng.chance(0.1f))
    tools.maker.with_neighbour_sliver(src.data, idx, 0, src.train_n, rng, tools.made.data()),
        source = tools.made.data();
  if (digits && cfg.augment.broken && rng.chance(0.1f))
    break_strokes(source, rng, tools.broken.data()), source = tools.broken.data();
  const bool whole_zero = src.data.labels[idx] == 0 && (digits || label == 0);
  tools.augmenter.render(source, rng, tools.canvas, whole_zero);
  auto prepared = tools.pre.run(tools.canvas);
  if (prepared) px = prepared->pixels;
  else tools.preparer.prepare(source, px);
}

// Training digit idx as this epoch shows it, in the model's form; returns its label. Its random
// numbers come from (seed, epoch, idx) alone, whichever thread makes it.
uint8_t make_example(const ExampleSource& src, uint32_t idx, int epoch, bool settling, ExampleTools& tools,
                     DigitPixels& px) {
  const TrainConfig& cfg = src.cfg;
  Rng rng(cfg.seed, uint64_t(epoch), idx);
  const uint8_t* source = src.data.image(idx);
  uint8_t label = src.data.labels[idx];
  bool from_cutout = false;
  if (cfg.task == TrainTask::kOneDigit) {
    // Half are not one digit: a pair or a piece of digits, or a shape that is no digit.
    label = rng.chance(0.5f) ? 1 : 0;
    from_cutout = src.use_cutouts && rng.chance(cfg.cutout_share);
    if (label && !from_cutout) {
      if (rng.chance(cfg.not_a_digit_share)) draw_not_a_digit(rng, tools.made.data());
      else tools.maker.make(src.data, idx, 0, src.train_n, rng, tools.made.data());
      source = tools.made.data();
    }
  } else {
    from_cutout = src.use_cutouts && rng.chance(cfg.cutout_share);
  }
  if (from_cutout) return pick_cutout(src, label, rng, px);
  if (cfg.augment.any() && !(settling && rng.chance(0.5f))) augmented(src, idx, label, source, rng, tools, px);
  else tools.preparer.prepare(source, px);
  return label;
}

// The threads' replicas and tools, and one batch run over them: each thread makes its shard's
// examples and runs them forward and back; the gradients are summed in a fixed order.
class BatchRunner {
 public:
  BatchRunner(const Network& net, const TrainConfig& cfg) : threads_(std::max(1, cfg.threads)) {
    shard_ = (cfg.batch + threads_ - 1) / threads_;
    for (int t = 0; t < threads_; ++t) replicas_.emplace_back(net, shard_);
    for (auto& r : replicas_) shards_.push_back(&r);
    tools_.assign(size_t(threads_), ExampleTools(cfg.augment));
  }

  // Batch b of the epoch's order into grad; adds the batch's loss and hits.
  void run(Network& net, const ExampleSource& src, const std::vector<uint32_t>& order, int b, int epoch, bool settling,
           FloatBuffer& grad, double& loss_sum, long& correct) {
    const int batch = src.cfg.batch;
    auto work = [&](int t) {
      DigitReplica& r = replicas_[size_t(t)];
      const int lo = b * batch + t * shard_;
      const int n = std::min(shard_, batch - t * shard_);
      r.labels.resize(size_t(n));
      for (int i = 0; i < n; ++i) {
        DigitPixels px;
        r.labels[size_t(i)] = make_example(src, order[size_t(lo + i)], epoch, settling, tools_[size_t(t)], px);
        std::copy(px.begin(), px.end(), r.acts[0].begin() + long(i) * 784);
      }
      run_shard(net, r, n);
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads_; ++t) pool.emplace_back(work, t);
    work(0);
    for (auto& th : pool) th.join();
    gather_gradients(net, shards_, grad);
    for (auto& r : replicas_) {
      loss_sum += r.loss;
      correct += r.correct;
    }
  }

 private:
  int threads_, shard_;
  std::vector<DigitReplica> replicas_;
  std::vector<Replica*> shards_;
  std::vector<ExampleTools> tools_;
};

// The training digits in the order epoch `epoch` shows them.
void shuffle_for_epoch(std::vector<uint32_t>& order, uint64_t seed, int epoch) {
  std::iota(order.begin(), order.end(), 0u);
  Rng shuffle(seed, 1000 + uint64_t(epoch), 0);
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[size_t(shuffle.below(int(i)))]);
}

}  // namespace

double accuracy(const Network& net, const std::vector<DigitPixels>& digits, const std::vector<uint8_t>& labels) {
  InferenceSession session(net, 1);
  int correct = 0;
  for (size_t i = 0; i < digits.size(); ++i) {
    const float* p = session.run(digits[i].data(), 1);
    const int k = net.output().size();
    correct += int(std::max_element(p, p + k) - p) == labels[i];
  }
  return digits.empty() ? 0.0 : double(correct) / double(digits.size());
}

DigitSplit split_for(size_t size, const TrainConfig& cfg) {
  const size_t end = cfg.limit > 0 ? std::min(size, size_t(cfg.limit)) : size;
  const size_t val_n = std::min<size_t>(size_t(std::max(0, cfg.validation)), end / 5);
  return {end - val_n, end};
}

Result<TrainResult> train(const DigitSet& data, const TrainConfig& cfg, const Progress& progress) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  auto built = network_to_train(cfg);
  if (!built) return built.error();
  Network net = std::move(built.value());
  const auto roles = net.param_roles();
  const DigitSplit split = split_for(data.size(), cfg);
  const size_t train_n = split.train_end, val_n = split.end - split.train_end;
  if (train_n < size_t(cfg.batch)) return make_error(ErrorCode::kBadArgument, "too few training digits");
  const ValidationSet val = validation_set(data, cfg, split);
  const ExampleSource source(data, cfg, train_n);
  BatchRunner runner(net, cfg);

  FloatBuffer velocity(net.params().size(), 0.0f);
  FloatBuffer grad(net.params().size(), 0.0f);
  std::vector<uint32_t> order(train_n);
  const int batches = int(train_n / size_t(cfg.batch));
  const long total_steps = long(batches) * cfg.epochs;
  const long warmup_steps = long(batches) * std::min(cfg.warmup_epochs, cfg.epochs);
  long step = 0;
  TrainResult result;
  for (int epoch = 1; epoch <= cfg.epochs; ++epoch) {
    const auto epoch_start = Clock::now();
    // In the last settle_epochs half of the digits are shown undistorted.
    const bool settling = epoch > cfg.epochs - cfg.settle_epochs;
    shuffle_for_epoch(order, cfg.seed, epoch);
    double loss_sum = 0;
    long correct = 0, seen = 0;
    for (int b = 0; b < batches; ++b, ++step) {
      runner.run(net, source, order, b, epoch, settling, grad, loss_sum, correct);
      seen += cfg.batch;
      sgd_step(net, roles, grad, velocity, scheduled_rate(step, warmup_steps, total_steps, cfg.learning_rate),
               cfg.batch, {cfg.momentum, cfg.weight_decay});
      if (progress.batch && (b % 20 == 19 || b == batches - 1)) {
        const double el = std::chrono::duration<double>(Clock::now() - start).count();
        const double left = el / double(step + 1) * double(total_steps - step - 1);
        progress.batch(epoch, b + 1, batches, loss_sum / double(seen), double(correct) / double(seen), left);
      }
    }
    EpochReport rep;
    rep.epoch = epoch;
    rep.epochs = cfg.epochs;
    rep.loss = loss_sum / double(seen);
    rep.train_accuracy = double(correct) / double(seen);
    rep.validation_accuracy = val_n ? accuracy(net, val.digits, val.labels) : 0.0;
    rep.seconds = std::chrono::duration<double>(Clock::now() - epoch_start).count();
    const double el = std::chrono::duration<double>(Clock::now() - start).count();
    rep.seconds_left = el / epoch * (cfg.epochs - epoch);
    result.epochs.push_back(rep);
    if (progress.epoch) progress.epoch(rep);
  }
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  result.trained = std::move(net);
  return result;
}

}  // namespace scrawl
