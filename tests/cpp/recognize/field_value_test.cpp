// A reading taken as one field of a form (recognize/field_value.h).
#include <gtest/gtest.h>

#include "recognize/field_value.h"

namespace scrawl {
namespace {

Reading reading_of(const char* text, float confidence = 0.99f) {
  Reading r;
  int line = 0;
  for (const char* c = text; *c; ++c) {
    if (*c == ' ') {
      ++line;
      continue;
    }
    if (*c < '0' || *c > '9') continue;  // a mark written among the digits
    ReadDigit d;
    d.digit = *c - '0';
    d.confidence = confidence;
    d.line = line;
    r.digits.push_back(d);
  }
  r.text = text;
  r.lines = r.digits.empty() ? 0 : line + 1;
  return r;
}

TEST(FieldValue, DigitsRunTheLinesTogetherAndAreAsSureAsAllTheirDigits) {
  const FieldValue f = field_value(reading_of("123 45"), FieldKind::kDigits, 0.8f);
  EXPECT_EQ(f.value, "12345");
  EXPECT_NEAR(f.confidence, 0.99f * 0.99f * 0.99f * 0.99f * 0.99f, 1e-6);
  EXPECT_FALSE(f.unsure);
  EXPECT_EQ(f.problem, "");
  // Twenty-five digits each 99% sure: 78% that all are right, below the threshold.
  EXPECT_TRUE(field_value(reading_of("1234567890123456789012345"), FieldKind::kDigits, 0.8f).unsure);
}

TEST(FieldValue, OneUnsureDigitMakesTheFieldUnsure) {
  Reading r = reading_of("02139");
  r.digits[2].unsure = true;
  EXPECT_TRUE(field_value(r, FieldKind::kZip, 0.5f).unsure);
}

TEST(FieldValue, AZipCodeHasFiveOrNineDigits) {
  const FieldValue five = field_value(reading_of("02139"), FieldKind::kZip, 0.8f);
  EXPECT_EQ(five.value, "02139");
  EXPECT_FALSE(five.unsure);
  const FieldValue nine = field_value(reading_of("021394307"), FieldKind::kZip, 0.8f);
  EXPECT_EQ(nine.value, "02139-4307");
  EXPECT_FALSE(nine.unsure);
  const FieldValue four = field_value(reading_of("0213"), FieldKind::kZip, 0.8f);
  EXPECT_EQ(four.value, "0213");
  EXPECT_TRUE(four.unsure);
  EXPECT_EQ(four.problem, "a zip code has 5 or 9 digits; 4 digits were read");
  EXPECT_EQ(field_value(reading_of("7"), FieldKind::kZip, 0.8f).problem,
            "a zip code has 5 or 9 digits; 1 digit was read");
}

TEST(FieldValue, NothingReadIsAnUnsureEmptyField) {
  Reading none;
  none.message = kNoDigitsFound;
  const FieldValue f = field_value(none, FieldKind::kZip, 0.8f);
  EXPECT_EQ(f.value, "");
  EXPECT_EQ(f.confidence, 0.0f);
  EXPECT_TRUE(f.unsure);
  EXPECT_EQ(f.problem, "no digits found");
}

TEST(FieldValue, FormatsAreNamedAndOthersRefusedInWords) {
  EXPECT_EQ(*field_kind("zip"), FieldKind::kZip);
  EXPECT_EQ(*field_kind("digits"), FieldKind::kDigits);
  EXPECT_EQ(*field_kind("amount"), FieldKind::kAmount);
  auto bad = field_kind("money");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kBadArgument);
  EXPECT_EQ(bad.error().message, "the format is 'digits', 'zip' or 'amount', not 'money'");
}

TEST(FieldValue, AnAmountKeepsItsDecimalsAndDropsItsThousandsSeparators) {
  const auto amount = [](const char* text) { return field_value(reading_of(text), FieldKind::kAmount, 0.8f); };
  EXPECT_EQ(amount("3.975,00").value, "3975.00");
  EXPECT_EQ(amount("3,975.00").value, "3975.00");
  EXPECT_EQ(amount("3,025").value, "3025");
  EXPECT_EQ(amount("60.000").value, "60000");
  EXPECT_EQ(amount("38.117-").value, "38117");
  EXPECT_EQ(amount("8558=").value, "8558");
  EXPECT_EQ(amount("12,5").value, "12.50");
  EXPECT_EQ(amount("0.75").value, "0.75");
  EXPECT_EQ(amount("007").value, "7");
  EXPECT_EQ(amount("1000").value, "1000");
  const FieldValue sure = amount("25.441");
  EXPECT_TRUE(sure.problem.empty());
  EXPECT_FALSE(sure.unsure);
  // Groups of other than three digits: a point read where there is none, or one missed.
  const FieldValue odd = amount("2.5441");
  EXPECT_EQ(odd.value, "25441");
  EXPECT_TRUE(odd.unsure);
  EXPECT_EQ(odd.problem, "the points or commas do not group the digits in threes");
  // The field's confidence is that of its digits: the marks carry none.
  EXPECT_NEAR(amount("1.000").confidence, 0.99f * 0.99f * 0.99f * 0.99f, 1e-6f);
}

}  // namespace
}  // namespace scrawl
