// Fine-tunes the digit model on one person's own digits, on their device: a batch at a time, so
// that the page can show progress and stop between batches. Half of every batch is the
// rehearsal set (digits drawn by code, drawn_digits.h) and every step pulls the weights back
// toward the shipped ones, so that the model learns this hand without forgetting the others.
// The rehearsal digits are learnt by distillation: the new model is taught to give the old
// one's probabilities on them, which holds its answers in place even where both are right.
// By default only the last convolution and the classifier learn: the layers before it are run
// once per example and their output kept, which makes teaching take seconds, not minutes.
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "core/digit_pixels.h"
#include "core/status.h"
#include "drawn_digits.h"
#include "nn/network.h"
#include "train/optimizer.h"

namespace scrawl::learn {

struct Sample {
  DigitPixels pixels;  // the 28×28 input the reader made of it
  uint8_t label = 0;
};

struct TeachOptions {
  bool all_layers = false;         // every layer learns (slower; more change on a very unusual hand)
  int copies = 6;                  // moved copies of each sample learnt beside it (digit_jitter.h)
  int steps = 0;                   // batches; 0: enough for the number of samples
  int batch = 32;                  // half the person's digits, half the rehearsal set
  float learning_rate = 0.05f;     // peak; a tenth of it when all layers learn
  float rehearsal_weight = 10.0f;  // of the rehearsal half of the loss beside the person's half: chosen so that
                                   // MNIST test accuracy drops by at most 0.2 points for the synthetic writers
  float keep_near = 0.01f;         // how hard the weights are pulled back toward the start
  uint64_t seed = 1;
};

class PersonalTrainer {
 public:
  // start: the model to teach, as the reader runs it (batch-norm folded).
  static Result<std::unique_ptr<PersonalTrainer>> create(const Network& start, std::span<const Sample> own,
                                                         const DrawnDigits& rehearsal, const TeachOptions& options);
  int steps() const { return steps_; }
  int done() const { return done_; }
  bool finished() const { return done_ >= steps_; }
  // One batch; does nothing once finished.
  void step();
  // The loss of the last batch.
  double loss() const { return loss_; }
  // The whole model as it stands now.
  Network model() const;

 private:
  PersonalTrainer() = default;
  void cache_features(std::span<const Sample> own, const DrawnDigits& rehearsal);
  void remember_teacher();

  TeachOptions opt_;
  size_t first_taught_ = 0;  // layers before this one are fixed
  Network start_, front_, back_;
  FloatBuffer back_start_, velocity_, grad_;
  std::vector<ParamRole> roles_;
  size_t feature_size_ = 0;
  // The person's examples (each sample and its copies) and the rehearsal set, as the fixed
  // layers leave them.
  FloatBuffer own_features_, rehearsal_features_;
  std::vector<uint8_t> own_labels_, rehearsal_labels_;
  // The start model's answers on the rehearsal set (softened, kTemperature): the rehearsal
  // digits teach the new model to answer as the old one did, not only to get them right.
  std::vector<float> rehearsal_teacher_;
  std::vector<uint32_t> own_order_;
  size_t own_next_ = 0;
  std::unique_ptr<Replica> replica_;
  std::vector<uint8_t> batch_labels_;
  std::vector<size_t> rehearsal_picks_;
  int steps_ = 0, done_ = 0;
  double loss_ = 0;
};

// The digit each input is read as.
std::vector<uint8_t> predict(const Network& model, std::span<const DigitPixels> inputs);

}  // namespace scrawl::learn
