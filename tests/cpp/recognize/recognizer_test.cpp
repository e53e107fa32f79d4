#include <gtest/gtest.h>
#include <cstdio>

#include <numeric>

#include "data/encode.h"
#include "evaluate/user_transforms.h"
#include "recognize/recognizer.h"
#include "support/test_data.h"

namespace scrawl {
namespace {

std::unique_ptr<Recognizer> embedded() {
  auto r = Recognizer::from_embedded();
  EXPECT_TRUE(r.ok()) << (r ? "" : r.error().message);
  return r ? std::move(r.value()) : nullptr;
}

TEST(Recognizer, ReadsDrawnDigits) {
  auto rec = embedded();
  ASSERT_TRUE(rec);
  auto one = rec->recognize_gray(testing::drawn_one());
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->digit, 1);
  auto seven = rec->recognize_gray(testing::drawn_seven());
  ASSERT_TRUE(seven.ok());
  EXPECT_EQ(seven->digit, 7);
  EXPECT_NEAR(std::accumulate(seven->probs.begin(), seven->probs.end(), 0.0), 1.0, 1e-5);
  EXPECT_EQ(seven->confidence, seven->probs[7]);
  EXPECT_EQ(seven->unsure, seven->confidence < rec->unsure_threshold());
}

TEST(Recognizer, ReadsRgbaPixelsLikeACanvasGivesThem) {
  auto rec = embedded();
  ASSERT_TRUE(rec);
  GrayImage seven = testing::drawn_seven(120, 120);
  std::vector<uint8_t> rgba(seven.pixels.size() * 4);
  for (size_t i = 0; i < seven.pixels.size(); ++i) {
    // A transparent canvas with opaque dark-blue strokes.
    const bool ink = seven.pixels[i] < 128;
    rgba[4 * i] = 20, rgba[4 * i + 1] = 30, rgba[4 * i + 2] = 120, rgba[4 * i + 3] = ink ? 255 : 0;
  }
  auto r = rec->recognize_rgba(rgba.data(), 120, 120);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->digit, 7);
  EXPECT_FALSE(rec->recognize_rgba(nullptr, 10, 10).ok());
}

TEST(Recognizer, ExplainsBadInput) {
  auto rec = embedded();
  ASSERT_TRUE(rec);
  const std::string text = "not a picture";
  auto r = rec->recognize_file({reinterpret_cast<const uint8_t*>(text.data()), text.size()});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "not an image: PNG, JPG, GIF, BMP or TGA expected");
  auto blank = rec->recognize_file(encode_png(GrayImage(100, 100, 255)));
  ASSERT_FALSE(blank.ok());
  EXPECT_EQ(blank.error().code, ErrorCode::kNoDigit);
}

TEST(Recognizer, RejectsAWeightsFileThatIsNotADigitModel) {
  auto net = Network::from_spec("conv 2 3; gap; dense 3; softmax", {1, 28, 28});
  ASSERT_TRUE(net.ok());
  auto r = Recognizer::from_weights(serialize_model(Model{std::move(net.value()), {}}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kBadWeights);
}

// MNIST test digits as files people make: white on black PNG, black on white, and scaled up
// 4× onto a larger canvas off-centre, all read from encoded bytes.
TEST(Recognizer, ReadsMnistDigitsSavedAsImages) {
  SCRAWL_REQUIRE_MNIST();
  auto rec = embedded();
  ASSERT_TRUE(rec);
  const int n = 300;
  int ok_plain = 0, ok_inverted = 0, ok_canvas = 0;
  for (int i = 0; i < n; ++i) {
    const GrayImage plain = mnist_to_image(mnist->image(size_t(i)));
    const int label = mnist->labels[size_t(i)];
    auto a = rec->recognize_file(encode_png(plain));
    auto b = rec->recognize_file(encode_png(invert(plain)));
    auto c = rec->recognize_file(
        encode_png(place_on_canvas(invert(scale_bilinear(plain, 4)), 500, 300, 17 + i % 300, 9 + i % 150, 255)));
    ok_plain += a.ok() && a->digit == label, ok_inverted += b.ok() && b->digit == label;
    ok_canvas += c.ok() && c->digit == label;
  }
  EXPECT_GE(ok_plain, n * 97 / 100);
  EXPECT_GE(ok_inverted, n * 97 / 100);
  EXPECT_GE(ok_canvas, n * 97 / 100);
  std::printf("MNIST digits as files: %d, %d and %d of %d right\n", ok_plain, ok_inverted, ok_canvas, n);
}

}  // namespace
}  // namespace scrawl
