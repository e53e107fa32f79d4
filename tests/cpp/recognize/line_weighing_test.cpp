// Which reading of a line stands where the cut reader and the line model read as many digits
// but not the same ones.
#include "recognize/line_weighing.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <vector>

namespace scrawl {
namespace {

// Cut digits as the digit model read them: `text`'s digits, each sure of itself (0.99) unless
// `doubts` gives it other probabilities.
std::vector<ReadDigit> cut_digits(const std::string& text, const std::map<size_t, std::map<int, float>>& doubts) {
  std::vector<ReadDigit> out;
  for (size_t i = 0; i < text.size(); ++i) {
    ReadDigit d;
    d.digit = text[i] - '0';
    d.probs.fill(0.001f);
    d.probs[size_t(d.digit)] = 0.99f;
    if (auto it = doubts.find(i); it != doubts.end())
      for (auto [digit, p] : it->second) d.probs[size_t(digit)] = p;
    d.confidence = d.probs[size_t(d.digit)];
    out.push_back(d);
  }
  return out;
}

// A line model that finds the readings listed this probable, and any other impossible.
std::function<double(std::string_view)> line_model(std::map<std::string, double> probable) {
  return [probable](std::string_view text) {
    auto it = probable.find(std::string(text));
    return it == probable.end() ? -std::numeric_limits<double>::infinity() : std::log(it->second);
  };
}

// A scanned "529202227" whose 9 and middle 2 touch their neighbours: the cuts read it right,
// each cut-out surely; the line model, doubting those two, read "528202727".
TEST(LineWeighing, ADigitTheDigitModelIsSureOfStandsWhereTheLineModelDoubtsIt) {
  const auto digits = cut_digits("529202227", {{2, {{9, 0.97f}, {8, 0.02f}}}, {6, {{2, 0.99f}, {7, 0.005f}}}});
  const auto model =
      line_model({{"528202727", 0.378}, {"529202227", 0.00226}, {"529202727", 0.05}, {"528202227", 0.02}});
  LineWeighing weighing;
  EXPECT_EQ(weigh_same_length("529202227", "528202727", digits, weighing, model), "529202227");
  // The line model alone would have taken its own reading.
  weighing.digit_weight = 0;
  EXPECT_EQ(weigh_same_length("529202227", "528202727", digits, weighing, model), "528202727");
}

// The cuts doubt their third digit (an 8 or a 0) and are sure of a 5 the line model read as a
// 3: the reading that stands takes the 5 from the cuts and the 0 from the line model.
TEST(LineWeighing, EachDigitComesFromWhicheverReadsItBetter) {
  const auto digits = cut_digits("2580", {{2, {{8, 0.55f}, {0, 0.45f}}}, {1, {{5, 0.99f}, {3, 0.005f}}}});
  const auto model = line_model({{"2300", 0.5}, {"2500", 0.3}, {"2380", 0.001}, {"2580", 0.0005}});
  EXPECT_EQ(weigh_same_length("2580", "2300", digits, LineWeighing{}, model), "2500");
  // Where the digit model doubts its 5 as much, the line model's reading stands whole.
  const auto unsure = cut_digits("2580", {{2, {{8, 0.55f}, {0, 0.45f}}}, {1, {{5, 0.5f}, {3, 0.5f}}}});
  EXPECT_EQ(weigh_same_length("2580", "2300", unsure, LineWeighing{}, model), "2300");
}

TEST(LineWeighing, ManyDifferencesWeighTheTwoReadingsAloneAndUnequalLengthsKeepTheCuts) {
  // Five digits differ: no mix is weighed, though one would weigh most.
  std::map<size_t, std::map<int, float>> doubted;
  for (size_t i = 0; i < 5; ++i) doubted[i] = {{1, 0.5f}, {7, 0.4f}};
  const auto digits = cut_digits("11111", doubted);
  const auto model = line_model({{"77777", 0.9}, {"11111", 1e-9}, {"71111", 0.99}});
  EXPECT_EQ(weigh_same_length("11111", "77777", digits, LineWeighing{}, model), "77777");
  EXPECT_EQ(weigh_same_length("1111", "77777", cut_digits("1111", {}), LineWeighing{}, model), "1111");
  EXPECT_EQ(weigh_same_length("11111", "11111", digits, LineWeighing{}, model), "11111");
}

}  // namespace
}  // namespace scrawl
