// The synthetic string pages that `scrawl eval --strings` reads: reproducible, made of MNIST
// test digits, and decodable through the same path as a user's photo.
#include <gtest/gtest.h>

#include <algorithm>

#include "decode/decode.h"
#include "recognize/recognizer.h"
#include "support/test_data.h"
#include "synth/homography.h"
#include "synth/pen_ink.h"
#include "synth/pen_numbers.h"
#include "synth/string_page.h"

namespace scrawl {
namespace {

TEST(Homography, TakesTheFourPointsWhereAsked) {
  const std::array<synth::Point, 4> from{{{0, 0}, {100, 0}, {100, 50}, {0, 50}}};
  const std::array<synth::Point, 4> to{{{3, 1}, {97, 6}, {104, 55}, {-2, 47}}};
  const auto h = synth::Homography::through(from, to);
  for (size_t i = 0; i < 4; ++i) {
    const auto p = h.apply(from[i].x, from[i].y);
    EXPECT_NEAR(p.x, to[i].x, 1e-6);
    EXPECT_NEAR(p.y, to[i].y, 1e-6);
  }
}

// The width of the ink in each row band of a w×h cover: a star drawn with a finger is still as
// wide as the star drawn with a stylus.
float ink_width(const std::vector<float>& cover, int w, int h) {
  int x0 = w, x1 = -1;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      if (cover[size_t(y) * w + x] > 0.5f) x0 = std::min(x0, x), x1 = std::max(x1, x);
  return float(x1 - x0 + 1);
}

TEST(PenInk, AFingerKeepsTheShapeOfAFewLongStrokes) {
  // A five-pointed star as one stroke of six points, and a square frame of five.
  const real::Stroke star{{50, 5}, {76, 86}, {7, 36}, {93, 36}, {24, 86}, {50, 5}};
  const real::Stroke frame{{5, 5}, {95, 5}, {95, 95}, {5, 95}, {5, 5}};
  for (const auto& shape : {star, frame}) {
    synth::Placement where;
    where.x = 20, where.y = 20, where.height = 160, where.stroke = 8;
    std::vector<float> stylus(200 * 200, 0.0f), finger(200 * 200, 0.0f);
    Rng rng(1, 2, 3);
    synth::draw_strokes({shape}, where, synth::PenInput::kStylus, rng, stylus, 200, 200);
    synth::draw_strokes({shape}, where, synth::PenInput::kFinger, rng, finger, 200, 200);
    EXPECT_GT(ink_width(finger, 200, 200), 0.9f * ink_width(stylus, 200, 200));
    // The corners are rounded, not cut off: most of the stylus's ink is under the finger's.
    float both = 0, total = 0;
    for (size_t i = 0; i < stylus.size(); ++i) total += stylus[i], both += std::min(stylus[i], finger[i]);
    EXPECT_GT(both, 0.8f * total);
  }
}

// A "1" (a line) and a "0" (a square loop), as a writer's trajectories would come.
std::vector<real::PenSample> one_and_zero() {
  return {{1, "t:w", {{{0, 0}, {2, 40}}}}, {0, "t:w", {{{0, 0}, {30, 0}, {30, 40}, {0, 40}, {0, 0}}}}};
}

TEST(PenNumbers, DigitsGoLeftToRightOnOneLineAtTheirHeight) {
  const auto samples = one_and_zero();
  const std::vector<const real::PenSample*> number{&samples[1], &samples[0], &samples[1], &samples[1]};
  Rng rng(3, 1, 4);
  const auto strokes = synth::lay_out_number(number, 50, false, rng);
  ASSERT_EQ(strokes.size(), 4u);
  float right_before = -1e9f;
  for (const auto& s : strokes) {
    const synth::Extent e = synth::extent_of({s});
    EXPECT_GT(e.x0, right_before) << "spaced digits do not overlap";
    EXPECT_NEAR(e.height(), 50, 50 * 0.16);
    right_before = e.x1;
  }
  const synth::Extent all = synth::extent_of(strokes);
  EXPECT_LT(all.height(), 50 * 1.4f) << "one line, not a staircase";
}

TEST(PenNumbers, ScansPhotosAndBoxesAreImagesOfTheWholeNumber) {
  const auto samples = one_and_zero();
  const std::vector<const real::PenSample*> number{&samples[0], &samples[1], &samples[0], &samples[1], &samples[0]};
  for (auto look : {synth::NumberLook::kScan, synth::NumberLook::kPhoto, synth::NumberLook::kBoxes}) {
    Rng rng(5, 9, 2);
    const synth::Scene s = synth::written_number(number, look, rng);
    auto img = decode_image(s.file);
    ASSERT_TRUE(img.ok()) << s.traits;
    EXPECT_EQ(img->width, s.width);
    EXPECT_GT(img->width, img->height) << s.traits;  // five digits (three of them a narrow 1) in a row
    // Ink (dark) at both ends of the row: nothing was cut off.
    int first = img->width, last = -1;
    for (int y = 0; y < img->height; ++y)
      for (int x = 0; x < img->width; ++x)
        if (img->at(x, y) < 110) first = std::min(first, x), last = std::max(last, x);
    EXPECT_LT(first, img->width / 5) << s.traits;
    EXPECT_GT(last, img->width * 4 / 5) << s.traits;
    Rng again(5, 9, 2);
    EXPECT_EQ(synth::written_number(number, look, again).file, s.file) << "reproducible by seed";
  }
}

TEST(StringPages, AreReproducibleAndDecodable) {
  SCRAWL_REQUIRE_MNIST();
  synth::PageMaker maker(*mnist);
  for (int k = 0; k < 6; ++k) {
    Rng a(5, uint64_t(k), 17), b(5, uint64_t(k), 17);
    const synth::Page p = maker.make(3 + k, a), q = maker.make(3 + k, b);
    EXPECT_EQ(p.rgb, q.rgb);
    EXPECT_EQ(p.file, q.file);
    ASSERT_EQ(p.text.size(), size_t(3 + k));
    for (char c : p.text) EXPECT_TRUE(c >= '0' && c <= '9');
    ASSERT_EQ(p.rgb.size(), size_t(p.width) * p.height * 3);
    if (!p.file.empty()) {
      auto image = decode_image(p.file);
      ASSERT_TRUE(image.ok()) << image.error().message;
      EXPECT_EQ(image->width, p.width);
      EXPECT_EQ(image->height, p.height);
    }
  }
}

TEST(StringPages, BlankPagesHaveNoText) {
  SCRAWL_REQUIRE_MNIST();
  synth::PageMaker maker(*mnist);
  Rng rng(9);
  const synth::Page p = maker.make(0, rng, 640, 480);
  EXPECT_EQ(p.text, "");
  EXPECT_EQ(p.width, 640);
  EXPECT_EQ(p.height, 480);
}

TEST(StringPages, SayWhoseInkEachPixelIs) {
  SCRAWL_REQUIRE_MNIST();
  synth::PageMaker maker(*mnist);
  for (int k = 0; k < 4; ++k) {
    Rng rng(11, uint64_t(k), 17);
    const synth::Page p = maker.make(4 + k, rng);
    ASSERT_EQ(p.owner.size(), size_t(p.width) * p.height);
    // Every digit owns ink, and its pixels are far darker than the unowned ones in its box
    // (paper, in whatever light falls there).
    std::vector<size_t> count(p.text.size() + 1, 0);
    for (uint8_t o : p.owner) {
      ASSERT_LE(o, p.text.size());
      ++count[o];
    }
    for (size_t d = 1; d <= p.text.size(); ++d) {
      ASSERT_GT(count[d], 20u) << "digit " << d << " of page " << k;
      int x0 = p.width, y0 = p.height, x1 = 0, y1 = 0;
      for (size_t i = 0; i < p.owner.size(); ++i)
        if (p.owner[i] == d) {
          const int x = int(i % size_t(p.width)), y = int(i / size_t(p.width));
          x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
        }
      double ink = 0, paper = 0;
      size_t paper_n = 0;
      for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x) {
          const size_t i = size_t(y) * p.width + x;
          const double dark = 255.0 - p.rgb[i * 3 + 1];
          if (p.owner[i] == d) ink += dark;
          else if (p.owner[i] == 0) paper += dark, ++paper_n;
        }
      EXPECT_GT(ink / double(count[d]), paper / double(std::max<size_t>(1, paper_n)) + 40)
          << "digit " << d << " of page " << k;
    }
    // Left to right, as the text is.
    std::vector<double> mean_x(p.text.size() + 1, 0);
    for (size_t i = 0; i < p.owner.size(); ++i) mean_x[p.owner[i]] += double(i % size_t(p.width));
    for (size_t d = 2; d <= p.text.size(); ++d)
      EXPECT_GT(mean_x[d] / double(count[d]), mean_x[d - 1] / double(count[d - 1])) << "page " << k;
  }
  Rng rng(9);
  const synth::Page blank = maker.make(0, rng);
  EXPECT_EQ(std::count(blank.owner.begin(), blank.owner.end(), 0), long(blank.owner.size()));
}

// What a user's app would hand over: the JPEG, or the pixels as they are.
Result<Reading> read_page(Recognizer& reader, const synth::Page& p) {
  if (!p.file.empty()) return reader.read(p.file);
  const std::vector<uint8_t> rgba = synth::page_rgba(p);
  return reader.read(rgba.data(), p.width, p.height);
}

TEST(StringPages, MostAreReadRight) {
  SCRAWL_REQUIRE_MNIST();
  // A smoke test of the whole chain; the real measure is `scrawl eval --strings`.
  synth::PageMaker maker(*mnist);
  auto reader = Recognizer::from_embedded();
  ASSERT_TRUE(reader.ok());
  int right = 0, blank_ok = 0;
  for (int k = 0; k < 20; ++k) {
    Rng rng(3, uint64_t(k), 17);
    auto r = read_page(**reader, maker.make(5, rng));
    ASSERT_TRUE(r.ok()) << r.error().message;
    Rng again(3, uint64_t(k), 17);
    right += r->text == maker.make(5, again).text;
  }
  for (int k = 0; k < 10; ++k) {
    Rng rng(4, uint64_t(k), 17);
    auto r = read_page(**reader, maker.make(0, rng));
    ASSERT_TRUE(r.ok()) << r.error().message;
    blank_ok += r->digits.empty();
  }
  EXPECT_GE(right, 14) << "of 20 five-digit pages";
  EXPECT_GE(blank_ok, 9) << "of 10 blank pages";
}

}  // namespace
}  // namespace scrawl
