// The MNIST measurements of `scrawl eval --mnist` (evaluate/mnist_eval.h) and its robustness
// rows (evaluate/robustness_eval.h): what is counted where, on blank images without the data
// and on a few test digits with it.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "evaluate/mnist_eval.h"
#include "evaluate/robustness_eval.h"
#include "evaluate/user_transforms.h"
#include "support/test_data.h"

namespace scrawl {
namespace {

DigitSet blank_digits(size_t n) {
  DigitSet set;
  set.images.assign(n * 784, 0);
  set.labels.assign(n, 7);
  return set;
}

TEST(MnistEval, ABlankImageIsRejectedAndCountedWrong) {
  auto rec = Recognizer::from_embedded();
  ASSERT_TRUE(rec.ok());
  const MnistEvaluation e = evaluate_mnist(**rec, blank_digits(3));
  EXPECT_EQ(e.count, 3u);
  EXPECT_EQ(e.rejected, 3u);
  EXPECT_EQ(e.correct, 0u);
  EXPECT_EQ(e.wrong, (std::vector<size_t>{0, 1, 2}));
  EXPECT_EQ(std::accumulate(e.bin_count.begin(), e.bin_count.end(), 0), 0);
  EXPECT_DOUBLE_EQ(e.ece, 0.0);
  EXPECT_DOUBLE_EQ(e.accuracy(), 0.0);
}

TEST(MnistEval, ConfusionMatrixHasAHeaderAndARowPerTrueDigit) {
  MnistEvaluation e;
  e.confusion[3][5] = 12;
  e.confusion[9][9] = 1000;
  const std::string text = format_confusion(e);
  EXPECT_EQ(text.substr(0, text.find('\n')), "true\\pred     0     1     2     3     4     5     6     7     8     9");
  EXPECT_NE(text.find("\n        3     0     0     0     0     0    12     0     0     0     0\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("\n        9     0     0     0     0     0     0     0     0     0  1000\n"), std::string::npos)
      << text;
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 11);
}

TEST(MnistEval, TalliesAreConsistentOnTestDigits) {
  SCRAWL_REQUIRE_MNIST();
  auto rec = Recognizer::from_embedded();
  ASSERT_TRUE(rec.ok());
  const MnistEvaluation e = evaluate_mnist(**rec, slice(*mnist, 0, 200));
  EXPECT_EQ(e.count, 200u);
  EXPECT_GE(e.correct, 190u);
  EXPECT_EQ(e.wrong.size(), e.count - e.correct);
  int in_matrix = 0;
  for (const auto& row : e.confusion) in_matrix += std::accumulate(row.begin(), row.end(), 0);
  EXPECT_EQ(size_t(in_matrix), e.count - e.rejected);
  EXPECT_EQ(size_t(std::accumulate(e.bin_count.begin(), e.bin_count.end(), 0)), e.count - e.rejected);
  EXPECT_GE(e.ece, 0.0);
  EXPECT_LT(e.ece, 0.1);
  EXPECT_LE(e.unsure_wrong, e.unsure);
}

TEST(MnistEval, OnTwoThreadsEveryDigitIsCountedAsOnOne) {
  // Drawn digits where MNIST is absent: a blank image (rejected) among strokes of every kind.
  DigitSet set = blank_digits(600);
  for (size_t i = 0; i < set.size(); ++i) {
    set.labels[i] = uint8_t(i % 10);
    if (i % 7 == 0) continue;
    uint8_t* px = set.images.data() + i * 784;
    const int x0 = 6 + int(i % 5) * 3, len = 8 + int(i % 9);
    for (int y = 5; y < 5 + len; ++y)
      for (int x = x0; x < x0 + 2 + int(i % 3); ++x) px[y * 28 + x] = 255;
    for (int x = 8; x < 8 + int(i % 11); ++x) px[(10 + int(i % 6)) * 28 + x] = 255;
  }
  auto rec = Recognizer::from_embedded();
  ASSERT_TRUE(rec.ok());
  const MnistEvaluation one = evaluate_mnist(**rec, set);
  auto two = evaluate_mnist([] { return Recognizer::from_embedded(); }, set, 2);
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(two->count, one.count);
  EXPECT_EQ(two->correct, one.correct);
  EXPECT_EQ(two->rejected, one.rejected);
  EXPECT_GT(one.rejected, 0u);
  EXPECT_EQ(two->unsure, one.unsure);
  EXPECT_EQ(two->wrong, one.wrong);
  EXPECT_EQ(two->confusion, one.confusion);
  EXPECT_EQ(two->bin_count, one.bin_count);
  EXPECT_DOUBLE_EQ(two->ece, one.ece);
  // A reader that cannot be made is an error, not an empty evaluation.
  auto broken = evaluate_mnist(
      []() -> Result<std::unique_ptr<Recognizer>> { return make_error(ErrorCode::kBadWeights, "no model here"); }, set,
      2);
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().message, "no model here");
}

TEST(RobustnessEval, OneRowPerTransformOverTheFirstDigits) {
  auto rec = Recognizer::from_embedded();
  ASSERT_TRUE(rec.ok());
  static int rows_reported;
  rows_reported = 0;
  const auto rows = evaluate_robustness(**rec, blank_digits(5), 2, [](const RobustnessRow&) { ++rows_reported; });
  ASSERT_EQ(rows.size(), user_transforms().size());
  EXPECT_EQ(rows_reported, int(rows.size()));
  for (size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].name, user_transforms()[i].name);
    EXPECT_EQ(rows[i].count, 2u);
    EXPECT_EQ(rows[i].correct, 0u) << rows[i].name;  // no 7 on a blank page
  }
}

TEST(RobustnessEval, TheTestDigitsMostlySurviveEveryTransform) {
  SCRAWL_REQUIRE_MNIST();
  auto rec = Recognizer::from_embedded();
  ASSERT_TRUE(rec.ok());
  const auto rows = evaluate_robustness(**rec, *mnist, 10);
  for (const auto& r : rows) {
    EXPECT_EQ(r.count, 10u);
    EXPECT_GE(r.correct, 7u) << r.name;
    EXPECT_LE(r.correct + r.no_digit, r.count) << r.name;
  }
}

}  // namespace
}  // namespace scrawl
