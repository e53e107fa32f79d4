// The line model's stages: the frame a line is prepared into, the training lines, the
// trainer, and the reader built into this build on lines drawn here.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "recognize/embedded_model.h"
#include "recognize/line_pass.h"
#include "recognize/line_reader.h"
#include "recognize/reading_text.h"
#include "recognize/recognizer.h"
#include "segment/line_normalizer.h"
#include "support/test_data.h"
#include "train/line_examples.h"
#include "train/line_trainer.h"

namespace scrawl {
namespace {

using testing::stroke;

float frame_at(const std::vector<float>& f, int x, int y) { return f[size_t(y) * kLineWidth + x]; }

TEST(LineNormalizer, TheInkFillsTheFrameHoweverLooselyTheRegionIsDrawn) {
  GrayImage img(400, 200, 220);
  stroke(img, 150, 80, 150, 120, 5, 30);  // a 1
  stroke(img, 170, 80, 195, 80, 5, 30);   // a 7
  stroke(img, 195, 80, 178, 120, 5, 30);
  std::vector<float> tight(size_t(kLineHeight) * kLineWidth), loose(tight.size());
  LineNormalizer n;
  const auto a = n.prepare(img, Box{125, 62, 90, 76}, tight.data());  // room for the margin, no more
  const auto b = n.prepare(img, Box{0, 0, 400, 200}, loose.data());
  EXPECT_NEAR(a.width, b.width, 1);
  EXPECT_NEAR(a.source.x, b.source.x, 1);
  EXPECT_NEAR(a.source.h, b.source.h, 1);
  double differ = 0;
  for (size_t i = 0; i < tight.size(); ++i) differ += std::fabs(tight[i] - loose[i]);
  EXPECT_LT(differ / tight.size(), 0.02);
  EXPECT_GT(*std::max_element(loose.begin(), loose.end()), 0.9f);                          // ink is 1
  for (int y = 0; y < kLineHeight; ++y) EXPECT_EQ(frame_at(loose, b.width + 1, y), 0.0f);  // beyond the line: paper
  // The band with its margin: the strokes' height (40 + 5) and 15% of it above and below.
  EXPECT_NEAR(b.source.h, 45 * 1.3, 4);
}

TEST(LineNormalizer, ALongLineIsSqueezedAndAnEmptyRegionIsPaper) {
  GrayImage img(900, 30, 255);
  for (int x = 10; x < 890; x += 40) stroke(img, float(x), 3, float(x), 27, 14, 0);
  std::vector<float> frame(size_t(kLineHeight) * kLineWidth);
  LineNormalizer n;
  EXPECT_EQ(n.prepare(img, Box{0, 0, 900, 30}, frame.data()).width, kLineWidth);
  EXPECT_GT(*std::max_element(frame.begin() + kLineWidth * 16 + kLineWidth - 8, frame.begin() + kLineWidth * 17), 0.5f);
  EXPECT_EQ(n.prepare(img, Box{950, 0, 40, 30}, frame.data()).width, 0);
  EXPECT_EQ(*std::max_element(frame.begin(), frame.end()), 0.0f);
}

TEST(LineNormalizer, ALineLaidOutAgainIsTheSameInkNarrowerOrWider) {
  GrayImage img(400, 120, 230);
  for (int x = 60; x < 340; x += 40) stroke(img, float(x), 30, float(x + 12), 90, 5, 20);
  std::vector<float> first(size_t(kLineHeight) * kLineWidth), again(first.size()), narrow(first.size());
  LineNormalizer n;
  const auto placed = n.prepare(img, Box{0, 0, 400, 120}, first.data());
  ASSERT_GT(placed.width, 40);
  const auto same = n.lay_out(1.0f, again.data());
  EXPECT_EQ(same.width, placed.width);
  EXPECT_EQ(same.source, placed.source);
  EXPECT_EQ(first, again);
  const auto narrower = n.lay_out(0.8f, narrow.data());
  EXPECT_NEAR(narrower.width, placed.width * 0.8, 1);
  EXPECT_EQ(narrower.source, placed.source);  // the same ink, in fewer columns
  double ink_first = 0, ink_narrow = 0;
  for (size_t i = 0; i < first.size(); ++i) ink_first += first[i], ink_narrow += narrow[i];
  EXPECT_NEAR(ink_narrow / ink_first, 0.8, 0.05);
  for (int y = 0; y < kLineHeight; ++y) EXPECT_EQ(frame_at(narrow, narrower.width + 1, y), 0.0f);
  EXPECT_EQ(n.lay_out(10.0f, again.data()).width, kLineWidth);  // no wider than the frame
  // After an empty region, there is no line to lay out again.
  EXPECT_EQ(n.prepare(img, Box{500, 0, 40, 30}, first.data()).width, 0);
  EXPECT_EQ(n.lay_out(1.25f, again.data()).width, 0);
  EXPECT_EQ(*std::max_element(again.begin(), again.end()), 0.0f);
}

// A faint pen photographed with dark corners: the region's darkest greys are the corners, not
// the ink, and by its greys alone it passes for light ink on a dark board. The page reader,
// which judged the whole image, says which side the ink is.
TEST(LineNormalizer, TheInkSideFoundForTheWholeImageIsTaken) {
  GrayImage img(480, 200);
  const auto paper = [](int x, int y) {
    const double dx = (x - 240) / 240.0, dy = (y - 100) / 100.0;
    return 180.0 - 110.0 * std::sqrt((dx * dx + dy * dy) / 2.0);
  };
  for (int y = 0; y < 200; ++y)
    for (int x = 0; x < 480; ++x) {
      const bool on_stroke = y >= 55 && y <= 145 && x >= 146 && x <= 334 && (x - 146) % 30 <= 8;
      img.at(x, y) = uint8_t(paper(x, y) - (on_stroke ? 60 : 0));
    }
  std::vector<float> found(size_t(kLineHeight) * kLineWidth), given(found.size());
  LineNormalizer n;
  // The frame at image column x, on the strokes' middle row.
  const auto at = [](const std::vector<float>& f, const LineNormalizer::Placed& p, int x) {
    return frame_at(f, (x - p.source.x) * p.width / p.source.w, (100 - p.source.y) * kLineHeight / p.source.h);
  };
  const auto by_itself = n.prepare(img, Box{0, 0, 480, 200}, found.data());
  EXPECT_LT(at(found, by_itself, 240), 0.5f);  // taken for a board, the strokes are its paper
  const auto told = n.prepare(img, Box{0, 0, 480, 200}, given.data(), InkSide::kDark);
  for (int x = 150; x <= 330; x += 30) {
    EXPECT_GT(at(given, told, x), 0.5f) << x;
    EXPECT_LT(at(given, told, x + 15), 0.2f) << x + 15;
  }
}

// A line in a 12-megapixel photo is hundreds of rows tall; it is averaged down before it is
// prepared, and comes out as the same line photographed smaller does, its place in the photo's pixels.
TEST(LineNormalizer, ATallLineIsPreparedAsTheSameLineSmaller) {
  const auto draw = [](int k) {
    GrayImage img(400 * k, 120 * k, 225);
    for (int x = 60; x < 340; x += 40)
      stroke(img, float(x * k), float(30 * k), float((x + 14) * k), float(90 * k), float(5 * k), 30);
    return img;
  };
  const GrayImage small = draw(2), tall = draw(4);  // 240 rows as they are, 480 averaged down
  ASSERT_LE(small.height, LineNormalizer::kMostRows);
  ASSERT_GT(tall.height, LineNormalizer::kMostRows);
  std::vector<float> a(size_t(kLineHeight) * kLineWidth), b(a.size());
  LineNormalizer n;
  const auto p_small = n.prepare(small, Box{0, 0, small.width, small.height}, a.data());
  const auto p_tall = n.prepare(tall, Box{0, 0, tall.width, tall.height}, b.data());
  EXPECT_NEAR(p_tall.width, p_small.width, 1);
  EXPECT_NEAR(p_tall.source.x, 2 * p_small.source.x, 4);
  EXPECT_NEAR(p_tall.source.w, 2 * p_small.source.w, 4);
  EXPECT_NEAR(p_tall.source.h, 2 * p_small.source.h, 4);
  double differ = 0;
  for (size_t i = 0; i < a.size(); ++i) differ += std::fabs(a[i] - b[i]);
  EXPECT_LT(differ / double(a.size()), 0.03);
  // Laid out again, its place is still in the photo's pixels.
  EXPECT_EQ(n.lay_out(0.8f, b.data()).source, p_tall.source);
}

TEST(LineNormalizer, AShadowAcrossTheLineIsPaperNotInk) {
  // Paper at 230 on the left falling to 120 on the right (a photo's shadow), ink 40 darker.
  GrayImage img(400, 100);
  for (int y = 0; y < 100; ++y)
    for (int x = 0; x < 400; ++x) img.at(x, y) = uint8_t(230 - 110 * x / 399);
  for (int x = 40; x < 380; x += 45) stroke(img, float(x), 30, float(x), 70, 4, 0);
  for (int y = 0; y < 100; ++y)
    for (int x = 0; x < 400; ++x) {
      const bool ink = img.at(x, y) == 0;
      if (ink) img.at(x, y) = uint8_t(std::max(0, 230 - 110 * x / 399 - 140));
    }
  std::vector<float> frame(size_t(kLineHeight) * kLineWidth);
  LineNormalizer n;
  const auto p = n.prepare(img, Box{0, 0, 400, 100}, frame.data());
  ASSERT_GT(p.width, 100);
  const auto column = [&](int x) { return (x - p.source.x) * p.width / p.source.w; };
  // At the shadowed end, between the last two strokes: paper; on the last stroke: ink.
  float paper = 0, ink = 0;
  for (int y = 4; y < kLineHeight - 4; ++y) {
    paper = std::max(paper, frame_at(frame, column(333), y));
    for (int x = 353; x <= 357; ++x) ink = std::max(ink, frame_at(frame, column(x), y));
  }
  EXPECT_LT(paper, 0.2f);
  EXPECT_GT(ink, 0.6f);
}

TEST(LineNormalizer, LightInkOnADarkBoardIsInkToo) {
  GrayImage dark(300, 100, 30), light(300, 100, 225);
  for (int x = 40; x < 260; x += 50)
    stroke(dark, float(x), 25, float(x), 75, 6, 230), stroke(light, float(x), 25, float(x), 75, 6, 35);
  std::vector<float> a(size_t(kLineHeight) * kLineWidth), b(a.size());
  LineNormalizer n;
  const auto on_board = n.prepare(dark, Box{0, 0, 300, 100}, a.data());
  const auto on_paper = n.prepare(light, Box{0, 0, 300, 100}, b.data());
  EXPECT_EQ(on_board.width, on_paper.width);
  double differ = 0;
  for (size_t i = 0; i < a.size(); ++i) differ += std::fabs(a[i] - b[i]);
  EXPECT_LT(differ / a.size(), 0.02);
  EXPECT_GT(*std::max_element(a.begin(), a.end()), 0.9f);
}

TEST(LineNormalizer, ASlopingLineIsLaidLevel) {
  // Eight strokes 40 high whose feet climb 60 pixels over the line (a photo held at ~7°).
  GrayImage img(520, 160, 230), flat(520, 160, 230);
  for (int i = 0; i < 8; ++i) {
    const float x = 30.0f + 62.0f * float(i), rise = 60.0f * float(i) / 7;
    stroke(img, x, 100 - rise, x + 12, 60 - rise, 5, 20);
    stroke(flat, x, 100, x + 12, 60, 5, 20);
  }
  std::vector<float> a(size_t(kLineHeight) * kLineWidth), b(a.size());
  LineNormalizer n;
  const auto sloped = n.prepare(img, Box{0, 0, 520, 160}, a.data());
  const auto level = n.prepare(flat, Box{0, 0, 520, 160}, b.data());
  // Levelled, the band is as tall as the level line's, not the 100 pixels the slope spans.
  EXPECT_NEAR(sloped.source.h, level.source.h, 8);
  EXPECT_NEAR(sloped.width, level.width, 12);
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

// A small line model, three short epochs on the drawn lines.
LineTrainConfig small_line_training() {
  LineTrainConfig cfg;
  cfg.architecture = "conv 8 3; bn; relu; maxpool 2; conv 8 3; bn; relu; maxpool 2; colmean; conv 11 1";
  cfg.epochs = 3;
  cfg.examples_per_epoch = 256;
  cfg.batch = 16;
  cfg.shares.real = 0.5f;
  return cfg;
}

TEST(LineTrainer, TheLossFallsAsItLearns) {
  const auto lines = drawn_lines();
  LineTrainConfig cfg = small_line_training();
  auto trained = train_lines(lines, nullptr, nullptr, lines, cfg, nullptr, nullptr);
  ASSERT_TRUE(trained.ok()) << trained.error().message;
  ASSERT_EQ(trained->epochs.size(), 3u);
  EXPECT_LT(trained->epochs.back().loss, 0.8 * trained->epochs.front().loss);
  EXPECT_EQ(trained->trained.output(), (Shape{kLineClasses, 1, kLineWidth / 4}));
}

TEST(LineTrainer, FineTuningGoesOnFromTheModelItStartsFrom) {
  const auto lines = drawn_lines();
  LineTrainConfig cfg = small_line_training();
  auto first = train_lines(lines, nullptr, nullptr, lines, cfg, nullptr, nullptr);
  ASSERT_TRUE(first.ok()) << first.error().message;
  cfg.start = &first->trained;
  cfg.epochs = 1;
  auto tuned = train_lines(lines, nullptr, nullptr, lines, cfg, nullptr, nullptr);
  ASSERT_TRUE(tuned.ok()) << tuned.error().message;
  // From random weights the first epoch's loss is far above the third's; going on from them,
  // it starts where they ended.
  EXPECT_LT(tuned->epochs.front().loss, 0.8 * first->epochs.front().loss);
  EXPECT_EQ(tuned->trained.spec(), first->trained.spec());

  Network wrong = *Network::from_spec("conv 8 3; relu; colmean; conv 11 1", Shape{1, 28, 28});
  cfg.start = &wrong;
  auto refused = train_lines(lines, nullptr, nullptr, lines, cfg, nullptr, nullptr);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("frame"), std::string::npos);
}

TEST(LineTrainer, AnArchitectureThatDoesNotEndInColumnScoresIsRefused) {
  const auto lines = drawn_lines();
  LineTrainConfig cfg;
  cfg.architecture = "conv 8 3; relu; gap; dense 11";  // one column
  cfg.epochs = 1;
  cfg.examples_per_epoch = 64;
  auto trained = train_lines(lines, nullptr, nullptr, lines, cfg, nullptr, nullptr);
  ASSERT_FALSE(trained.ok());
  EXPECT_NE(trained.error().message.find("scores per column"), std::string::npos);
}

std::unique_ptr<LineReader> built_in_line_reader() {
  auto reader = LineReader::embedded();
  EXPECT_NE(reader, nullptr) << "this build has no line model (weights/line.bin)";
  return reader;
}

// Digits drawn with a pen's strokes: a 2, a 5 and 0s, one after the other from x0.
void write_amount(GrayImage& img, const char* digits, float x0, float top, float h, float pen, uint8_t ink) {
  float x = x0;
  const float w = h * 0.6f;
  for (const char* c = digits; *c; ++c) {
    switch (*c) {
      case '2':
        for (int s = 0; s < 12; ++s) {  // the top arc
          const float a0 = 3.4f - 3.6f * s / 12, a1 = 3.4f - 3.6f * (s + 1) / 12;
          stroke(img, x + w / 2 + w / 2 * std::cos(a0), top + h * 0.28f - h * 0.25f * std::sin(a0),
                 x + w / 2 + w / 2 * std::cos(a1), top + h * 0.28f - h * 0.25f * std::sin(a1), pen, ink);
        }
        stroke(img, x + w * 0.95f, top + h * 0.35f, x, top + h, pen, ink);
        stroke(img, x, top + h, x + w, top + h, pen, ink);
        break;
      case '5':
        stroke(img, x + w, top, x + w * 0.1f, top, pen, ink);
        stroke(img, x + w * 0.1f, top, x, top + h * 0.45f, pen, ink);
        for (int s = 0; s < 14; ++s) {  // the belly
          const float a0 = -2.2f + 4.0f * s / 14, a1 = -2.2f + 4.0f * (s + 1) / 14;
          stroke(img, x + w * 0.45f + w * 0.5f * std::cos(a0), top + h * 0.7f + h * 0.3f * std::sin(a0),
                 x + w * 0.45f + w * 0.5f * std::cos(a1), top + h * 0.7f + h * 0.3f * std::sin(a1), pen, ink);
        }
        break;
      default:  // 0
        for (int s = 0; s < 24; ++s) {
          const float a0 = 6.2832f * s / 24, a1 = 6.2832f * (s + 1) / 24;
          stroke(img, x + w / 2 + w / 2 * std::cos(a0), top + h / 2 + h / 2 * std::sin(a0),
                 x + w / 2 + w / 2 * std::cos(a1), top + h / 2 + h / 2 * std::sin(a1), pen, ink);
        }
    }
    x += w * 1.05f;  // close enough to touch where a pen runs wide
  }
}

TEST(LineReader, AnAmountIsReadWholeWithItsDigitsPlaces) {
  auto reader = built_in_line_reader();
  if (!reader) return;
  GrayImage img(260, 70, 225);
  write_amount(img, "2500", 20, 12, 44, 4, 40);
  const LineReading& read = reader->read(img, Box{0, 0, img.width, img.height});
  EXPECT_EQ(read.digits, "2500");
  ASSERT_EQ(read.symbols.size(), read.digits.size());
  for (size_t i = 1; i < read.symbols.size(); ++i) EXPECT_GT(read.symbols[i].x0, read.symbols[i - 1].x0);
  EXPECT_LT(read.symbols.front().x0, 60);
  EXPECT_GT(read.symbols.back().x1, 110);  // the last 0 spans about 103 to 130
  EXPECT_GT(reader->probability_of("2500"), reader->probability_of("250"));
}

// Each of read()'s layouts of the whole image read alone (read_frame): their readings and
// widths, and the mean of the log-probabilities they give `digits`.
struct LayoutsAlone {
  std::vector<std::string> readings;
  std::vector<int> widths;
  double mean_log = 0;
};
LayoutsAlone read_layouts_alone(LineReader& reader, const GrayImage& img, const char* digits) {
  std::vector<float> frame(size_t(kLineHeight) * kLineWidth);
  LineNormalizer normalizer;
  LayoutsAlone alone;
  for (size_t k = 0; k < LineReader::kStretches.size(); ++k) {
    const auto placed = k == 0 ? normalizer.prepare(img, Box{0, 0, img.width, img.height}, frame.data())
                               : normalizer.lay_out(LineReader::kStretches[k], frame.data());
    alone.widths.push_back(placed.width);
    alone.readings.push_back(reader.read_frame(frame.data(), placed).digits);
    alone.mean_log += reader.log_probability_of(digits) / double(LineReader::kStretches.size());
  }
  return alone;
}

TEST(LineReader, ALineIsReadAsTheReadingItsLayoutsTogetherFindMostProbable) {
  auto reader = built_in_line_reader();
  if (!reader) return;
  GrayImage img(300, 70, 225);
  write_amount(img, "25002", 12, 12, 44, 4, 40);
  const LayoutsAlone alone = read_layouts_alone(*reader, img, "25002");
  const std::string read = reader->read(img, Box{0, 0, img.width, img.height}).digits;
  EXPECT_EQ(read, "25002");
  // The line as read is weighed by every layout: the mean of their log-probabilities.
  EXPECT_NEAR(reader->log_probability_of("25002"), alone.mean_log, 1e-6);
  // and the reading is the one of theirs the layouts together find most probable.
  EXPECT_NE(std::find(alone.readings.begin(), alone.readings.end(), read), alone.readings.end());
  for (const std::string& other : alone.readings)
    EXPECT_GE(reader->log_probability_of(read), reader->log_probability_of(other));
}

// A line squeezed to the frame's width is laid out the same at 1 and at 1.25: read() takes the
// first layout's scores for the third instead of running the model again, and weighs the line
// as three separate runs would.
TEST(LineReader, ASqueezedLineWeighsTheSameAsItsThreeLayoutsReadOneByOne) {
  auto reader = built_in_line_reader();
  if (!reader) return;
  GrayImage img(1400, 70, 225);
  write_amount(img, "25002500250025", 12, 12, 44, 4, 40);
  const LayoutsAlone alone = read_layouts_alone(*reader, img, "25002500250025");
  ASSERT_EQ(alone.widths[0], kLineWidth);  // squeezed as written
  ASSERT_EQ(alone.widths[2], kLineWidth);  // and as wide again at 1.25
  ASSERT_LT(alone.widths[1], kLineWidth);
  reader->read(img, Box{0, 0, img.width, img.height});
  EXPECT_NEAR(reader->log_probability_of("25002500250025"), alone.mean_log, 1e-9);
}

TEST(LineReader, ALineReadAsExpectedInItsFirstLayoutIsNotLaidOutAgain) {
  auto reader = built_in_line_reader();
  if (!reader) return;
  GrayImage img(300, 70, 225);
  write_amount(img, "25002", 12, 12, 44, 4, 40);
  const Box whole{0, 0, img.width, img.height};
  std::vector<float> frame(size_t(kLineHeight) * kLineWidth);
  LineNormalizer normalizer;
  ASSERT_EQ(reader->read_frame(frame.data(), normalizer.prepare(img, whole, frame.data())).digits, "25002");
  const double as_laid_out = reader->log_probability_of("25002");
  const double three_layouts = (reader->read(img, whole), reader->log_probability_of("25002"));
  ASSERT_GT(std::abs(three_layouts - as_laid_out), 1e-4);  // the layouts differ on this line
  // Expecting what the first layout reads: that layout alone weighs the line.
  EXPECT_EQ(reader->read(img, whole, InkSide::kFind, "25002").digits, "25002");
  EXPECT_NEAR(reader->log_probability_of("25002"), as_laid_out, 1e-9);
  // Expecting anything else: every layout is read.
  EXPECT_EQ(reader->read(img, whole, InkSide::kFind, "2500").digits, "25002");
  EXPECT_NEAR(reader->log_probability_of("25002"), three_layouts, 1e-9);
}

TEST(LineReader, AShortLineReadsTheSameInACutFrameAsInTheWholeFrame) {
  auto reader = built_in_line_reader();
  if (!reader) return;
  GrayImage img(120, 70, 225);
  write_amount(img, "25", 20, 12, 44, 4, 40);
  std::vector<float> frame(size_t(kLineHeight) * kLineWidth);
  LineNormalizer normalizer;
  const LineNormalizer::Placed placed = normalizer.prepare(img, Box{0, 0, img.width, img.height}, frame.data());
  ASSERT_LT(placed.width, kLineWidth / 3);  // short enough to be read in a cut frame
  const LineReading cut = reader->read_frame(frame.data(), placed);
  const double cut_25 = reader->probability_of("25");
  // The same frame, said to be filled almost to its end, is read whole.
  LineNormalizer::Placed whole_placed = placed;
  whole_placed.width = kLineWidth - 8;
  const LineReading whole = reader->read_frame(frame.data(), whole_placed);
  EXPECT_EQ(cut.digits, "25");
  EXPECT_EQ(cut.digits, whole.digits);
  ASSERT_EQ(cut.symbols.size(), whole.symbols.size());
  for (size_t i = 0; i < cut.symbols.size(); ++i)
    for (size_t k = 0; k < 10; ++k) EXPECT_NEAR(cut.symbols[i].probs[k], whole.symbols[i].probs[k], 1e-4);
  EXPECT_NEAR(cut.confidence, whole.confidence, 1e-3);
  EXPECT_NEAR(cut_25, reader->probability_of("25"), 1e-3);
  // Its boxes are where the digits are in the image, as when read whole.
  const LineReading& again = reader->read(img, Box{0, 0, img.width, img.height});
  ASSERT_EQ(again.symbols.size(), 2u);
  EXPECT_LT(again.symbols[0].x0, 40);
  EXPECT_GT(again.symbols[1].x1, 60);
  EXPECT_LT(again.symbols[1].x1, 100);
}

// A line model whose columns see further than a cut frame leaves beyond the line reads every
// line in the whole frame: the same scores however short the line.
TEST(LineReader, AModelThatSeesFarAlongTheLineIsNeverReadInACutFrame) {
  auto net = Network::from_spec("conv 4 3; relu; maxpool 2; conv 4 9; relu; colmean; conv 11 1x9",
                                Shape{1, kLineHeight, kLineWidth});
  ASSERT_TRUE(net.ok()) << net.error().message;
  net->init_params(5);
  Model model{std::move(net.value()), {}};
  auto reader = LineReader::from_weights(serialize_model(model, TensorType::kFloat32));
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  GrayImage img(120, 70, 225);
  write_amount(img, "25", 20, 12, 44, 4, 40);
  std::vector<float> frame(size_t(kLineHeight) * kLineWidth);
  LineNormalizer normalizer;
  const LineNormalizer::Placed placed = normalizer.prepare(img, Box{0, 0, img.width, img.height}, frame.data());
  ASSERT_LT(placed.width, kLineWidth / 3);
  const LineReading short_line = (*reader)->read_frame(frame.data(), placed);
  const double short_25 = (*reader)->probability_of("25");
  LineNormalizer::Placed whole_placed = placed;
  whole_placed.width = kLineWidth - 8;
  const LineReading whole = (*reader)->read_frame(frame.data(), whole_placed);
  EXPECT_EQ(short_line.digits, whole.digits);
  EXPECT_EQ(short_line.confidence, whole.confidence);
  EXPECT_EQ(short_25, (*reader)->probability_of("25"));
}

TEST(LinePass, AFieldThePageReaderDoubtedIsReadOnlyWhenNothingElseWas) {
  auto reader = built_in_line_reader();
  if (!reader) return;
  GrayImage img(260, 70, 225);
  write_amount(img, "2500", 20, 12, 44, 4, 40);
  const Box field{16, 8, 130, 52};
  LinePassSettings settings;
  Reading nothing;
  EXPECT_EQ(read_doubted_lines(img, *reader, settings, std::span<const Box>(&field, 1), nothing), 1);
  EXPECT_EQ(nothing.text, "2500");
  EXPECT_EQ(nothing.lines, 1);
  for (const ReadDigit& d : nothing.digits) {
    EXPECT_GE(d.box.x, 0);
    EXPECT_LE(d.box.right(), img.width);
    EXPECT_EQ(d.box.h, field.h);
  }
  // Something read already: the doubted field is left alone.
  Reading one;
  one.digits.push_back(ReadDigit{});
  one.text = "0";
  EXPECT_EQ(read_doubted_lines(img, *reader, settings, std::span<const Box>(&field, 1), one), 0);
  EXPECT_EQ(one.text, "0");
  // A line small on the page is no field.
  const Box small{16, 8, 130, 20};
  Reading none;
  EXPECT_EQ(read_doubted_lines(img, *reader, settings, std::span<const Box>(&small, 1), none), 0);
  EXPECT_TRUE(none.digits.empty());
  // Nor is one the line model is not sure of every digit of.
  settings.doubted_sure = 1.01f;
  EXPECT_EQ(read_doubted_lines(img, *reader, settings, std::span<const Box>(&field, 1), none), 0);
}

TEST(LinePass, AFieldShapedImageWithNoDoubtedLineIsReadWholeWhenNothingElseWas) {
  auto reader = built_in_line_reader();
  if (!reader) return;
  GrayImage img(170, 62, 225);  // a cheque's amount cut out: wider than twice its height
  write_amount(img, "2500", 14, 9, 44, 4, 40);
  LinePassSettings settings;
  Reading nothing;
  EXPECT_EQ(read_doubted_lines(img, *reader, settings, {}, nothing), 1);
  EXPECT_EQ(nothing.text, "2500");
  // An image not that wide (a page, a canvas) is not taken for a field.
  GrayImage square(130, 70, 225);
  write_amount(square, "2500", 8, 12, 44, 4, 40);
  Reading page;
  EXPECT_EQ(read_doubted_lines(square, *reader, settings, {}, page), 0);
  EXPECT_TRUE(page.digits.empty());
  // A blank field is nothing.
  Reading blank;
  EXPECT_EQ(read_doubted_lines(GrayImage(170, 62, 225), *reader, settings, {}, blank), 0);
  EXPECT_TRUE(blank.digits.empty());
}

// A line as the cut reader read it: one digit per box, all sure.
Reading cut_reading(const char* digits, std::initializer_list<Box> boxes) {
  Reading r;
  const Box* b = boxes.begin();
  for (const char* c = digits; *c; ++c, ++b) {
    ReadDigit d;
    d.digit = *c - '0';
    d.confidence = 0.99999f;
    d.probs.fill(0.0f);
    d.probs[size_t(d.digit)] = d.confidence;
    d.box = *b;
    r.digits.push_back(d);
  }
  set_text(r);
  return r;
}

TEST(LinePass, AFirstDigitTheCutsLeftOutIsReadBackIntoTheField) {
  auto reader = built_in_line_reader();
  if (!reader) return;
  GrayImage img(260, 70, 225);
  write_amount(img, "2", 20, 12, 44, 4, 40);
  write_amount(img, "500", 96, 12, 44, 4, 40);  // a gap of two digits' width after the 2
  // The cuts read "500", in a line more than its height from the 2.
  Reading r = cut_reading("500", {{96, 14, 27, 40}, {124, 14, 27, 40}, {152, 14, 27, 40}});
  LinePassSettings settings;
  EXPECT_EQ(reread_lines(img, *reader, settings, r), 1);
  EXPECT_EQ(r.text, "2500");
  // Read only one line height to either side, the 2 is out of sight.
  settings.grow_x = 1.0f;
  Reading near = cut_reading("500", {{96, 14, 27, 40}, {124, 14, 27, 40}, {152, 14, 27, 40}});
  reread_lines(img, *reader, settings, near);
  EXPECT_EQ(near.text, "500");
}

TEST(LinePass, ADigitTheCutsTookForALineOfItsOwnIsNotReadTwice) {
  auto reader = built_in_line_reader();
  if (!reader) return;
  GrayImage img(260, 70, 225);
  write_amount(img, "2500", 20, 12, 44, 4, 40);
  // The cuts read "250" on one line and the last 0, lower, as a line of its own.
  Reading r = cut_reading("2500", {{20, 12, 27, 44}, {48, 12, 27, 44}, {76, 12, 27, 44}, {103, 20, 27, 30}});
  r.digits[3].line = 1;
  set_text(r);
  ASSERT_EQ(r.text, "250 0");
  LinePassSettings settings;
  EXPECT_EQ(reread_lines(img, *reader, settings, r), 1);
  EXPECT_EQ(r.text, "2500");
  // A second field beyond what the first one's reading covered keeps its digits.
  GrayImage two_fields(300, 70, 225);
  write_amount(two_fields, "25", 20, 12, 44, 4, 40);
  write_amount(two_fields, "50", 190, 12, 44, 4, 40);
  Reading both = cut_reading("2250", {{20, 12, 27, 44}, {48, 12, 27, 44}, {190, 12, 27, 44}, {218, 12, 27, 44}});
  both.digits[2].line = both.digits[3].line = 1;
  set_text(both);
  EXPECT_EQ(reread_lines(two_fields, *reader, settings, both), 1);  // the first line: "22" is "25"
  EXPECT_EQ(both.text, "25 50");
}

// A number photographed with the paper around it: its line is low in the image, and it is the
// only line. The line model rereads it (the cuts doubted their 8), however much paper is
// around it; one of two lines is left to the cuts.
TEST(LinePass, ANumberAloneInTheImageIsReadWholeThoughItIsLowInIt) {
  auto reader = built_in_line_reader();
  if (!reader) return;
  const auto doubted_cuts = [] {
    Reading r = cut_reading("2580", {{20, 60, 27, 44}, {48, 60, 27, 44}, {76, 60, 27, 44}, {103, 60, 27, 44}});
    r.digits[2].probs[8] = 0.6f, r.digits[2].probs[0] = 0.4f, r.digits[2].confidence = 0.6f;
    r.lines = 1;
    return r;
  };
  LinePassSettings settings;
  GrayImage photo(150, 160, 225);  // the line is 44 of 160 rows high, 0.75 of the width
  write_amount(photo, "2500", 20, 60, 44, 4, 40);
  Reading r = doubted_cuts();
  EXPECT_EQ(reread_lines(photo, *reader, settings, r), 1);
  EXPECT_EQ(r.text, "2500");
  GrayImage page(400, 160, 225);  // a quarter of the width
  write_amount(page, "2500", 20, 60, 44, 4, 40);
  Reading small = doubted_cuts();
  EXPECT_EQ(reread_lines(page, *reader, settings, small), 1);
  EXPECT_EQ(small.text, "2500");
  Reading one_of_two = doubted_cuts();
  one_of_two.lines = 2;
  EXPECT_EQ(reread_lines(photo, *reader, settings, one_of_two), 0);
  EXPECT_EQ(one_of_two.text, "2580");
}

// A bold "2250" that the line model reads as "200", doubting its 0 (44%), while the cuts are sure
// of all four digits: the cuts' reading stands. Where the cuts doubt one of theirs, the line
// model's reading replaces it as before.
TEST(LinePass, AShorterReadingTheLineModelDoubtsDoesNotReplaceSureCuts) {
  auto reader = built_in_line_reader();
  if (!reader) return;
  GrayImage img(200, 90, 225);
  write_amount(img, "2250", 20, 23, 44, 12, 40);
  const auto cuts = [] {
    return cut_reading("2250", {{14, 17, 39, 56}, {42, 17, 39, 56}, {70, 17, 39, 56}, {97, 17, 39, 56}});
  };
  LinePassSettings settings;
  Reading sure = cuts();
  EXPECT_EQ(reread_lines(img, *reader, settings, sure), 0);
  EXPECT_EQ(sure.text, "2250");
  Reading doubted = cuts();
  doubted.digits[1].confidence = 0.85f;
  EXPECT_EQ(reread_lines(img, *reader, settings, doubted), 1);
  EXPECT_EQ(doubted.text, "200");
  const LineReading& read = reader->read(img, Box{0, 0, img.width, img.height});
  ASSERT_EQ(read.digits, "200");
  EXPECT_LT(read.symbols[1].probability, settings.line_doubt_below);
}

TEST(LinePass, ALoneDigitAtTheStartOfAFieldIsReadWithWhatFollowsIt) {
  auto reader = built_in_line_reader();
  if (!reader) return;
  // A cheque's amount cut out: a large 2, then three small zeros the cuts did not take for digits.
  GrayImage field(230, 78, 225);
  write_amount(field, "2", 6, 8, 60, 5, 40);
  write_amount(field, "000", 50, 44, 24, 3, 40);
  const Box two{4, 6, 40, 64};
  LinePassSettings settings;
  Reading r = cut_reading("2", {two});
  EXPECT_EQ(reread_lines(field, *reader, settings, r), 1);
  EXPECT_EQ(r.text, "2000");
  // The same lone 2 in an image that is no field (a canvas) is a lone digit, read surely: it stays.
  GrayImage canvas(78, 78, 225);
  write_amount(canvas, "2", 6, 8, 60, 5, 40);
  Reading lone = cut_reading("2", {two});
  EXPECT_EQ(reread_lines(canvas, *reader, settings, lone), 0);
  EXPECT_EQ(lone.text, "2");
}

TEST(LinePass, ALoneDigitIsSplitOnlyWhereTheLineModelIsSureOfEachPart) {
  SCRAWL_REQUIRE_MNIST();
  // MNIST test digit 33, a 4 open at the top, white on black as MNIST stores it: the line model
  // reads it as two unsure 1s; the cut reader is sure of its 4.
  ASSERT_EQ(mnist->labels[33], 4);
  GrayImage img(28, 28);
  std::copy(mnist->image(33), mnist->image(33) + 784, img.pixels.begin());
  auto rec = Recognizer::from_embedded();
  ASSERT_TRUE(rec.ok());
  auto r = (*rec)->read(img);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->text, "4");
}

TEST(LinePass, AnAmountStandingOnTheLineUnderItIsReadAsWritten) {
  auto rec = Recognizer::from_embedded();
  ASSERT_TRUE(rec.ok());
  GrayImage img(280, 80, 0);
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x)
      img.at(x, y) = uint8_t(200 + 30 * x / img.width + 8 * ((x * 5 + y * 3) % 7) / 6);
  write_amount(img, "25000", 25, 14, 44, 4, 40);
  stroke(img, 5, 61, 275, 61, 2, 70);  // the printed line the digits stand on
  if (const char* dump = std::getenv("SCRAWL_TEST_DUMP")) {
    FILE* f = std::fopen(dump, "wb");
    std::fprintf(f, "P5 %d %d 255\n", img.width, img.height);
    std::fwrite(img.pixels.data(), 1, img.pixels.size(), f);
    std::fclose(f);
  }
  auto r = (*rec)->read(img);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->text, "25000");
  for (const ReadDigit& d : r->digits) EXPECT_GT(d.box.w, 0);
}

}  // namespace
}  // namespace scrawl
