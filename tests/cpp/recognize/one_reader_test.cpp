// The one reader on what people draw: single digits on a canvas go through the same page
// reader as photos, and come out as one digit.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "recognize/enclosed_paper.h"
#include "recognize/recognizer.h"
#include "segment/segmenter.h"
#include "support/test_data.h"
#include "synth/ink_crop.h"

namespace scrawl {
namespace {

using testing::stroke;

std::unique_ptr<Recognizer> reader() {
  auto r = Recognizer::from_embedded();
  EXPECT_TRUE(r.ok());
  return r ? std::move(r.value()) : nullptr;
}

void loop(GrayImage& img, float cx, float cy, float rx, float ry, float width) {
  for (int s = 0; s < 120; ++s) {
    const float a0 = 6.2831853f * s / 120, a1 = 6.2831853f * (s + 1) / 120;
    stroke(img, cx + rx * std::cos(a0), cy + ry * std::sin(a0), cx + rx * std::cos(a1), cy + ry * std::sin(a1), width,
           0);
  }
}

// An 8 drawn as two loops that do not quite meet: the lines' reading sees two 0s on two lines;
// read as one digit it is an 8.
TEST(OneReader, AnEightWhoseLoopsDoNotMeetIsOneDigit) {
  GrayImage img(280, 280, 255);
  loop(img, 140, 80, 45, 48, 14);
  loop(img, 140, 196, 55, 58, 14);
  auto r = reader()->read(img);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "8");
  EXPECT_EQ(r->lines, 1);
}

// Bold black strokes filling a white canvas are ink, not paper (the gaps between strokes
// must not be taken for light strokes).
TEST(OneReader, ABoldDigitFillingTheCanvasIsRead) {
  GrayImage img(280, 280, 255);
  loop(img, 140, 140, 80, 110, 26);
  auto r = reader()->recognize_gray(img);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->digit, 0);
  EXPECT_GT(r->box.h, 200);
}

// A digit drawn near the canvas's edge is a digit, not the table around a photographed page.
TEST(OneReader, ADigitNearTheCanvasEdgeIsRead) {
  GrayImage img(280, 280, 255);
  loop(img, 200, 236, 26, 38, 6);
  auto r = reader()->recognize_gray(img);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->digit, 0);
}

// On a photo (uneven paper, not a flat canvas) a 7 whose bar runs a few pixels below the top
// edge is a digit written close to it, not the table reaching into the frame.
TEST(OneReader, ADigitCloseToAPhotosEdgeIsRead) {
  GrayImage img(400, 500, 0);
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x)
      img.at(x, y) = uint8_t(170 + 60 * x / img.width + 10 * ((x * 7 + y * 13) % 5) / 4);
  stroke(img, 140, 14, 260, 14, 16, 40);
  stroke(img, 260, 14, 180, 300, 16, 40);
  auto r = reader()->recognize_gray(img);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->digit, 7);
}

// A cheque's amount cropped tight: the printed line under the field runs along the crop's
// bottom edge and the digits stand on it. The line is cleared; the digits are not taken for
// something reaching in from beyond the frame.
TEST(OneReader, DigitsStandingOnALineAlongTheCropsEdgeAreRead) {
  GrayImage img(240, 80, 0);
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x)
      img.at(x, y) = uint8_t(170 + 60 * x / img.width + 12 * ((x * 7 + y * 13) % 5) / 4);
  stroke(img, 0, 78, 200, 78, 2, 60);    // the printed line, along the bottom edge from the left
  stroke(img, 40, 12, 40, 78, 6, 30);    // 1
  loop(img, 100, 45, 22, 32, 6);         // 0, down to the line
  stroke(img, 150, 14, 196, 14, 6, 30);  // 7
  stroke(img, 196, 14, 166, 78, 6, 30);
  auto r = reader()->read(img);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->text, "107");
}

// The image cut to its ink's box with `margin` pixels of paper around it.
GrayImage crop_to_ink(const GrayImage& img, int margin) {
  int x0 = img.width, y0 = img.height, x1 = -1, y1 = -1;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x)
      if (img.at(x, y) < 128) x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
  x0 = std::max(0, x0 - margin), y0 = std::max(0, y0 - margin);
  x1 = std::min(img.width - 1, x1 + margin), y1 = std::min(img.height - 1, y1 + margin);
  GrayImage out(x1 - x0 + 1, y1 - y0 + 1);
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) out.at(x, y) = img.at(x + x0, y + y0);
  return out;
}

