// A number written into a form's printed boxes, one digit to a box, or over a comb: the
// printing is no digit, and the digits are read as written.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "recognize/recognizer.h"
#include "segment/segmenter.h"
#include "support/test_data.h"

namespace scrawl {
namespace {

using testing::stroke;

constexpr int kCell = 70, kCellHigh = 80, kMarginX = 30, kMarginY = 20;

// Paper a little grey, as a scan's is.
GrayImage paper(int cells) { return GrayImage(2 * kMarginX + cells * kCell + 2, 2 * kMarginY + kCellHigh + 2, 236); }

// Draws a line sloping by `slope` rows per column about the image's left edge.
void printed(GrayImage& img, float x0, float y0, float x1, float y1, float slope) {
  stroke(img, x0, y0 + slope * x0, x1, y1 + slope * x1, 2, 50);
}

// The digits of `text` (1, 0 and 7 only, drawn as a pen draws them), one to a cell; those
// marked 'x' in `leaning` lean on the wall on their right (a 7's bar runs on into it).
// Their tops stand at row `top`.
void write(GrayImage& img, const std::string& text, float slope, const std::string& leaning = "",
           float top = kMarginY + 14) {
  for (size_t i = 0; i < text.size(); ++i) {
    const float cx = float(kMarginX) + (float(i) + 0.5f) * kCell, bottom = top + 52;
    const auto pen = [&](float x0, float y0, float x1, float y1) {
      stroke(img, x0, y0 + slope * x0, x1, y1 + slope * x1, 5, 30);
    };
    if (text[i] == '1') pen(cx + 3, top, cx - 3, bottom);
    const bool leans = i < leaning.size() && leaning[i] == 'x';
    if (text[i] == '7') pen(cx - 16, top, leans ? cx + kCell / 2.0f : cx + 16, top), pen(cx + 16, top, cx - 6, bottom);
    if (text[i] == '0')
      for (int s = 0; s < 90; ++s) {
        const float a0 = 6.2831853f * float(s) / 90, a1 = 6.2831853f * float(s + 1) / 90, cy = (top + bottom) / 2;
        const float ox = leans ? cx + kCell / 2.0f - 17 : cx;
        pen(ox + 15 * std::cos(a0), cy + 26 * std::sin(a0), ox + 15 * std::cos(a1), cy + 26 * std::sin(a1));
      }
  }
}

void boxes(GrayImage& img, int cells, float slope) {
  const float x0 = kMarginX, x1 = float(kMarginX + cells * kCell), y0 = kMarginY, y1 = float(kMarginY + kCellHigh);
  printed(img, x0, y0, x1, y0, slope);
  printed(img, x0, y1, x1, y1, slope);
  for (int i = 0; i <= cells; ++i) printed(img, x0 + float(i * kCell), y0, x0 + float(i * kCell), y1, slope);
}

void comb(GrayImage& img, int cells, float slope) {
  const float x0 = kMarginX, x1 = float(kMarginX + cells * kCell), y1 = float(kMarginY + kCellHigh);
  printed(img, x0, y1, x1, y1, slope);
  for (int i = 0; i <= cells; ++i) printed(img, x0 + float(i * kCell), y1 - 24, x0 + float(i * kCell), y1, slope);
}

// Printed boxes of `cells` cells between rows y0 and y1, their rules running from column
// `from` to `to`, the bottom one `bottom_width` thick.
void boxes_at(GrayImage& img, int cells, float y0, float y1, float from, float to, float bottom_width = 2) {
  stroke(img, from, y0, to, y0, 2, 50);
  stroke(img, from, y1, to, y1, bottom_width, 50);
  for (int i = 0; i <= cells; ++i) stroke(img, float(kMarginX + i * kCell), y0, float(kMarginX + i * kCell), y1, 2, 50);
}

// Every candidate looks like a sure digit: the geometry alone decides.
const DigitScorer kSure = [](const Cutout&) { return CandidateScore{0.99f, 1.0f}; };

// The segmenter finds one row of boxes in `img`, and `count` digits.
void expect_boxed_digits(const GrayImage& img, size_t count) {
  Segmenter segmenter;
  const auto found = segmenter.find(img, kSure);
  EXPECT_EQ(segmenter.boxed_fields().size(), 1u);
  EXPECT_EQ(found.size(), count);
}

std::unique_ptr<Recognizer> reader() {
  auto r = Recognizer::from_embedded();
  EXPECT_TRUE(r.ok());
  return r ? std::move(r.value()) : nullptr;
}

TEST(FieldBoxes, ANumberInARowOfBoxesIsReadWithoutTheirWalls) {
  const std::string number = "107701";
  auto r = reader();
  for (const float slope : {0.0f, 0.03f}) {
    GrayImage plain = paper(int(number.size()));
    write(plain, number, slope);
    auto control = r->read(plain);
    ASSERT_TRUE(control.ok());
    ASSERT_EQ(control->text, number) << "without boxes, slope " << slope;

    GrayImage boxed = plain;
    boxes(boxed, int(number.size()), slope);
    auto in_boxes = r->read(boxed);
    ASSERT_TRUE(in_boxes.ok());
    EXPECT_EQ(in_boxes->text, number) << "in boxes, slope " << slope;

    GrayImage combed = plain;
    comb(combed, int(number.size()), slope);
    auto on_comb = r->read(combed);
    ASSERT_TRUE(on_comb.ok());
    EXPECT_EQ(on_comb->text, number) << "over a comb, slope " << slope;
  }
}

// `number` written in a row of boxes, its digits marked 'x' in `leaning` touching the wall on
// their right, is read as written; the row is found as a form's boxes, and each digit's box
// holds the digit alone, not the wall it leans on (80 pixels tall).
void expect_read_without_walls(const std::string& number, const std::string& leaning) {
  auto r = reader();
  for (const float slope : {0.0f, 0.03f}) {
    GrayImage img = paper(int(number.size()));
    write(img, number, slope, leaning);
    boxes(img, int(number.size()), slope);
    auto read = r->read(img);
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read->text, number) << "slope " << slope;
    Segmenter segmenter;
    const auto found = segmenter.find(img, kSure);
    EXPECT_EQ(segmenter.boxed_fields().size(), 1u) << "slope " << slope;
    ASSERT_EQ(found.size(), number.size()) << "slope " << slope;
    for (const FoundDigit& d : found) EXPECT_LT(d.box.h, 66) << "slope " << slope << ", digit at x " << d.box.x;
  }
}

// A wall that a digit touches is no free stroke; the row's free walls leave a gap of two steps
// there, and at that step the wall's thin rows are cleared: the digit is read without it.
TEST(FieldBoxes, ADigitTouchingItsBoxsWallIsReadWithoutIt) { expect_read_without_walls("1077101", "-xx----"); }

// Where digits touch most walls, the few free ones stand several steps apart with no two
// neighbours one step apart (here 3 and 4 steps): the step is found from them all the same.
TEST(FieldBoxes, ARowWhoseDigitsTouchMostWallsIsReadWithoutThem) {
  expect_read_without_walls("70170070", "xx-xxx-x");  // walls 0, 3 and 7 of 0 to 8 stay free
}

// The step the rules' teeth stood at, touched walls among them, places the free walls where
// their own gaps cannot: 3, 3 and 2 steps apart (a chain of the even gaps leaves the last wall
// out), or only two free walls, at the row's ends.
TEST(FieldBoxes, FreeWallsAtUnevenStepsAreFoundFromTheTeeth) {
  expect_read_without_walls("70170171", "xx-xx-x-");  // walls 0, 3, 6 and 8 stay free
  expect_read_without_walls("707071", "xxxxx-");      // walls 0 and 6
}

// A tight crop of a row of boxes: its thin top rule runs across the whole image and is cleared
// as a rule across it before the boxes are looked for; its bottom rule, printed bolder and
// touched by the 7s' stems, is not. The walls hang from where the top rule was: a row of
// boxes still, not a comb's teeth.
TEST(FieldBoxes, BoxesWhoseTopRuleRunsAcrossTheImageAreFound) {
  const std::string number = "777777";
  // (Cropped close above and below: a band of rows that thick is a rule across it no more.)
  GrayImage img(2 * kMarginX + int(number.size()) * kCell + 2, kCellHigh + 17, 236);
  const float y0 = 8, y1 = y0 + kCellHigh;
  write(img, number, 0, "", y1 - 52);
  boxes_at(img, int(number.size()), y0, y1, 0, float(img.width - 1), 4);
  expect_boxed_digits(img, number.size());
}

// A scanned row of boxes cropped tight above, its 7s written up across the top rule, their bars
// along the image's edge: inside the row, ink at the edge is the digits', not the page's edge.
TEST(FieldBoxes, DigitsCrossingTheTopRuleToTheImagesEdgeAreRead) {
  const std::string number = "7070";
  GrayImage img(2 * kMarginX + int(number.size()) * kCell + 2, kCellHigh + 20, 236);
  // A scanner's grain: the paper is not one flat level, as a canvas's is.
  for (size_t i = 0; i < img.pixels.size(); ++i) img.pixels[i] = uint8_t(232 + (uint32_t(i) * 2654435761u >> 27) % 9);
  write(img, "-0-0", 0, "", 30);
  write(img, "7-7-", 0, "", 2);
  boxes_at(img, int(number.size()), 8, 8 + kCellHigh + 8, kMarginX, float(kMarginX + int(number.size()) * kCell));
  expect_boxed_digits(img, number.size());
}

// In a row of boxes each box holds one digit: a 0 written as two arcs that do not meet, apart
// by more than the pieces of one digit usually are, is one digit, where every cut-out would
// read as surely as a whole digit.
TEST(FieldBoxes, TheArcsOfAnOpenZeroInABoxAreOneDigit) {
  const int cells = 4;
  GrayImage img = paper(cells);
  for (int i = 0; i < cells; ++i) {
    const float cx = float(kMarginX) + (float(i) + 0.5f) * kCell, cy = float(kMarginY) + 40;
    for (const float from : {120.0f, -60.0f})
      for (int s = 0; s < 30; ++s) {
        const float a0 = (from + 4.0f * float(s)) * 0.0174533f, a1 = (from + 4.0f * float(s + 1)) * 0.0174533f;
        stroke(img, cx + 16 * std::cos(a0), cy + 26 * std::sin(a0), cx + 16 * std::cos(a1), cy + 26 * std::sin(a1), 5,
               30);
      }
  }
  Segmenter control;
  EXPECT_EQ(control.find(img, kSure).size(), size_t(2 * cells)) << "without boxes, each arc reads as a digit";
  boxes(img, cells, 0);
  Segmenter segmenter;
  const auto found = segmenter.find(img, kSure);
  EXPECT_EQ(segmenter.boxed_fields().size(), 1u);
  EXPECT_EQ(found.size(), size_t(cells));
}

// What was cleared of a row of boxes is the printing, not the digits: the line model rereads
// the row with it painted over, where no wall is left to read as a 1.
TEST(FieldBoxes, ThePrintingClearedIsTheRulesAndWallsAlone) {
  const std::string number = "107701";
  GrayImage img = paper(int(number.size()));
  write(img, number, 0);
  boxes(img, int(number.size()), 0);
  Segmenter segmenter;
  ASSERT_EQ(segmenter.find(img, kSure).size(), number.size());
  ASSERT_TRUE(segmenter.printing_cleared());
  const int wall = kMarginX + 2 * kCell, mid = kMarginY + kCellHigh / 2;
  EXPECT_TRUE(segmenter.printing_cleared_at(wall, mid)) << "a wall";
  EXPECT_TRUE(segmenter.printing_cleared_at(kMarginX + kCell / 2 + 25, kMarginY)) << "the top rule";
  EXPECT_TRUE(segmenter.printing_cleared_at(kMarginX + 3 * kCell + 5, kMarginY + kCellHigh)) << "the bottom rule";
  const int one = kMarginX + kCell / 2, one_mid = kMarginY + 14 + 26;
  EXPECT_LT(img.at(one, one_mid), 128) << "the 1 drawn there";
  EXPECT_FALSE(segmenter.printing_cleared_at(one, one_mid)) << "the 1";
  int cleared = 0;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) cleared += segmenter.printing_cleared_at(x, y);
  EXPECT_LT(cleared, img.width * img.height / 10);

  GrayImage plain = paper(int(number.size()));
  write(plain, number, 0);
  segmenter.find(plain, kSure);
  EXPECT_FALSE(segmenter.printing_cleared()) << "no boxes";
}

// The rules are cleared only where walls or teeth stand on them: a row of 1s written on a
// ruled line, standing on it at even steps, is taller than a comb's teeth and stays a number.
TEST(FieldBoxes, OnesStandingOnARuledLineAreNoComb) {
  GrayImage img = paper(5);
  const float y1 = float(kMarginY + kCellHigh);
  stroke(img, 0, y1, float(img.width - 1), y1, 2, 90);
  for (int i = 0; i < 5; ++i) {
    const float cx = float(kMarginX) + (float(i) + 0.5f) * kCell;
    stroke(img, cx, y1 - 60, cx, y1, 6, 25);
  }
  Segmenter segmenter;
  EXPECT_EQ(segmenter.find(img, kSure).size(), 5u);
  EXPECT_TRUE(segmenter.boxed_fields().empty());
}

}  // namespace
}  // namespace scrawl
