#include "line_trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <thread>

#include "nn/ctc.h"
#include "optimizer.h"
#include "recognize/line_reader.h"

namespace scrawl {
namespace {

struct LineReplica : Replica {
  LineReplica(const Network& net, int max_n) : Replica(net, max_n) {}
  std::vector<std::vector<int>> labels;
  double loss = 0;
};

void run_shard(const Network& net, LineReplica& r, int n) {
  forward_for_training(net, r, n);
  const size_t L = trained_layers(net);
  const Shape out = net.layer(L - 1).out();
  r.loss = 0;
  for (int i = 0; i < n; ++i) {
    const float* z = r.acts[L].data() + size_t(i) * out.size();
    float* g = r.grads[L].data() + size_t(i) * out.size();
    const double loss = ctc_loss(z, out.c, out.w, r.labels[size_t(i)], g);
    if (std::isfinite(loss)) r.loss += loss;  // a line too long to fit teaches nothing (zero gradient)
  }
  backward_for_training(net, r, n);
}

}  // namespace

double line_exact_rate(const Network& net, const std::vector<WrittenLine>& lines) {
  if (lines.empty()) return 0.0;
  InferenceSession session(net, 1);
  LineNormalizer normalizer;
  std::vector<float> frame(size_t(kLineHeight) * kLineWidth);
  std::vector<CtcSymbol> path;
  const Shape out = net.output();
  size_t exact = 0;
  for (const WrittenLine& line : lines) {
    normalizer.prepare(line.image, Box{0, 0, line.image.width, line.image.height}, frame.data());
    ctc_best_path(session.run(frame.data(), 1), out.c, out.w, path);
    std::string read;
    for (const CtcSymbol& s : path) read.push_back(char('0' + s.label));
    exact += read == line.digits;
  }
  return double(exact) / double(lines.size());
}

namespace {

Result<Network> line_network(const std::vector<WrittenLine>& lines, const DigitSet* mnist, const LineTrainConfig& cfg) {
  auto built = cfg.start ? Result<Network>(*cfg.start)
                         : Network::from_spec(cfg.architecture, Shape{1, kLineHeight, kLineWidth});
  if (!built) return built.error();
  if (built->input() != Shape{1, kLineHeight, kLineWidth})
    return make_error(ErrorCode::kBadArgument, "the model to start from does not read the line model's frame");
  const Shape out = built->output();
  if (out.c != kLineClasses || out.h != 1 || out.w < 8)
    return make_error(ErrorCode::kBadArgument,
                      "a line model must end in " + std::to_string(kLineClasses) +
                          " scores per column, for at least 8 columns (colmean, then conv 11 1)");
  if (lines.empty() && !mnist) return make_error(ErrorCode::kBadArgument, "no lines and no MNIST digits to learn from");
  return built;
}

// One replica and one example maker per thread; each makes and learns from its shard of a batch.
struct LineWorkers {
  int shard = 0;
  std::vector<LineReplica> replicas;
  std::vector<Replica*> shards;
  std::vector<std::unique_ptr<LineExampleMaker>> makers;
};

void start_workers(const Network& net, const std::vector<WrittenLine>& lines, const DigitSet* mnist,
                   const std::vector<real::PenSample>* pen_writers, const LineTrainConfig& cfg, LineWorkers& w) {
  const int threads = std::max(1, cfg.threads);
  w.shard = (cfg.batch + threads - 1) / threads;
  for (int t = 0; t < threads; ++t) w.replicas.emplace_back(net, w.shard);
  for (auto& r : w.replicas) w.shards.push_back(&r);
  for (int t = 0; t < threads; ++t) {
    w.makers.push_back(std::make_unique<LineExampleMaker>(lines, mnist, cfg.shares));
    if (pen_writers) w.makers.back()->use_pen_writers(*pen_writers);
  }
}

// Batch b of an epoch, made and run on every thread: the gradients in `grad`, each shard's loss
// added to loss_sum.
void run_batch(Network& net, const LineTrainConfig& cfg, int epoch, int b, LineWorkers& w, FloatBuffer& grad,
               double& loss_sum) {
  const size_t frame = size_t(kLineHeight) * kLineWidth;
  const int shard = w.shard;
  auto work = [&](int t) {
    LineReplica& r = w.replicas[size_t(t)];
    const int n = std::min(shard, cfg.batch - t * shard);
    r.labels.resize(size_t(n));
    for (int i = 0; i < n; ++i) {
      Rng rng(cfg.seed, uint64_t(epoch) * 1000003u + uint64_t(b), uint64_t(t * shard + i));
      w.makers[size_t(t)]->make(rng, r.acts[0].data() + size_t(i) * frame, r.labels[size_t(i)]);
    }
    run_shard(net, r, n);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < int(w.replicas.size()); ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& th : pool) th.join();

  gather_gradients(net, w.shards, grad);
  for (auto& r : w.replicas) loss_sum += r.loss;
}

// The batch's mean gradient scaled down to at most clip_norm.
void clip_gradient(FloatBuffer& grad, int batch, float clip_norm) {
  double norm = 0;
  for (float g : grad) norm += double(g) * g;
  norm = std::sqrt(norm) / batch;
  if (norm > clip_norm) {
    const float scale = float(clip_norm / norm);
    for (float& g : grad) g *= scale;
  }
}

}  // namespace

Result<LineTrainResult> train_lines(const std::vector<WrittenLine>& lines, const DigitSet* mnist,
                                    const std::vector<real::PenSample>* pen_writers,
                                    const std::vector<WrittenLine>& validation, const LineTrainConfig& cfg,
                                    const std::function<void(const LineEpochReport&)>& on_epoch,
                                    const std::function<void(int, int, int, double)>& on_batch) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  auto built = line_network(lines, mnist, cfg);
  if (!built) return built.error();
  Network net = std::move(built.value());
  if (!cfg.start) net.init_params(cfg.seed);
  const auto roles = net.param_roles();
  LineWorkers workers;
  start_workers(net, lines, mnist, pen_writers, cfg, workers);