// A digit cut from a scan to its ink (a form's digits as some scanners' software saves them,
// a tight 28×28 crop): its strokes run along the image's edges, and they are not a frame, a
// page's edge or the table cut off by the frame.
TEST(OneReader, ADigitCutToItsInkIsRead) {
  auto r = reader();
  for (int margin : {0, 1}) {
    GrayImage zero(120, 120, 255);
    loop(zero, 60, 60, 14, 20, 4);
    GrayImage one(120, 120, 255);
    stroke(one, 54, 44, 64, 38, 4, 0);
    stroke(one, 64, 38, 64, 82, 4, 0);
    GrayImage seven(120, 120, 255);
    stroke(seven, 44, 40, 76, 40, 4, 0);
    stroke(seven, 76, 40, 56, 82, 4, 0);
    for (auto [img, want] : {std::pair{&zero, "0"}, std::pair{&one, "1"}, std::pair{&seven, "7"}}) {
      const GrayImage crop = crop_to_ink(*img, margin);
      auto reading = r->read(crop);
      ASSERT_TRUE(reading.ok()) << reading.error().message;
      EXPECT_EQ(reading->text, want) << crop.width << "x" << crop.height << ", margin " << margin;
      if (!reading->digits.empty()) {
        const Box& b = reading->digits[0].box;
        EXPECT_TRUE(b.x >= 0 && b.y >= 0 && b.right() <= crop.width && b.bottom() <= crop.height)
            << "the box is in the crop";
      }
    }
  }
}

// A digit drawn at four times 28×28, then each 4×4 block's mean: a scan's soft, thin strokes.
template <class Draw>
std::vector<uint8_t> scanned(const Draw& draw) {
  GrayImage big(112, 112, 255);
  draw(big);
  std::vector<uint8_t> small(28 * 28);
  for (int y = 0; y < 28; ++y)
    for (int x = 0; x < 28; ++x) {
      int sum = 0;
      for (int dy = 0; dy < 4; ++dy)
        for (int dx = 0; dx < 4; ++dx) sum += big.at(4 * x + dx, 4 * y + dy);
      small[size_t(y) * 28 + x] = uint8_t(sum / 16);
    }
  return small;
}

// A digit scanned at 28×28 and cut to its ink by other scanners' software: a dozen pixels of
// strokes about one pixel thin, broken by a scanner's threshold, or stretched to fill 16×16.
// Read at that size, every stage's smoothing and its sizes of specks and strokes take it
// apart; a crop that small is also read enlarged.
TEST(OneReader, ASmallScanCutToItsInkIsRead) {
  auto r = reader();
  const auto two = scanned([](GrayImage& g) {
    stroke(g, 36, 34, 56, 22, 5, 0);
    stroke(g, 56, 22, 74, 36, 5, 0);
    stroke(g, 74, 36, 38, 88, 5, 0);
    stroke(g, 38, 88, 80, 88, 5, 0);
  });
  const auto zero = scanned([](GrayImage& g) { loop(g, 56, 56, 18, 30, 5); });
  const auto three = scanned([](GrayImage& g) {
    // Two bumps: arcs from angle a0 to a1 (degrees, y down) around the centres.
    const auto arc = [&g](float cx, float cy, float rx, float ry, float a0, float a1) {
      for (int s = 0; s < 40; ++s) {
        const float t0 = (a0 + (a1 - a0) * float(s) / 40) * 0.0174533f,
                    t1 = (a0 + (a1 - a0) * float(s + 1) / 40) * 0.0174533f;
        stroke(g, cx + rx * std::cos(t0), cy + ry * std::sin(t0), cx + rx * std::cos(t1), cy + ry * std::sin(t1), 5, 0);
      }
    };
    arc(56, 38, 17, 15, -160, 90);
    arc(56, 70, 19, 18, -90, 150);
  });
  for (auto style : {synth::CropStyle::kGrey, synth::CropStyle::kBlackAndWhite, synth::CropStyle::kFilled})
    for (auto [digit, want] : {std::pair{&two, "2"}, std::pair{&zero, "0"}, std::pair{&three, "3"}}) {
      const GrayImage crop = synth::cut_to_ink(digit->data(), synth::standard_crop_look(style));
      auto reading = r->read(crop);
      ASSERT_TRUE(reading.ok()) << reading.error().message;
      EXPECT_EQ(reading->text, want) << synth::crop_style_name(style) << ", " << crop.width << "x" << crop.height;
      if (!reading->digits.empty()) {
        const Box& b = reading->digits[0].box;
        EXPECT_TRUE(b.x >= 0 && b.y >= 0 && b.w > 0 && b.h > 0 && b.right() <= crop.width && b.bottom() <= crop.height)
            << "the box is in the crop";
      }
    }
}

