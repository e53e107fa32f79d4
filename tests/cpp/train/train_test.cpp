// Short training runs: the real trainer on a slice of MNIST (or synthetic strokes when MNIST
// is absent). A full model is never trained here.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "support/test_data.h"
#include "train/not_one_digit.h"
#include "train/page_cutouts.h"
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

TEST(Train, FineTuningStartsFromTheGivenModelAndKeepsItsArchitecture) {
  SCRAWL_REQUIRE_MNIST();
  TrainConfig cfg = tiny_config();
  auto first = train(*mnist, cfg, {});
  ASSERT_TRUE(first.ok()) << first.error().message;
  auto folded = fold_batchnorm(first->trained);
  ASSERT_TRUE(folded.ok());

  // One more epoch from the folded model: it starts where the first run ended, so its first
  // epoch is already far better than a fresh start's, and nothing of its shape changes.
  TrainConfig tune = tiny_config();
  tune.epochs = 1;
  tune.learning_rate = 0.01f;
  tune.start = &folded.value();
  auto tuned = train(*mnist, tune, {});
  ASSERT_TRUE(tuned.ok()) << tuned.error().message;
  EXPECT_EQ(tuned->trained.spec(), folded->spec());
  EXPECT_NE(tuned->trained.params(), folded->params()) << "it learnt something";
  EXPECT_LT(tuned->epochs[0].loss, 0.8 * first->epochs[0].loss);
  EXPECT_GE(tuned->epochs[0].validation_accuracy, first->epochs.back().validation_accuracy - 0.05);

  Network reads_other_sizes = std::move(Network::from_spec("dense 10; softmax", Shape{1, 8, 8}).value());
  tune.start = &reads_other_sizes;
  auto refused = train(*mnist, tune, {});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("28x28"), std::string::npos) << refused.error().message;
}

TEST(Train, TheOneDigitCheckLearnsPairsAndPiecesFromWholeDigits) {
  SCRAWL_REQUIRE_MNIST();
  TrainConfig cfg = tiny_config();
  cfg.task = TrainTask::kOneDigit;
  auto wrong = train(*mnist, cfg, {});
  ASSERT_FALSE(wrong.ok()) << "a 10-class network is refused for a 2-class task";
  EXPECT_NE(wrong.error().message.find("dense 2"), std::string::npos) << wrong.error().message;

  cfg.architecture = "conv 8 3; bn; relu; maxpool 2; conv 16 3; bn; relu; maxpool 2; gap; dense 2; softmax";
  auto r = train(*mnist, cfg, {});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_LT(r->epochs.back().loss, r->epochs.front().loss);
  EXPECT_GT(r->epochs.back().validation_accuracy, 0.7);  // half are pairs or pieces: chance is 0.5
}

TEST(PageCutouts, LabelWholeDigitsApartFromPairsAndPieces) {
  EXPECT_EQ(label_cutout(0.95f, 0.0f), 0);   // one whole digit
  EXPECT_EQ(label_cutout(0.9f, 0.08f), 0);   // with a sliver of its neighbour
  EXPECT_EQ(label_cutout(0.9f, 0.5f), 1);    // two digits
  EXPECT_EQ(label_cutout(0.4f, 0.0f), 1);    // a piece of one
  EXPECT_EQ(label_cutout(0.0f, 0.0f), 1);    // no digit's ink: a speck, a rule, an edge
  EXPECT_EQ(label_cutout(0.75f, 0.0f), -1);  // most of one: left out
  EXPECT_EQ(label_cutout(0.9f, 0.2f), -1);   // a digit with a larger part of another: left out
}

TEST(PageCutouts, AreTheReadersOwnCandidatesReproducibly) {
  SCRAWL_REQUIRE_MNIST();
  const DigitSet digits = slice(*mnist, 0, 2000);
  LabelledCutouts one_thread, two_threads;
  cut_pages(digits, 8, 3, 1, one_thread);
  cut_pages(digits, 8, 3, 2, two_threads);
  ASSERT_EQ(one_thread.labels, two_threads.labels);
  ASSERT_EQ(one_thread.pixels, two_threads.pixels);
  // 8 pages of 3 to 10 digits: each digit is a candidate on its own at least once, and the
  // splitter also weighs pairs and pieces.
  EXPECT_GE(one_thread.count(0), 24u);
  EXPECT_GE(one_thread.count(1), 10u);
  for (const DigitPixels& px : one_thread.pixels) EXPECT_GT(*std::max_element(px.begin(), px.end()), 0.5f);
}

