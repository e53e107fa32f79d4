#include "trainer.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <numeric>
#include <thread>

#include "not_a_digit.h"
#include "optimizer.h"
#include "single_digit.h"
#include "not_one_digit.h"

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
  // Softmax cross-entropy on the logits.
  const size_t L = trained_layers(net);
  const int k = net.layer(L - 1).out().size();
  float* logits = r.acts[L].data();
  float* g = r.grads[L].data();
  r.loss = 0;
  r.correct = 0;
  for (int i = 0; i < n; ++i) {
    const float* z = logits + size_t(i) * k;
    const float m = *std::max_element(z, z + k);
    double s = 0;
    for (int j = 0; j < k; ++j) s += std::exp(double(z[j] - m));
    const int label = r.labels[size_t(i)];
    r.loss += std::log(s) - double(z[label] - m);
    r.correct += int(std::max_element(z, z + k) - z) == label;
    for (int j = 0; j < k; ++j) g[size_t(i) * k + j] = float(std::exp(double(z[j] - m)) / s) - (j == label ? 1.0f : 0.0f);
  }
  backward_for_training(net, r, n);
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
  auto built = cfg.start ? Result<Network>(*cfg.start) : Network::from_spec(cfg.architecture, Shape{1, kDigitSide, kDigitSide});
  if (!built) return built.error();
  Network net = std::move(built.value());
  if (net.input() != Shape{1, kDigitSide, kDigitSide})
    return make_error(ErrorCode::kBadArgument, "the model to start from does not read 28x28 digits");
  const int classes = cfg.task == TrainTask::kOneDigit ? 2 : 10;
  if (net.output().size() != classes)
    return make_error(ErrorCode::kBadArgument, "the architecture must end in " + std::to_string(classes) +
                                                   " outputs for this task (dense " + std::to_string(classes) + ")");
  if (!cfg.start) net.init_params(cfg.seed);
  const auto roles = net.param_roles();

  const DigitSplit split = split_for(data.size(), cfg);
  const size_t total = split.end, train_n = split.train_end, val_n = total - train_n;
  if (train_n < size_t(cfg.batch)) return make_error(ErrorCode::kBadArgument, "too few training digits");

  // Validation digits: held out, prepared once, never augmented. For the one-digit task every
  // other one is made into a pair or a piece, with partners from the validation digits only.
  std::vector<DigitPixels> val(val_n);
  std::vector<uint8_t> val_labels(val_n);
  {
    MnistPreparer prep;
    NotOneDigitMaker maker;
    std::array<uint8_t, 784> made;
    for (size_t i = 0; i < val_n; ++i) {
      const uint8_t* source = data.image(train_n + i);
      val_labels[i] = data.labels[train_n + i];
      if (cfg.task == TrainTask::kOneDigit) {
        val_labels[i] = uint8_t(i % 2);
        Rng rng(cfg.seed, 0x7a1, i);
        if (val_labels[i]) maker.make(data, train_n + i, train_n, total, rng, made.data()), source = made.data();
      }
      prep.prepare(source, val[i]);
    }
  }
  if (cfg.task == TrainTask::kOneDigit && cfg.validation_cutouts) {
    val.insert(val.end(), cfg.validation_cutouts->pixels.begin(), cfg.validation_cutouts->pixels.end());
    val_labels.insert(val_labels.end(), cfg.validation_cutouts->labels.begin(), cfg.validation_cutouts->labels.end());
  }
  // The page cut-outs of each class, to draw from evenly.
  std::array<std::vector<uint32_t>, 2> cutouts_of;
  if (cfg.cutouts)
    for (size_t i = 0; i < cfg.cutouts->labels.size(); ++i) cutouts_of[cfg.cutouts->labels[i] ? 1 : 0].push_back(uint32_t(i));
  const bool use_cutouts = cfg.cutout_share > 0 && !cutouts_of[0].empty() &&
                           (cfg.task == TrainTask::kDigits || !cutouts_of[1].empty());

  const int threads = std::max(1, cfg.threads);
  const int shard = (cfg.batch + threads - 1) / threads;
  std::vector<DigitReplica> replicas;
  for (int t = 0; t < threads; ++t) replicas.emplace_back(net, shard);
  std::vector<Replica*> shards;
  for (auto& r : replicas) shards.push_back(&r);
  std::vector<Augmenter> augmenters(size_t(threads), Augmenter(cfg.augment));
  std::vector<MnistPreparer> preparers(static_cast<size_t>(threads));
  std::vector<SingleDigitPreprocessor> pres(static_cast<size_t>(threads));
  std::vector<NotOneDigitMaker> makers(static_cast<size_t>(threads));
  std::vector<std::array<uint8_t, 784>> made(static_cast<size_t>(threads)), broken(static_cast<size_t>(threads));

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
    const bool settling = epoch > cfg.epochs - cfg.settle_epochs;
    std::iota(order.begin(), order.end(), 0u);
    Rng shuffle(cfg.seed, 1000 + uint64_t(epoch), 0);
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[size_t(shuffle.below(int(i)))]);

    double loss_sum = 0;
    long correct = 0, seen = 0;
    for (int b = 0; b < batches; ++b, ++step) {
      auto work = [&](int t) {
        DigitReplica& r = replicas[size_t(t)];
        const int lo = b * cfg.batch + t * shard;
        const int n = std::min(shard, cfg.batch - t * shard);
        r.labels.resize(size_t(n));
        GrayImage canvas;
        for (int i = 0; i < n; ++i) {
          const uint32_t idx = order[size_t(lo + i)];
          Rng rng(cfg.seed, uint64_t(epoch), idx);
          const uint8_t* source = data.image(idx);
          uint8_t label = data.labels[idx];
          bool from_cutout = false;
          if (cfg.task == TrainTask::kOneDigit) {
            label = rng.chance(0.5f) ? 1 : 0;
            from_cutout = use_cutouts && rng.chance(cfg.cutout_share);
            if (label && !from_cutout) {
              if (rng.chance(cfg.not_a_digit_share)) draw_not_a_digit(rng, made[size_t(t)].data());
              else makers[size_t(t)].make(data, idx, 0, train_n, rng, made[size_t(t)].data());
              source = made[size_t(t)].data();
            }
          } else {
            from_cutout = use_cutouts && rng.chance(cfg.cutout_share);
          }
          DigitPixels px;
          if (from_cutout) {
            const auto& pool = cutouts_of[cfg.task == TrainTask::kOneDigit ? label : 0];
            const uint32_t pick = pool[size_t(rng.below(int(pool.size())))];
            px = cfg.cutouts->pixels[pick];
            if (cfg.task == TrainTask::kDigits) label = cfg.cutouts->digits[pick];
          } else if (cfg.augment.any() && !(settling && rng.chance(0.5f))) {
            if (cfg.task == TrainTask::kDigits && cfg.augment.neighbour && rng.chance(0.1f))
              makers[size_t(t)].with_neighbour_sliver(data, idx, 0, train_n, rng, made[size_t(t)].data()), source = made[size_t(t)].data();
            if (cfg.task == TrainTask::kDigits && cfg.augment.broken && rng.chance(0.1f))
              break_strokes(source, rng, broken[size_t(t)].data()), source = broken[size_t(t)].data();
            const bool whole_zero = data.labels[idx] == 0 && (cfg.task == TrainTask::kDigits || label == 0);
            augmenters[size_t(t)].render(source, rng, canvas, whole_zero);
            auto prepared = pres[size_t(t)].run(canvas);
            if (prepared) px = prepared->pixels;
            else preparers[size_t(t)].prepare(source, px);
          } else {
            preparers[size_t(t)].prepare(source, px);
          }
          std::copy(px.begin(), px.end(), r.acts[0].begin() + long(i) * 784);
          r.labels[size_t(i)] = label;
        }
        run_shard(net, r, n);
      };
      std::vector<std::thread> pool;
      for (int t = 1; t < threads; ++t) pool.emplace_back(work, t);
      work(0);
      for (auto& th : pool) th.join();

      gather_gradients(net, shards, grad);
      for (auto& r : replicas) {
        loss_sum += r.loss;
        correct += r.correct;
      }
      seen += cfg.batch;
      sgd_step(net, roles, grad, velocity, scheduled_rate(step, warmup_steps, total_steps, cfg.learning_rate), cfg.batch,
               {cfg.momentum, cfg.weight_decay});

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
    rep.validation_accuracy = val_n ? accuracy(net, val, val_labels) : 0.0;
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