// A thin-penned digit scanned small and cut to its ink in black and white: the scanner's
// threshold leaves its strokes a pixel thin and broken into dots and dashes that stay apart
// enlarged too. Made a pixel bolder, they join into the digit.
TEST(OneReader, AThinBlackAndWhiteCropBrokenIntoDotsIsRead) {
  auto r = reader();
  // 0s of 24 sizes and pen widths, each a dozen to sixteen pixels tall when cut; most are broken
  // into pieces. Read only enlarged, 5 of them were a 0; made bolder too, 11.
  int zeros = 0;
  for (float width : {1.9f, 2.0f, 2.1f})
    for (float rx : {16.0f, 18.0f, 20.0f, 22.0f})
      for (float ry : {28.0f, 32.0f}) {
        const auto zero = scanned([&](GrayImage& g) { loop(g, 56, 56, rx, ry, width); });
        const GrayImage crop =
            synth::cut_to_ink(zero.data(), synth::standard_crop_look(synth::CropStyle::kBlackAndWhite));
        auto reading = r->read(crop);
        ASSERT_TRUE(reading.ok()) << reading.error().message;
        EXPECT_LE(reading->digits.size(), 1u) << crop.width << "x" << crop.height;
        zeros += reading->text == "0";
        for (const auto& d : reading->digits)
          EXPECT_TRUE(d.box.x >= 0 && d.box.y >= 0 && d.box.w > 0 && d.box.h > 0 && d.box.right() <= crop.width &&
                      d.box.bottom() <= crop.height)
              << "the box is in the crop";
      }
  EXPECT_GE(zeros, 10);
}

// A page of thousands of small marks (noise, texture, bars) would cost seconds of model runs
// and give thousands of "1"s: it is refused in words, and a page of a few hundred is still read.
TEST(OneReader, APageOfThousandsOfMarksIsRefusedInWords) {
  GrayImage many(1200, 1000, 255);
  for (int gy = 0; gy < 50; ++gy)
    for (int gx = 0; gx < 70; ++gx) stroke(many, gx * 17 + 5.0f, gy * 20 + 3.0f, gx * 17 + 5.0f, gy * 20 + 16.0f, 3, 0);
  auto r = reader()->read(many);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTooManyMarks);
  EXPECT_NE(r.error().message.find("more than any page of handwritten numbers"), std::string::npos)
      << r.error().message;

  GrayImage few(1200, 1000, 255);
  for (int gy = 0; gy < 10; ++gy)
    for (int gx = 0; gx < 30; ++gx) stroke(few, gx * 38 + 5.0f, gy * 96 + 3.0f, gx * 38 + 5.0f, gy * 96 + 30.0f, 4, 0);
  auto ok = reader()->read(few);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_GT(ok->digits.size(), 250u);
}

// A felt-tip 8 filling a photo, its strokes over a tenth of the photo wide (bolder than the paper
// estimate's widest): shading is not ink, and neither is the inside of a bold stroke paper.
TEST(OneReader, AFeltTipDigitFillingAPhotoIsRead) {
  GrayImage img(400, 500, 0);
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) img.at(x, y) = uint8_t(150 + 70 * (x + y) / (img.width + img.height));
  loop(img, 200, 150, 70, 75, 58);
  loop(img, 200, 330, 85, 95, 58);
  auto r = reader()->recognize_gray(img);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->digit, 8);
}

// A felt-tip 8 photographed beside a hand's shadow: the paper inside its small loops is thin
// light structure, as a chalk stroke on a board would be. The page is still dark ink on light
// paper, not turned over (which read it as nothing).
TEST(OneReader, AFeltTipDigitWithSmallLoopsBesideAShadowIsDarkInk) {
  GrayImage img(800, 1000, 0);
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) {
      const float past_edge = float(x + y - 1100) / 60.0f;  // the shadow's soft edge, diagonal
      img.at(x, y) = uint8_t(215 - 65 * std::clamp(past_edge + 0.5f, 0.0f, 1.0f) + 6 * ((x * 7 + y * 13) % 5) / 4);
    }
  loop(img, 400, 330, 48, 60, 62);
  loop(img, 400, 540, 62, 80, 62);
  auto r = reader()->recognize_gray(img);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->digit, 8);
}