TEST(Train, TheDigitModelLearnsFromPageCutoutsAndTheirWrittenDigits) {
  SCRAWL_REQUIRE_MNIST();
  // Only cut-outs (share 1): the model can only tell digits apart if each whole-digit cut-out
  // carries the digit that was written there.
  LabelledCutouts cutouts;
  cut_pages(slice(*mnist, 0, 2560), 60, 4, 2, cutouts);
  ASSERT_EQ(cutouts.digits.size(), cutouts.labels.size());
  for (size_t i = 0; i < cutouts.labels.size(); ++i) EXPECT_EQ(cutouts.digits[i] <= 9, cutouts.labels[i] == 0);
  TrainConfig cfg = tiny_config();
  cfg.cutouts = &cutouts;
  cfg.cutout_share = 1.0f;
  auto r = train(*mnist, cfg, {});
  ASSERT_TRUE(r.ok()) << r.error().message;
  // Chance is 0.1; 60 pages make about 700 whole-digit cut-outs, so far from what MNIST gives.
  EXPECT_GT(r->epochs.back().validation_accuracy, 0.3) << "MNIST digits the model never saw as such";
}

// Ink columns of a 28×28 MNIST-form image.
std::vector<int> ink_columns(const uint8_t* d) {
  std::vector<int> cols;
  for (int x = 0; x < 28; ++x)
    for (int y = 0; y < 28; ++y)
      if (d[y * 28 + x] > 25) {
        cols.push_back(x);
        break;
      }
  return cols;
}

TEST(NotOneDigitMaker, MakesPairsAndPiecesInMnistForm) {
  // Two "digits": a bar (a 1) and a box outline (a 0), 20 pixels tall as in MNIST.
  DigitSet set;
  set.images.assign(2 * 784, 0);
  set.labels = {1, 0};
  for (int y = 4; y < 24; ++y) set.images[size_t(y * 28 + 13)] = set.images[size_t(y * 28 + 14)] = 255;
  uint8_t* box = set.images.data() + 784;
  for (int y = 4; y < 24; ++y)
    for (int x = 7; x < 21; ++x)
      if (y < 6 || y > 21 || x < 9 || x > 18) box[y * 28 + x] = 255;

  NotOneDigitMaker maker;
  uint8_t out[784];
  int wide = 0, narrower = 0;
  for (int k = 0; k < 200; ++k) {
    Rng rng(7, 0, uint64_t(k));
    maker.make(set, size_t(k % 2), 0, 2, rng, out);
    const auto cols = ink_columns(out);
    ASSERT_FALSE(cols.empty()) << "example " << k << " has ink";
    // Fitted into the middle 20×20, like MNIST's digits.
    EXPECT_GE(cols.front(), 3);
    EXPECT_LE(cols.back(), 24);
    int rows = 0;
    for (int y = 0; y < 28; ++y) rows += std::any_of(out + y * 28, out + y * 28 + 28, [](uint8_t v) { return v > 25; });
    EXPECT_LE(rows, 21);
    // A pair with the box in it is wider than the box alone (14 of 20); a piece of the box
    // is narrower.
    if (cols.size() > 15) ++wide;
    if (k % 2 == 1 && cols.size() * 20 < size_t(rows) * 12) ++narrower;
  }
  EXPECT_GT(wide, 40) << "pairs of side-by-side digits";  // about 70 expected
  EXPECT_GT(narrower, 10) << "pieces of the box";

  // A whole digit with a sliver of its neighbour: the box (14 wide) and at most a quarter of
  // another box beside it, so wider than the box alone but far narrower than a pair.
  int with_sliver = 0;
  for (int k = 0; k < 50; ++k) {
    Rng rng(9, 0, uint64_t(k));
    maker.with_neighbour_sliver(set, 1, 1, 2, rng, out);
    const auto cols = ink_columns(out);
    ASSERT_FALSE(cols.empty());
    EXPECT_LE(cols.back() - cols.front() + 1, 20);
    with_sliver += cols.back() - cols.front() + 1 > 14;
  }
  EXPECT_GT(with_sliver, 25) << "most keep a sliver of the neighbour";

  // A broken digit keeps most of its ink, less a thin gap.
  Rng rb(4);
  break_strokes(box, rb, out);
  int before = 0, after = 0;
  for (int i = 0; i < 784; ++i) before += box[i] > 0, after += out[i] > 0;
  EXPECT_LT(after, before);
  EXPECT_GT(after * 10, before * 7);

  // The same random stream makes the same example.
  uint8_t again[784];
  Rng a(3), b(3);
  maker.make(set, 1, 0, 2, a, out);
  maker.make(set, 1, 0, 2, b, again);
  EXPECT_TRUE(std::equal(out, out + 784, again));
}