  FloatBuffer velocity(net.params().size(), 0.0f), grad(net.params().size(), 0.0f);
  const int batches = std::max(1, cfg.examples_per_epoch / cfg.batch);
  const long total_steps = long(batches) * cfg.epochs;
  const long warmup_steps = long(batches) * std::min(cfg.warmup_epochs, cfg.epochs);
  long step = 0;
  LineTrainResult result;
  for (int epoch = 1; epoch <= cfg.epochs; ++epoch) {
    const auto epoch_start = Clock::now();
    double loss_sum = 0;
    long seen = 0;
    for (int b = 0; b < batches; ++b, ++step) {
      run_batch(net, cfg, epoch, b, workers, grad, loss_sum);
      seen += cfg.batch;
      clip_gradient(grad, cfg.batch, cfg.clip_norm);
      sgd_step(net, roles, grad, velocity, scheduled_rate(step, warmup_steps, total_steps, cfg.learning_rate),
               cfg.batch, {cfg.momentum, cfg.weight_decay});
      if (on_batch && (b % 50 == 49 || b == batches - 1)) on_batch(epoch, b + 1, batches, loss_sum / double(seen));
    }
    LineEpochReport rep;
    rep.epoch = epoch;
    rep.epochs = cfg.epochs;
    rep.loss = loss_sum / double(seen);
    rep.validation_exact = line_exact_rate(net, validation);
    rep.seconds = std::chrono::duration<double>(Clock::now() - epoch_start).count();
    const double el = std::chrono::duration<double>(Clock::now() - start).count();
    rep.seconds_left = el / epoch * (cfg.epochs - epoch);
    result.epochs.push_back(rep);
    if (on_epoch) on_epoch(rep);
  }
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  result.trained = std::move(net);
  return result;
}

}  // namespace scrawl
