// The figures `scrawl eval --strings`, `--amounts` and `--numbers` print: what counts as a digit
// misread, missed or made up, and the character error rate over many numbers.
#include "evaluate/string_tally.h"

#include <gtest/gtest.h>

namespace scrawl {
namespace {

TEST(EditDistance, TellsMisreadMissedAndMadeUpDigitsApart) {
  const Edits same = edit_distance("3025", "3025");
  EXPECT_EQ(same.total(), 0u);
  const Edits misread = edit_distance("1000", "1002");
  EXPECT_EQ(misread.substituted, 1u);
  EXPECT_EQ(misread.total(), 1u);
  const Edits missed = edit_distance("3200", "");
  EXPECT_EQ(missed.deleted, 4u);
  EXPECT_EQ(missed.total(), 4u);
  const Edits made_up = edit_distance("38117", "381171");
  EXPECT_EQ(made_up.inserted, 1u);
  EXPECT_EQ(made_up.total(), 1u);
  // "60000" read as "00": three zeros and the 6 missed, nothing misread.
  const Edits lost = edit_distance("60000", "00");
  EXPECT_EQ(lost.deleted, 3u);
  EXPECT_EQ(lost.total(), 3u);
}

TEST(StringTally, TheDigitsOfAReadingAlone) {
  EXPECT_EQ(digits_of("1.990"), "1990");
  EXPECT_EQ(digits_of("12 345"), "12345");
  EXPECT_EQ(digits_of("error: no digits found"), "");
}

TEST(StringTally, CountsExactReadingsAndEditsOverWrittenDigits) {
  StringTally t;
  t.add("2250", "2250");
  t.add("60", "6");
  t.add("925", "9251");
  t.add("100", "");
  EXPECT_EQ(t.strings, 4u);
  EXPECT_EQ(t.exact, 1u);
  EXPECT_DOUBLE_EQ(t.exact_rate(), 0.25);
  EXPECT_EQ(t.chars, 12u);
  EXPECT_EQ(t.errors, 5u);
  EXPECT_EQ(t.edits.deleted, 4u);
  EXPECT_EQ(t.edits.inserted, 1u);
  EXPECT_DOUBLE_EQ(t.cer(), 5.0 / 12.0);
  EXPECT_DOUBLE_EQ(StringTally{}.cer(), 0.0);
}

}  // namespace
}  // namespace scrawl
