#include <gtest/gtest.h>

#include <cmath>

#include "evaluate/user_transforms.h"
#include "support/test_data.h"
#include "train/single_digit.h"

namespace scrawl {
namespace {

using testing::drawn_one;

double centre_of_mass_offset(const DigitPixels& px) {
  double m = 0, mx = 0, my = 0;
  for (int y = 0; y < 28; ++y)
    for (int x = 0; x < 28; ++x)
      m += px[size_t(y * 28 + x)], mx += px[size_t(y * 28 + x)] * (x + 0.5), my += px[size_t(y * 28 + x)] * (y + 0.5);
  return std::hypot(mx / m - 14, my / m - 14);
}

void ink_box(const DigitPixels& px, int& w, int& h) {
  int x0 = 28, y0 = 28, x1 = -1, y1 = -1;
  for (int y = 0; y < 28; ++y)
    for (int x = 0; x < 28; ++x)
      if (px[size_t(y * 28 + x)] > 0.1f)
        x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
  w = x1 - x0 + 1, h = y1 - y0 + 1;
}

TEST(Preprocess, CanvasDrawingBecomesAnMnistStyleDigit) {
  SingleDigitPreprocessor pre;
  auto r = pre.run(drawn_one());
  ASSERT_TRUE(r.ok()) << r.error().message;
  int w, h;
  ink_box(r->pixels, w, h);
  EXPECT_NEAR(h, 20, 1);  // the longer side fills the 20×20 box
  EXPECT_LT(w, 8);
  EXPECT_LT(centre_of_mass_offset(r->pixels), 0.75);
  float peak = 0;
  for (float v : r->pixels) peak = std::max(peak, v);
  EXPECT_GT(peak, 0.95f);  // ink is bright, paper is dark, whatever the input's polarity
  EXPECT_EQ(r->pixels[0], 0.0f);
}

TEST(Preprocess, PolarityDoesNotMatter) {
  SingleDigitPreprocessor pre;
  auto dark_on_light = pre.run(drawn_one());
  auto light_on_dark = pre.run(invert(drawn_one()));
  ASSERT_TRUE(dark_on_light.ok() && light_on_dark.ok());
  for (size_t i = 0; i < 784; ++i) EXPECT_NEAR(dark_on_light->pixels[i], light_on_dark->pixels[i], 0.02f);
}

TEST(Preprocess, ReportsTheDigitsBoxInSourcePixels) {
  SingleDigitPreprocessor pre;
  GrayImage img = place_on_canvas(drawn_one(100, 100), 500, 400, 300, 50, 255);
  auto r = pre.run(img);
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->box.x + r->box.w / 2.0, 350, 3);
  EXPECT_NEAR(r->box.y, 50 + 15 - 3.5, 3);
  EXPECT_NEAR(r->box.h, 70 + 7, 3);
}

TEST(Preprocess, BlankAndFlatImagesHaveNoDigit) {
  SingleDigitPreprocessor pre;
  for (uint8_t level : {0, 128, 255}) {
    auto r = pre.run(GrayImage(200, 100, level));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kNoDigit);
    EXPECT_NE(r.error().message.find("no digit found"), std::string::npos);
  }
  GrayImage faint(200, 100, 200);  // paper grain: a few levels of variation, no ink
  Rng rng(1);
  for (auto& v : faint.pixels) v = uint8_t(200 + rng.below(9) - 4);
  EXPECT_FALSE(pre.run(faint).ok());
}

TEST(Preprocess, ADotOrABlobIsNoDigit) {
  SingleDigitPreprocessor pre;
  GrayImage dot(280, 280, 255);
  testing::stroke(dot, 140, 140, 141, 141, 20, 0);
  auto r = pre.run(dot);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNoDigit);
  GrayImage zero(280, 280, 255);  // a thick ring is a digit, though
  for (int a = 0; a < 64; ++a) {
    const float t0 = a * 6.2832f / 64, t1 = (a + 1) * 6.2832f / 64;
    testing::stroke(zero, 140 + 60 * std::cos(t0), 140 + 90 * std::sin(t0), 140 + 60 * std::cos(t1),
                    140 + 90 * std::sin(t1), 22, 0);
  }
  EXPECT_TRUE(pre.run(zero).ok());
}

TEST(Preprocess, RuledLinesAndSpecksAreIgnored) {
  SingleDigitPreprocessor pre;
  auto clean = pre.run(drawn_one(200, 200));
  GrayImage noisy = drawn_one(200, 200);
  for (int x = 0; x < 200; ++x) noisy.at(x, 190) = noisy.at(x, 191) = 40;  // a ruled line
  noisy.at(20, 20) = noisy.at(150, 60) = 0;                                // two specks
  auto r = pre.run(noisy);
  ASSERT_TRUE(clean.ok() && r.ok());
  double diff = 0;
  for (size_t i = 0; i < 784; ++i) diff += std::fabs(clean->pixels[i] - r->pixels[i]);
  EXPECT_LT(diff, 5.0);
}

TEST(Preprocess, MnistDigitsComeBackAsTheyWereMade) {
  SCRAWL_REQUIRE_MNIST();
  SingleDigitPreprocessor pre;
  double total = 0;
  for (size_t i = 0; i < 200; ++i) {
    auto r = pre.run(mnist_to_image(mnist->image(i)));
    ASSERT_TRUE(r.ok());
    double diff = 0;
    for (size_t p = 0; p < 784; ++p) diff += std::fabs(r->pixels[p] - mnist->image(i)[p] / 255.0);
    total += diff / 784;
  }
  EXPECT_LT(total / 200, 0.08);  // mean absolute difference per pixel
}

}  // namespace
}  // namespace scrawl
