// The line model's stages: the frame a line is prepared into, the training lines, the
// trainer, and the reader built into this build on lines drawn here.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "recognize/embedded_model.h"
#include "recognize/line_reader.h"
#include "recognize/recognizer.h"
#include "segment/line_normalizer.h"
#include "test_data.h"
#include "train/line_examples.h"
#include "train/line_trainer.h"

namespace scrawl {
namespace {

using testing::stroke;

float frame_at(const std::vector<float>& f, int x, int y) { return f[size_t(y) * kLineWidth + x]; }

TEST(LineNormalizer, InkIsOnePaperIsZeroAndTheLineFillsTheFramesHeight) {
  GrayImage img(100, 50, 220);
  stroke(img, 20, 5, 20, 45, 6, 30);  // a dark upright bar on light grey paper
  std::vector<float> frame(size_t(kLineHeight) * kLineWidth, -1.0f);
  LineNormalizer n;
  const int used = n.prepare(img, Box{0, 0, 100, 50}, frame.data());
  EXPECT_EQ(used, 64);  // 100 × 50 at a height of 32
  // The bar at x = 20 of 100 is at about 12.8 of 64; the paper around it is 0.
  EXPECT_GT(frame_at(frame, 13, 16), 0.9f);
  EXPECT_EQ(frame_at(frame, 40, 16), 0.0f);
  EXPECT_EQ(frame_at(frame, 100, 16), 0.0f);  // beyond the line: paper
}

TEST(LineNormalizer, ALongLineIsSqueezedAndAnEmptyRegionIsPaper) {
  GrayImage img(900, 30, 255);
  stroke(img, 885, 2, 885, 28, 14, 0);  // about 3 frame pixels wide once squeezed
  std::vector<float> frame(size_t(kLineHeight) * kLineWidth);
  LineNormalizer n;
  EXPECT_EQ(n.prepare(img, Box{0, 0, 900, 30}, frame.data()), kLineWidth);
  EXPECT_GT(*std::max_element(frame.begin() + kLineWidth * 16 + kLineWidth - 4, frame.begin() + kLineWidth * 17), 0.5f);
  EXPECT_EQ(n.prepare(img, Box{950, 0, 40, 30}, frame.data()), 0);
  EXPECT_EQ(*std::max_element(frame.begin(), frame.end()), 0.0f);
}

TEST(LineReader, ADigitModelIsNotALineModel) {
  auto r = LineReader::from_weights(embedded_model_bytes());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("not a line model"), std::string::npos) << r.error().message;
}

std::vector<WrittenLine> drawn_lines() {
  // Two "amounts" drawn with strokes: 11 and 17, each digit with its box.
  std::vector<WrittenLine> lines;
  for (const char* digits : {"11", "17"}) {
    WrittenLine l{GrayImage(120, 50, 230), digits, {}};
    for (int i = 0; i < 2; ++i) {
      const float x = 30.0f + 50.0f * float(i);
      if (digits[i] == '1') {
        stroke(l.image, x, 8, x, 42, 4, 40);
      } else {
        stroke(l.image, x - 12, 8, x + 12, 8, 4, 40);
        stroke(l.image, x + 12, 8, x - 4, 42, 4, 40);
      }
      l.boxes.push_back(Box{int(x) - 14, 6, 28, 38});
    }
    lines.push_back(std::move(l));
  }
  return lines;
}

TEST(LineExamples, EveryLineComesWithTheDigitsWrittenOnIt) {
  const auto lines = drawn_lines();
  LineExampleMaker maker(lines, nullptr);
  EXPECT_EQ(maker.glyph_count(), 4u);
  std::vector<float> frame(size_t(kLineHeight) * kLineWidth);
  std::vector<int> labels;
  Rng rng(3);
  maker.real(1, rng, frame.data(), labels);
  EXPECT_EQ(labels, (std::vector<int>{1, 7}));
  int composed_lines = 0;
  for (int i = 0; i < 200; ++i) {
    Rng r(5, 0, uint64_t(i));
    maker.composed(r, frame.data(), labels, false);
    ASSERT_GE(labels.size(), 1u);
    ASSERT_LE(labels.size(), 8u);
    // Composed only from the digits there are glyphs of: no 0 was ever written here.
    for (int d : labels) ASSERT_TRUE(d == 1 || d == 7) << d;
    const float ink = *std::max_element(frame.begin(), frame.end());
    ASSERT_GE(ink, 0.0f);
    ASSERT_LE(ink, 1.0f);
    composed_lines += ink > 0.3f;
  }
  EXPECT_GT(composed_lines, 190);
  Rng r(9);
  maker.composed(r, frame.data(), labels, true);
  EXPECT_TRUE(labels.empty());
}

TEST(LineTrainer, TheLossFallsAsItLearns) {
  const auto lines = drawn_lines();
  LineTrainConfig cfg;
  cfg.architecture = "conv 8 3; bn; relu; maxpool 2; conv 8 3; bn; relu; maxpool 2; colmean; conv 11 1";
  cfg.epochs = 3;
  cfg.examples_per_epoch = 256;
  cfg.batch = 16;
  cfg.shares.real = 0.5f;
  auto trained = train_lines(lines, nullptr, lines, cfg, nullptr, nullptr);
  ASSERT_TRUE(trained.ok()) << trained.error().message;
  ASSERT_EQ(trained->epochs.size(), 3u);
  EXPECT_LT(trained->epochs.back().loss, 0.8 * trained->epochs.front().loss);
  EXPECT_EQ(trained->trained.output(), (Shape{kLineClasses, 1, kLineWidth / 4}));
}

TEST(LineTrainer, AnArchitectureThatDoesNotEndInColumnScoresIsRefused) {
  const auto lines = drawn_lines();
  LineTrainConfig cfg;
  cfg.architecture = "conv 8 3; relu; gap; dense 11";  // one column
  cfg.epochs = 1;
  cfg.examples_per_epoch = 64;
  auto trained = train_lines(lines, nullptr, lines, cfg, nullptr, nullptr);
  ASSERT_FALSE(trained.ok());
  EXPECT_NE(trained.error().message.find("scores per column"), std::string::npos);
}

}  // namespace
}  // namespace scrawl
