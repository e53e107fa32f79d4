#include "training_run.h"

#include <charconv>
#include <system_error>

namespace scrawl {
namespace {

// The shortest text that reads back to the same value (to_chars), so a float survives exactly.
template <class T>
std::string text_of(T value) {
  char buf[64];
  const auto end = std::to_chars(buf, buf + sizeof buf, value).ptr;
  return std::string(buf, end);
}

const char* task_name(TrainTask task) { return task == TrainTask::kOneDigit ? "one-digit" : "digits"; }

// Reads the keys one by one; the first that is missing or does not read is the error.
class MetadataReader {
 public:
  explicit MetadataReader(const Metadata& metadata) : metadata_(metadata) {}

  template <class T>
  void number(const char* key, T& out) {
    const std::string* text = find(key);
    if (!text) return;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), out);
    if (ec != std::errc() || end != text->data() + text->size()) fail(key, "is not a number: '" + *text + "'");
  }
  void text(const char* key, std::string& out) {
    if (const std::string* text = find(key)) out = *text;
  }
  void task(const char* key, TrainTask& out) {
    const std::string* text = find(key);
    if (!text) return;
    if (*text == task_name(TrainTask::kDigits)) out = TrainTask::kDigits;
    else if (*text == task_name(TrainTask::kOneDigit)) out = TrainTask::kOneDigit;
    else fail(key, "names no task: '" + *text + "'");
  }
  void augment(const char* key, AugmentOptions& out) {
    const std::string* text = find(key);
    if (text && !AugmentOptions::parse(*text, out)) fail(key, "is no list of distortions: '" + *text + "'");
  }
  const std::string& problem() const { return problem_; }

 private:
  const std::string* find(const char* key) {
    if (!problem_.empty()) return nullptr;
    const auto it = metadata_.find(key);
    if (it == metadata_.end()) fail(key, "is missing");
    return it == metadata_.end() ? nullptr : &it->second;
  }
  void fail(const char* key, const std::string& why) {
    if (problem_.empty()) problem_ = std::string("the weights file's training record: ") + key + " " + why;
  }

  const Metadata& metadata_;
  std::string problem_;
};

}  // namespace

void record_training_run(const TrainingRun& run, Metadata& metadata) {
  const TrainConfig& c = run.config;
  metadata["train.task"] = task_name(c.task);
  metadata["train.architecture"] = c.architecture;
  metadata["train.epochs"] = text_of(c.epochs);
  metadata["train.seed"] = text_of(c.seed);
  metadata["train.batch"] = text_of(c.batch);
  metadata["train.learning_rate"] = text_of(c.learning_rate);
  metadata["train.weight_decay"] = text_of(c.weight_decay);
  metadata["train.momentum"] = text_of(c.momentum);
  metadata["train.warmup_epochs"] = text_of(c.warmup_epochs);
  metadata["train.validation"] = text_of(c.validation);
  metadata["train.threads"] = text_of(c.threads);
  metadata["train.limit"] = text_of(c.limit);
  metadata["train.augment"] = c.augment.list();
  metadata["train.augment_strength"] = text_of(c.augment.strength);
  metadata["train.settle_epochs"] = text_of(c.settle_epochs);
  metadata["train.cutout_pages"] = text_of(c.cutout_pages);
  metadata["train.cutout_share"] = text_of(c.cutout_share);
  metadata["train.not_a_digit_share"] = text_of(c.not_a_digit_share);
  metadata["data.mnist_digits"] = text_of(run.mnist_digits);
  metadata["data.real_writers"] = run.real_writers;
  metadata["data.shape_scenes"] = text_of(run.shape_scenes);
  metadata["data.started_from"] = run.started_from;
}

bool records_training_run(const Metadata& metadata) { return metadata.count("train.task") > 0; }

Result<TrainingRun> read_training_run(const Metadata& metadata) {
  TrainingRun run;
  TrainConfig& c = run.config;
  MetadataReader r(metadata);
  r.task("train.task", c.task);
  r.text("train.architecture", c.architecture);
  r.number("train.epochs", c.epochs);
  r.number("train.seed", c.seed);
  r.number("train.batch", c.batch);
  r.number("train.learning_rate", c.learning_rate);
  r.number("train.weight_decay", c.weight_decay);
  r.number("train.momentum", c.momentum);
  r.number("train.warmup_epochs", c.warmup_epochs);
  r.number("train.validation", c.validation);
  r.number("train.threads", c.threads);
  r.number("train.limit", c.limit);
  // The list first: parse() keeps the strength it finds.
  r.augment("train.augment", c.augment);
  r.number("train.augment_strength", c.augment.strength);
  r.number("train.settle_epochs", c.settle_epochs);
  r.number("train.cutout_pages", c.cutout_pages);
  r.number("train.cutout_share", c.cutout_share);
  r.number("train.not_a_digit_share", c.not_a_digit_share);
  r.number("data.mnist_digits", run.mnist_digits);
  r.text("data.real_writers", run.real_writers);
  r.number("data.shape_scenes", run.shape_scenes);
  r.text("data.started_from", run.started_from);
  if (!r.problem().empty()) return make_error(ErrorCode::kBadWeights, r.problem());
  return run;
}

}  // namespace scrawl
