// The marks written among a number's digits (segment/separators.h) and a reading's text with
// them (recognize/reading_text.h).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "recognize/reading_text.h"
#include "segment/separators.h"

namespace scrawl {
namespace {

// Digits 40 px high, their tops at y = 10 (baseline 50), 30 px wide, starting at x = 10, 40 apart.
std::vector<FoundDigit> digits_in_a_row(int n) {
  std::vector<FoundDigit> out(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) out[size_t(i)].box = {10 + 40 * i, 10, 30, 40};
  return out;
}

std::string symbols(const std::vector<Mark>& marks) {
  std::string out;
  for (const Mark& m : marks) out += m.symbol;
  return out;
}

TEST(Separators, APointACommaADashAndAnEqualsSignAreToldApartByShapeAndPlace) {
  const auto digits = digits_in_a_row(4);  // x 10..40, 50..80, 90..120, 130..160
  const std::vector<Box> left_out = {
      {42, 44, 5, 5},    // a point on the baseline between the first two digits
      {83, 44, 4, 10},   // a comma reaching below it between the second and third
      {166, 27, 14, 4},  // a dash at mid-height after the last
  };
  SeparatorFinder finder;
  std::vector<Mark> marks;
  finder.find(digits, left_out, 2, marks);
  EXPECT_EQ(symbols(marks), ".,-");
  for (const Mark& m : marks) EXPECT_EQ(m.line, 2);

  marks.clear();
  const std::vector<Box> two_bars = {{166, 22, 16, 4}, {167, 32, 15, 4}};
  finder.find(digits, two_bars, 0, marks);
  EXPECT_EQ(symbols(marks), "=");
  EXPECT_EQ(marks[0].box.y, 22);
  EXPECT_EQ(marks[0].box.bottom(), 36);
}

TEST(Separators, SpecksAndMarksOutsideTheNumberAreNone) {
  const auto digits = digits_in_a_row(3);
  const std::vector<Box> left_out = {
      {2, 44, 5, 5},     // before the first digit: a stray mark or a currency sign's dot
      {42, 12, 5, 5},    // at the top of the line: no point
      {82, 46, 1, 1},    // a speck of dust
      {42, 26, 18, 18},  // too big for a point, too high for a dash
      {230, 27, 14, 4},  // far beyond the last digit
  };
  SeparatorFinder finder;
  std::vector<Mark> marks;
  finder.find(digits, left_out, 0, marks);
  EXPECT_TRUE(marks.empty()) << symbols(marks);
  // A lone digit has no number to separate.
  finder.find(digits_in_a_row(1), std::vector<Box>{{42, 44, 5, 5}}, 0, marks);
  EXPECT_TRUE(marks.empty());
}

TEST(ReadingText, MarksGoBetweenTheDigitsOfTheirLine) {
  Reading r;
  const int written[] = {3, 9, 7, 5, 0, 0};
  for (int i = 0; i < 6; ++i) {
    ReadDigit d;
    d.digit = written[i];
    d.box = {10 + 40 * i, 10, 30, 40};
    r.digits.push_back(d);
  }
  ReadDigit second_line;
  second_line.digit = 1, second_line.line = 1, second_line.box = {10, 100, 30, 40};
  r.digits.push_back(second_line);
  r.marks = {
      {'.', {42, 44, 5, 5}, 0}, {',', {163, 44, 4, 10}, 0}, {'-', {250, 27, 14, 4}, 0}, {'=', {45, 120, 14, 10}, 1}};
  set_text(r);
  EXPECT_EQ(r.text, "3.975,00- 1=");
  EXPECT_EQ(r.digit_text, "397500 1");
  // A mark inside a digit's box was read as part of that digit.
  r.marks = {{'.', {20, 44, 5, 5}, 0}};
  set_text(r);
  EXPECT_EQ(r.text, "397500 1");
}

}  // namespace
}  // namespace scrawl
