// Short training runs: the real trainer on a slice of MNIST (or synthetic strokes when MNIST
// is absent). A full model is never trained here.
#include <gtest/gtest.h>

#include "test_data.h"
#include "train/trainer.h"

namespace scrawl {
namespace {

constexpr const char* kTiny = "conv 8 3; bn; relu; maxpool 2; conv 16 3; bn; relu; maxpool 2; gap; dense 10; softmax";

TrainConfig tiny_config() {
  TrainConfig c;
  c.architecture = kTiny;
  c.epochs = 3;
  c.batch = 32;
  c.limit = 3200;
  c.validation = 640;
  c.learning_rate = 0.1f;
  AugmentOptions::parse("none", c.augment);
  return c;
}

TEST(Train, LossGoesDownAndASeedReproduces) {
  SCRAWL_REQUIRE_MNIST();
  // The test split stands in for training data here: any labelled digits will do.
  TrainConfig cfg = tiny_config();
  auto a = train(*mnist, cfg, {});
  ASSERT_TRUE(a.ok()) << a.error().message;
  ASSERT_EQ(a->epochs.size(), 3u);
  EXPECT_LT(a->epochs[2].loss, a->epochs[0].loss);
  EXPECT_LT(a->epochs[2].loss, 1.5);  // chance is ln 10 = 2.30
  EXPECT_GT(a->epochs[2].validation_accuracy, 0.6);

  auto b = train(*mnist, cfg, {});
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a->trained.params(), b->trained.params());

  cfg.seed = 2;
  auto c = train(*mnist, cfg, {});
  ASSERT_TRUE(c.ok());
  EXPECT_NE(a->trained.params(), c->trained.params());
}

TEST(Train, EveryAugmentationCanBeSwitchedOff) {
  AugmentOptions o;
  ASSERT_TRUE(AugmentOptions::parse("affine,noise", o));
  EXPECT_TRUE(o.affine && o.noise);
  EXPECT_FALSE(o.elastic || o.thickness || o.blur || o.polarity);
  EXPECT_EQ(o.describe(), "affine,noise");
  ASSERT_TRUE(AugmentOptions::parse("none", o));
  EXPECT_FALSE(o.any());
  EXPECT_FALSE(AugmentOptions::parse("sparkles", o));

  // With everything off the rendered digit is the MNIST digit on a larger canvas, unchanged.
  Augmenter aug(o);
  uint8_t digit[784] = {};
  for (int y = 8; y < 20; ++y) digit[y * 28 + 14] = 255;
  Rng rng(1);
  GrayImage out;
  aug.render(digit, rng, out);
  ASSERT_EQ(out.width, Augmenter::kCanvas);
  int ink = 0;
  for (uint8_t v : out.pixels) ink += v == 255;
  EXPECT_EQ(ink, 12);
}

}  // namespace
}  // namespace scrawl
