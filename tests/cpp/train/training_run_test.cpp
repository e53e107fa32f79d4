// A training run kept in a weights file's metadata reads back exactly, through the file's bytes.
#include <gtest/gtest.h>

#include "nn/weights_file.h"
#include "train/training_run.h"

namespace scrawl {
namespace {

// Every setting away from its default, the floats among them ones that decimal text rounds.
TrainingRun unusual_run() {
  TrainingRun run;
  TrainConfig& c = run.config;
  c.task = TrainTask::kOneDigit;
  c.architecture = "conv 4 3; relu; gap; dense 2; softmax";
  c.epochs = 7;
  c.seed = 18446744073709551557ull;
  c.batch = 48;
  c.learning_rate = 0.1f / 3;
  c.weight_decay = 3e-5f;
  c.momentum = 0.85f;
  c.warmup_epochs = 2;
  c.validation = 1234;
  c.threads = 5;
  c.limit = 9999;
  AugmentOptions::parse("elastic,blur,crossed", c.augment);
  c.augment.strength = 0.7f;
  c.settle_epochs = 3;
  c.cutout_pages = 321;
  c.cutout_share = 0.3f;
  c.not_a_digit_share = 0.2f;
  run.mnist_digits = 60000;
  run.real_writers = "../shared/data/real";
  run.shape_scenes = 600;
  run.started_from = "weights/with space=and equals.bin";
  return run;
}

void expect_same(const TrainingRun& a, const TrainingRun& b) {
  const TrainConfig &x = a.config, &y = b.config;
  EXPECT_EQ(x.task, y.task);
  EXPECT_EQ(x.architecture, y.architecture);
  EXPECT_EQ(x.epochs, y.epochs);
  EXPECT_EQ(x.seed, y.seed);
  EXPECT_EQ(x.batch, y.batch);
  EXPECT_EQ(x.learning_rate, y.learning_rate);
  EXPECT_EQ(x.weight_decay, y.weight_decay);
  EXPECT_EQ(x.momentum, y.momentum);
  EXPECT_EQ(x.warmup_epochs, y.warmup_epochs);
  EXPECT_EQ(x.validation, y.validation);
  EXPECT_EQ(x.threads, y.threads);
  EXPECT_EQ(x.limit, y.limit);
  EXPECT_EQ(x.augment.list(), y.augment.list());
  EXPECT_EQ(x.augment.strength, y.augment.strength);
  EXPECT_EQ(x.settle_epochs, y.settle_epochs);
  EXPECT_EQ(x.cutout_pages, y.cutout_pages);
  EXPECT_EQ(x.cutout_share, y.cutout_share);
  EXPECT_EQ(x.not_a_digit_share, y.not_a_digit_share);
  EXPECT_EQ(a.mnist_digits, b.mnist_digits);
  EXPECT_EQ(a.real_writers, b.real_writers);
  EXPECT_EQ(a.shape_scenes, b.shape_scenes);
  EXPECT_EQ(a.started_from, b.started_from);
}

Model model_recording(const TrainingRun& run) {
  auto net = Network::from_spec("conv 4 3; relu; gap; dense 10; softmax", {1, 8, 8});
  EXPECT_TRUE(net.ok());
  Model model{std::move(net.value()), {}};
  record_training_run(run, model.metadata);
  model.metadata["trained_with"] = "build/native/scrawl train --epochs 1";
  return model;
}

TEST(TrainingRun, RoundTripsThroughAWeightsFile) {
  for (const TrainingRun& run : {unusual_run(), TrainingRun{}}) {
    auto parsed = parse_model(serialize_model(model_recording(run)));
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    ASSERT_TRUE(records_training_run(parsed->metadata));
    auto back = read_training_run(parsed->metadata);
    ASSERT_TRUE(back.ok()) << back.error().message;
    expect_same(run, *back);
  }
}

TEST(TrainingRun, AllAugmentationsAndNoneReadBack) {
  for (const char* list : {"all", "none", "affine"}) {
    TrainingRun run;
    ASSERT_TRUE(AugmentOptions::parse(list, run.config.augment));
    Metadata meta;
    record_training_run(run, meta);
    EXPECT_EQ(meta.at("train.augment"), list);
    auto back = read_training_run(meta);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(back->config.augment.list(), list);
  }
}

TEST(TrainingRun, WeightsWithOnlyTheCommandRecordNoRun) {
  Metadata meta = {{"trained_with", "build/native/scrawl train --epochs 3"}, {"validation_accuracy", "0.99"}};
  EXPECT_FALSE(records_training_run(meta));
}

TEST(TrainingRun, AMissingOrUnreadableKeyIsNamed) {
  Metadata meta;
  record_training_run(unusual_run(), meta);
  Metadata missing = meta;
  missing.erase("train.momentum");
  auto a = read_training_run(missing);
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.error().message.find("train.momentum is missing"), std::string::npos) << a.error().message;

  Metadata bad = meta;
  bad["train.epochs"] = "7 epochs";
  auto b = read_training_run(bad);
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.error().message.find("train.epochs is not a number"), std::string::npos) << b.error().message;
}

}  // namespace
}  // namespace scrawl