// A sun (a disc with rays around it) reads line by line as "111", "0", "111"; short lines
// stacked on each other are one drawing, not numbers. Two numbers written on lines of their
// own, with space between, are still read.
TEST(OneReader, ASunIsNoNumberButTwoLinesOfDigitsAre) {
  GrayImage sun(300, 300, 255);
  loop(sun, 150, 150, 38, 38, 7);
  for (int i = 0; i < 8; ++i) {
    const float a = 6.2831853f * float(i) / 8, c = std::cos(a), s = std::sin(a);
    stroke(sun, 150 + 58 * c, 150 + 58 * s, 150 + 105 * c, 150 + 105 * s, 7, 0);
  }
  auto r = reader()->read(sun);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->digits.empty()) << r->text;
  // Turned a little, its rays off the axes: it was read "11 105 11" while each line had to rest
  // on the one before it, not on any of the others.
  GrayImage turned(300, 300, 255);
  loop(turned, 150, 150, 38, 38, 7);
  for (int i = 0; i < 8; ++i) {
    const float a = 0.39f + 6.2831853f * float(i) / 8, c = std::cos(a), s = std::sin(a);
    stroke(turned, 150 + 50 * c, 150 + 50 * s, 150 + 95 * c, 150 + 95 * s, 7, 0);
  }
  auto t = reader()->read(turned);
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_TRUE(t->digits.empty()) << t->text;

  GrayImage lines(400, 400, 255);
  loop(lines, 120, 90, 35, 55, 8);         // 0
  stroke(lines, 250, 40, 250, 145, 8, 0);  // 1
  stroke(lines, 90, 255, 160, 255, 8, 0);  // 7
  stroke(lines, 160, 255, 110, 360, 8, 0);
  stroke(lines, 260, 250, 260, 360, 8, 0);  // 1
  auto two = reader()->read(lines);
  ASSERT_TRUE(two.ok()) << two.error().message;
  EXPECT_EQ(two->text, "01 71");
}

// Many people cross their 0s; the one-digit check has seen few, and
// doubts them where the digit model is certain. A smiley's ring is a certain 0 too, but it holds
// a face in pieces apart from it, and stays no digit.
// The paper a digit's ink encloses: all inside a ring, none beside a stroke, a few pixels in a
// loop where the pen turned.
TEST(EnclosedPaper, IsThePaperNoPathOfPaperJoinsToTheBorder) {
  DigitPixels ring{}, stroke{}, looped_seven{};
  for (int y = 0; y < kDigitSide; ++y)
    for (int x = 0; x < kDigitSide; ++x) {
      const float r = std::hypot(float(x) - 13.5f, float(y) - 13.5f);
      ring[size_t(y * kDigitSide + x)] = r >= 7 && r < 9 ? 1.0f : 0.0f;
      stroke[size_t(y * kDigitSide + x)] = x >= 13 && x < 15 && y >= 4 && y < 24 ? 1.0f : 0.0f;
    }
  int inside = 0;
  for (int y = 0; y < kDigitSide; ++y)
    for (int x = 0; x < kDigitSide; ++x) inside += std::hypot(float(x) - 13.5f, float(y) - 13.5f) < 7;
  EXPECT_EQ(enclosed_paper(ring), inside);
  EXPECT_EQ(enclosed_paper(stroke), 0);
  // A 7 with a 3×3 loop at its corner.
  for (int x = 6; x < 22; ++x) looped_seven[size_t(6 * kDigitSide + x)] = 1;
  for (int y = 6; y < 24; ++y) looped_seven[size_t(y * kDigitSide + 21 - (y - 6) / 2)] = 1;
  for (int k = 2; k < 7; ++k) looped_seven[size_t(2 * kDigitSide + k)] = looped_seven[size_t(k * kDigitSide + 2)] = 1;
  for (int k = 2; k < 7; ++k) looped_seven[size_t(6 * kDigitSide + k)] = looped_seven[size_t(k * kDigitSide + 6)] = 1;
  EXPECT_EQ(enclosed_paper(looped_seven), 9);
  EXPECT_FALSE(shape_rules_out(7, looped_seven));
  EXPECT_TRUE(shape_rules_out(1, ring));
  EXPECT_FALSE(shape_rules_out(0, ring));
}

// A triangle's outline, drawn at several sizes and strokes, is no digit, or an unsure one: read
// whole, the digit model took most of them for a sure 1, and the line model for "11".
TEST(OneReader, ATriangleIsNoSureDigit) {
  auto r = reader();
  for (int side : {60, 100, 200})
    for (float stroke_share : {0.02f, 0.04f, 0.06f}) {
      GrayImage img(side, side, 255);
      const float s = float(side), w = std::max(2.0f, stroke_share * s);
      stroke(img, 0.5f * s, 0.15f * s, 0.85f * s, 0.85f * s, w, 0);
      stroke(img, 0.85f * s, 0.85f * s, 0.15f * s, 0.85f * s, w, 0);
      stroke(img, 0.15f * s, 0.85f * s, 0.5f * s, 0.15f * s, w, 0);
      auto reading = r->read(img);
      ASSERT_TRUE(reading.ok()) << reading.error().message;
      for (const ReadDigit& d : reading->digits)
        EXPECT_TRUE(d.unsure) << side << " px, stroke " << w << ": read '" << reading->text << "'";
    }
}

