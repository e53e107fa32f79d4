// `scrawl eval --numbers`'s measuring (evaluate/written_numbers_*.h) on made-up writers,
// without the data: which numbers are written, how their readings are counted, and a small run
// that gives the same readings on one thread and on two.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "evaluate/written_numbers_eval.h"
#include "evaluate/written_numbers_items.h"
#include "evaluate/written_numbers_tally.h"

namespace scrawl {
namespace {

std::string writer_of(real::WriterUse use, const std::string& source, int nth) {
  for (int i = 0;; ++i) {
    const std::string key = source + ":w" + std::to_string(i);
    if (real::writer_use(key) == use && nth-- == 0) return key;
  }
}

// Strokes of a digit in a 100-unit box: a 1 as a bar, anything else as a ring.
std::vector<real::Stroke> strokes_of(int digit) {
  if (digit == 1) return {{{50, 8}, {50, 92}}};
  real::Stroke ring;
  for (int a = 0; a <= 24; ++a) ring.push_back({50 + 30 * std::cos(a * 0.2618f), 50 + 42 * std::sin(a * 0.2618f)});
  return {ring};
}

// Two develop writers with 6 samples, one with 4 (too few), and a report writer.
std::vector<real::PenSample> made_up_pens() {
  std::vector<real::PenSample> pens;
  auto add = [&](const std::string& writer, int n) {
    for (int k = 0; k < n; ++k) pens.push_back({k % 2 ? 1 : 0, writer, strokes_of(k % 2 ? 1 : 0)});
  };
  add(writer_of(real::WriterUse::kDevelop, "unipen", 0), 6);
  add(writer_of(real::WriterUse::kDevelop, "uji", 0), 6);
  add(writer_of(real::WriterUse::kDevelop, "chars74k", 0), 4);
  add(writer_of(real::WriterUse::kReport, "unipen", 0), 6);
  return pens;
}

TEST(WrittenNumbers, EachNumberIsFiveToTenDigitsOfOneWriterWithFiveSamplesOrMore) {
  const auto pens = made_up_pens();
  const WrittenNumbers picked = pick_written_numbers(pens, real::WriterUse::kDevelop, 40, 1);
  EXPECT_EQ(picked.writers, 2u);
  ASSERT_EQ(picked.numbers.size(), 40u);
  std::set<std::string> sources;
  for (const WrittenNumber& n : picked.numbers) {
    ASSERT_GE(n.digits.size(), 5u);
    ASSERT_LE(n.digits.size(), 10u);
    ASSERT_EQ(n.text.size(), n.digits.size());
    for (size_t k = 0; k < n.digits.size(); ++k) {
      EXPECT_EQ(n.text[k], char('0' + n.digits[k]->label));
      EXPECT_EQ(n.digits[k]->writer, n.digits[0]->writer);
      EXPECT_EQ(real::writer_use(n.digits[k]->writer), real::WriterUse::kDevelop);
    }
    EXPECT_EQ(n.source, n.digits[0]->writer.substr(0, n.digits[0]->writer.find(':')));
    sources.insert(n.source);
  }
  EXPECT_EQ(sources, (std::set<std::string>{"uji", "unipen"}));
  const WrittenNumbers again = pick_written_numbers(pens, real::WriterUse::kDevelop, 40, 1);
  for (size_t i = 0; i < 40; ++i) EXPECT_EQ(again.numbers[i].text, picked.numbers[i].text);
}

TEST(WrittenNumbers, NoWriterWithFiveSamplesWritesNothing) {
  std::vector<real::PenSample> pens = made_up_pens();
  pens.erase(pens.begin(), pens.begin() + 12);  // the develop writer with 4 samples and a report writer are left
  const WrittenNumbers picked = pick_written_numbers(pens, real::WriterUse::kDevelop, 10, 1);
  EXPECT_EQ(picked.writers, 0u);
  EXPECT_TRUE(picked.numbers.empty());
}

TEST(WrittenNumbersTally, PerLookLengthAndSourceWithSplitAndEmptyReadings) {
  const std::vector<WrittenNumber> numbers = {
      {{}, "12345", "uji"}, {{}, "1234567", "unipen"}, {{}, "1234567890", "uji"}};
  // Image i is number i / 3 as a scan, a photo and in boxes.
  const std::vector<std::string> got = {
      "12345", "123 45", "1245", "1234567", "", "1234567", "error: too many marks", "1234567890", "1234567890"};
  const auto looks = tally_written_numbers(numbers, got);
  const NumbersLookTally& scan = looks[0];
  const NumbersLookTally& photo = looks[1];
  const NumbersLookTally& boxes = looks[2];
  EXPECT_EQ(boxes.total.strings, 3u);
  EXPECT_EQ(boxes.total.exact, 2u);
  EXPECT_EQ(boxes.total.edits.deleted, 1u);
  EXPECT_EQ(scan.total.strings, 3u);
  EXPECT_EQ(scan.total.exact, 2u);
  EXPECT_EQ(scan.split, 0u);  // an error message has spaces but is no split reading
  EXPECT_EQ(scan.empty, 1u);
  EXPECT_EQ(photo.total.exact, 2u);  // "123 45" has the right digits, on two lines
  EXPECT_EQ(photo.split, 1u);
  EXPECT_EQ(photo.empty, 1u);
  EXPECT_EQ(scan.by_length.at("5").strings, 1u);
  EXPECT_EQ(scan.by_length.at("6-7").strings, 1u);
  EXPECT_EQ(scan.by_length.at("8-10").exact, 0u);
  EXPECT_EQ(photo.by_source.at("uji").strings, 2u);
  EXPECT_EQ(photo.by_source.at("unipen").exact, 0u);
  EXPECT_STREQ(length_group(5), "5");
  EXPECT_STREQ(length_group(7), "6-7");
  EXPECT_STREQ(length_group(10), "8-10");
}

TEST(WrittenNumbersEval, ASmallRunGivesTheSameReadingsOnOneThreadAndOnTwo) {
  const auto pens = made_up_pens();
  const WrittenNumbers picked = pick_written_numbers(pens, real::WriterUse::kDevelop, 2, 3);
  const ReaderFactory make = [] { return Recognizer::from_embedded(); };
  size_t calls = 0;
  auto one = read_written_numbers(picked.numbers, 3, 1, make, true, [&](size_t, size_t) { ++calls; });
  auto two = read_written_numbers(picked.numbers, 3, 2, make, true);
  ASSERT_TRUE(one.ok() && two.ok());
  EXPECT_EQ(calls, 2 * kLooks);
  ASSERT_EQ(one->got.size(), 2 * kLooks);
  EXPECT_EQ(one->got, two->got);
  EXPECT_EQ(one->traits, two->traits);
  for (size_t i = 0; i < 2 * kLooks; ++i) {
    EXPECT_FALSE(one->traits[i].empty());
    EXPECT_EQ(one->wrong_files[i].empty(), digits_of(one->got[i]) == picked.numbers[i / kLooks].text);
  }
  auto quiet = read_written_numbers(picked.numbers, 3, 2, make, false);
  ASSERT_TRUE(quiet.ok());
  EXPECT_TRUE(quiet->wrong_files.empty());
}

}  // namespace
}  // namespace scrawl