TEST(Train, EveryAugmentationCanBeSwitchedOff) {
  AugmentOptions o;
  ASSERT_TRUE(AugmentOptions::parse("affine,noise", o));
  EXPECT_TRUE(o.affine && o.noise);
  EXPECT_FALSE(o.elastic || o.thickness || o.blur || o.polarity || o.broken || o.neighbour);
  EXPECT_EQ(o.describe(), "affine,noise");
  ASSERT_TRUE(AugmentOptions::parse("broken,neighbour", o));
  EXPECT_TRUE(o.broken && o.neighbour && o.any());
  EXPECT_FALSE(o.affine || o.noise);
  ASSERT_TRUE(AugmentOptions::parse("all", o));
  EXPECT_EQ(o.describe(), "all");
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

TEST(Train, AQuarterOfTheZerosAreCrossedWithAStrokeReachingOutOfTheLoop) {
  AugmentOptions o;
  ASSERT_TRUE(AugmentOptions::parse("crossed", o));
  EXPECT_EQ(o.describe(), "crossed");
  // A ring 12 wide and 16 high, its stroke 2 pixels.
  uint8_t ring[784] = {};
  for (int y = 0; y < 28; ++y)
    for (int x = 0; x < 28; ++x) {
      const float dx = (x - 13.5f) / 6, dy = (y - 13.5f) / 8, r = std::sqrt(dx * dx + dy * dy);
      if (r > 0.8f && r <= 1.0f) ring[y * 28 + x] = 255;
    }
  const int ring_ink = int(std::count(ring, ring + 784, uint8_t(255)));
  Augmenter aug(o);
  const int off = (Augmenter::kCanvas - 28) / 2;
  int crossed = 0, outside = 0;
  for (int k = 0; k < 200; ++k) {
    GrayImage plain, zero;
    Rng a(5, 0, uint64_t(k)), b(5, 0, uint64_t(k));
    aug.render(ring, a, plain, false);
    aug.render(ring, b, zero, true);
    int ink_plain = 0, ink_zero = 0, beyond = 0;
    for (int y = 0; y < Augmenter::kCanvas; ++y)
      for (int x = 0; x < Augmenter::kCanvas; ++x) {
        ink_plain += plain.pixels[size_t(y) * Augmenter::kCanvas + x] > 127;
        const bool ink = zero.pixels[size_t(y) * Augmenter::kCanvas + x] > 127;
        ink_zero += ink;
        const float dx = (x - off - 13.5f) / 6, dy = (y - off - 13.5f) / 8;
        beyond += ink && std::sqrt(dx * dx + dy * dy) > 1.15f;
      }
    EXPECT_EQ(ink_plain, ring_ink) << "only a 0 is crossed";
    if (ink_zero == ink_plain) continue;
    ++crossed;
    EXPECT_GT(ink_zero, ink_plain + 8) << "a whole stroke, not a speck";
    outside += beyond > 0;
  }
  EXPECT_GT(crossed, 30);
  EXPECT_LT(crossed, 70);
  EXPECT_EQ(outside, crossed) << "every slash or bar reaches out of the loop";
}

}  // namespace
}  // namespace scrawl

namespace scrawl {
namespace {

// Some scanners' software saves a digit stretched to fill a square, others in black and
// white only: a tenth of the digits each.
TEST(Train, ATenthOfTheDigitsAreStretchedToASquareAndATenthAreBlackAndWhite) {
  AugmentOptions o;
  ASSERT_TRUE(AugmentOptions::parse("stretched,bilevel", o));
  EXPECT_EQ(o.list(), "stretched,bilevel");
  // A bar 4 wide and 20 high, in MNIST's grey: a 1.
  uint8_t bar[784] = {};
  for (int y = 4; y < 24; ++y)
    for (int x = 12; x < 16; ++x) bar[y * 28 + x] = 200;
  Augmenter aug(o);
  int square = 0, two_levels = 0;
  for (int k = 0; k < 300; ++k) {
    GrayImage out;
    Rng rng(9, 0, uint64_t(k));
    aug.render(bar, rng, out, false);
    int x0 = 99, x1 = -1, y0 = 99, y1 = -1, grey = 0, full = 0;
    for (int y = 0; y < out.height; ++y)
      for (int x = 0; x < out.width; ++x) {
        const uint8_t v = out.at(x, y);
        grey += v != 0 && v != 255 && v != 200 && v != 199;
        full += v == 255;
        if (v > 100) x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
      }
    ASSERT_GE(x1, x0);
    const int w = x1 - x0 + 1, h = y1 - y0 + 1;
    EXPECT_TRUE(w == 4 || std::abs(w - h) <= 2) << "as drawn, or filling a square: " << w << "x" << h;
    square += w > 4;
    two_levels += grey == 0 && full > 0;
  }
  EXPECT_GT(square, 15);
  EXPECT_LT(square, 50);
  EXPECT_GT(two_levels, 15);
  EXPECT_LT(two_levels, 50);
}

}  // namespace
}  // namespace scrawl