TEST(OneReader, ACrossedZeroIsReadAndASmileyIsNot) {
  GrayImage slashed(280, 280, 255);
  loop(slashed, 140, 140, 55, 85, 9);
  stroke(slashed, 80, 240, 200, 40, 9, 0);
  auto zero = reader()->read(slashed);
  ASSERT_TRUE(zero.ok()) << zero.error().message;
  EXPECT_EQ(zero->text, "0");
  GrayImage smiley(280, 280, 255);
  loop(smiley, 140, 140, 100, 100, 9);
  loop(smiley, 105, 110, 8, 8, 9);
  loop(smiley, 175, 110, 8, 8, 9);
  for (int s = 0; s < 20; ++s) {
    const float a0 = 0.5f + 2.14f * float(s) / 20, a1 = 0.5f + 2.14f * float(s + 1) / 20;
    stroke(smiley, 140 + 55 * std::cos(a0), 140 + 55 * std::sin(a0), 140 + 55 * std::cos(a1), 140 + 55 * std::sin(a1),
           9, 0);
  }
  auto r = reader()->read(smiley);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->digits.empty()) << r->text;
}

// recognize() is read()'s digit: the same digit, box, probabilities and input.
TEST(OneReader, RecognizeIsTheDigitOfTheReading) {
  auto rec = reader();
  const GrayImage seven = testing::drawn_seven();
  auto reading = rec->read(seven);
  auto one = rec->recognize_gray(seven);
  ASSERT_TRUE(reading.ok() && one.ok());
  ASSERT_EQ(reading->digits.size(), 1u);
  const ReadDigit& d = reading->digits[0];
  EXPECT_EQ(one->digit, 7);
  EXPECT_EQ(d.digit, one->digit);
  EXPECT_EQ(d.box.x, one->box.x);
  EXPECT_EQ(d.box.w, one->box.w);
  EXPECT_EQ(d.probs, one->probs);
  EXPECT_EQ(d.input, one->input);
  // No digit is an error for recognize() and an empty reading for read().
  auto blank = rec->recognize_gray(GrayImage(200, 200, 255));
  ASSERT_FALSE(blank.ok());
  EXPECT_EQ(blank.error().code, ErrorCode::kNoDigit);
  auto empty = rec->read(GrayImage(200, 200, 255));
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->digits.empty());
}

// Three 1s apart, on two lines, stay three digits however sure the scorer is of the whole.
TEST(OneReader, DigitsFarApartAreNotOneDigit) {
  GrayImage page(500, 420, 250);
  stroke(page, 100, 40, 100, 140, 10, 0);
  stroke(page, 220, 50, 220, 150, 10, 0);
  stroke(page, 160, 260, 160, 360, 10, 0);
  Segmenter seg;
  const DigitScorer sure = [](const Cutout&) { return CandidateScore{0.99f, 1.0f}; };
  EXPECT_EQ(seg.find(page, sure).size(), 3u);
}

// A number's point and the dash after it are kept as what they are, never read as 1s, and the
// amount is read from them. The point is a solid blob, which the reader drops as a stain where
// it is not small beside the writing.
TEST(OneReader, APointAndADashAmongTheDigitsAreKeptAsWritten) {
  GrayImage img(420, 140, 255);
  stroke(img, 40, 30, 40, 110, 8, 0);      // 1
  loop(img, 100, 70, 25, 40, 8);           // 0
  stroke(img, 146, 104, 150, 104, 10, 0);  // a point: solid, as a pen leaves it, yet no stain
  stroke(img, 185, 30, 235, 30, 8, 0);     // 7
  stroke(img, 235, 30, 200, 110, 8, 0);
  loop(img, 285, 70, 25, 40, 8);        // 0
  stroke(img, 340, 72, 372, 72, 8, 0);  // a dash
  auto r = reader()->read(img);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->digit_text, "1070");
  EXPECT_EQ(r->text, "10.70-");
  ASSERT_EQ(r->marks.size(), 2u);
  EXPECT_EQ(r->marks[0].symbol, '.');
  EXPECT_NEAR(r->marks[0].box.x + r->marks[0].box.w / 2, 148, 3);
  EXPECT_EQ(r->marks[1].symbol, '-');
}

}  // namespace
}  // namespace scrawl
