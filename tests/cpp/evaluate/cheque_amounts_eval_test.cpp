// `scrawl eval --amounts`'s measuring (evaluate/cheque_amounts_eval.h): the amounts of a part,
// the tally of their digits, a file that cannot be read, and a few real cheques when the data
// is there.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "evaluate/cheque_amounts_eval.h"
#include "support/test_data.h"

namespace scrawl {
namespace {

real::ChequeAmount amount(const std::string& digits, const std::string& key) {
  return {"/nonexistent/" + key, digits, {}, key};
}

// Cheques "orand:c<i>" that the split gives to `use`.
std::string cheque_of(real::WriterUse use, int nth) {
  for (int i = 0;; ++i)
    if (real::writer_use("orand:c" + std::to_string(i)) == use && nth-- == 0) return "orand:c" + std::to_string(i);
}

TEST(ChequeAmountsEval, TheAmountsOfAPartInTheirOrderUpToALimit) {
  std::vector<real::ChequeAmount> all;
  for (int i = 0; i < 4; ++i) {
    all.push_back(amount("1" + std::to_string(i), cheque_of(real::WriterUse::kDevelop, i)));
    all.push_back(amount("2" + std::to_string(i), cheque_of(real::WriterUse::kReport, i)));
  }
  const auto develop = amounts_of_part(all, real::WriterUse::kDevelop, 0);
  ASSERT_EQ(develop.size(), 4u);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(develop[size_t(i)].digits, "1" + std::to_string(i));
  const auto first = amounts_of_part(all, real::WriterUse::kReport, 3);
  ASSERT_EQ(first.size(), 3u);
  EXPECT_EQ(first[2].digits, "22");
}

TEST(ChequeAmountsEval, OnlyTheDigitsOfAReadingAreComparedPerLength) {
  const std::vector<real::ChequeAmount> amounts = {amount("1990", "a"), amount("250", "b"), amount("3000", "c"),
                                                   amount("75", "d")};
  const std::vector<std::string> got = {"1.990", "25", "", "error: too many marks"};
  const AmountsTally t = tally_amounts(amounts, got);
  EXPECT_EQ(t.total.strings, 4u);
  EXPECT_EQ(t.total.exact, 1u);          // the separator is not written in the label
  EXPECT_EQ(t.total.edits.deleted, 7u);  // 250 read as 25; 3000 and 75 not at all
  EXPECT_EQ(t.empty, 2u);                // nothing read, and a refusal
  ASSERT_EQ(t.by_length.size(), 3u);
  EXPECT_EQ(t.by_length.at(4).strings, 2u);
  EXPECT_EQ(t.by_length.at(4).exact, 1u);
  EXPECT_EQ(t.by_length.at(2).errors, 2u);
}

TEST(ChequeAmountsEval, AFileThatCannotBeReadStopsTheRun) {
  auto run = read_amounts({amount("12", "x")}, 1, [] { return Recognizer::from_embedded(); });
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.error().message, "cannot read /nonexistent/x");
}

TEST(ChequeAmountsEval, ReadsRealCheques) {
  SCRAWL_REQUIRE_REAL("orand-car-a");
  auto all = real::load_cheque_amounts(real_dir);
  ASSERT_TRUE(all.ok()) << all.error().message;
  const auto amounts = amounts_of_part(*all, real::WriterUse::kDevelop, 6);
  ASSERT_EQ(amounts.size(), 6u);
  auto run = read_amounts(amounts, 2, [] { return Recognizer::from_embedded(); });
  ASSERT_TRUE(run.ok()) << run.error().message;
  ASSERT_EQ(run->got.size(), 6u);
  const AmountsTally t = tally_amounts(amounts, run->got);
  EXPECT_EQ(t.total.strings, 6u);
  EXPECT_GE(t.total.exact, 3u);
}

}  // namespace
}  // namespace scrawl
