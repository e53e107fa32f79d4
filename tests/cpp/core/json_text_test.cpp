// The one JSON string escaper and number writer (core/json_text.h) that the CLI, the wasm
// bindings and the reading's JSON share.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/json_text.h"

namespace scrawl {
namespace {

TEST(JsonQuote, QuotesAndBackslashesAreEscaped) {
  EXPECT_EQ(json_quote(""), "\"\"");
  EXPECT_EQ(json_quote("plain 123"), "\"plain 123\"");
  EXPECT_EQ(json_quote("say \"7\""), "\"say \\\"7\\\"\"");
  EXPECT_EQ(json_quote("C:\\scans\\a.png"), "\"C:\\\\scans\\\\a.png\"");
}

TEST(JsonQuote, EveryControlCharacterIsEscaped) {
  EXPECT_EQ(json_quote("a\nb\rc\td"), "\"a\\nb\\rc\\td\"");
  EXPECT_EQ(json_quote(std::string("\x01\x08\x0c\x1b\x1f", 5)), "\"\\u0001\\u0008\\u000c\\u001b\\u001f\"");
  EXPECT_EQ(json_quote(std::string("a\0b", 3)), "\"a\\u0000b\"");
  for (int c = 0; c < 0x20; ++c) {
    const std::string quoted = json_quote(std::string(1, char(c)));
    EXPECT_EQ(quoted.front(), '"');
    EXPECT_EQ(quoted[1], '\\') << "control character " << c << " left raw";
    for (const char q : quoted) EXPECT_GE(static_cast<unsigned char>(q), 0x20) << "control character " << c;
  }
  EXPECT_EQ(json_quote(" ~\x7f"), "\" ~\x7f\"");  // DEL and printable ASCII stay as they are
}

TEST(JsonQuote, Utf8PassesThrough) {
  EXPECT_EQ(json_quote("28×28"), "\"28×28\"");
  EXPECT_EQ(json_quote("café.png"), "\"café.png\"");
  EXPECT_EQ(json_quote("€ 💯"), "\"€ 💯\"");
}

TEST(JsonNumber, SixSignificantDigitsAndNullForWhatJsonCannotHold) {
  EXPECT_EQ(json_number(0.99823456), "0.998235");
  EXPECT_EQ(json_number(1.0), "1");
  EXPECT_EQ(json_number(1.5e-7), "1.5e-07");
  EXPECT_EQ(json_number(0.125, 2), "0.12");
  EXPECT_EQ(json_number(std::nan("")), "null");
  EXPECT_EQ(json_number(INFINITY), "null");
  EXPECT_EQ(json_number(-INFINITY), "null");
}

TEST(JsonQuote, BytesThatAreNotUtf8BecomeTheReplacementCharacter) {
  EXPECT_EQ(json_quote("caf\xe9.png"), "\"caf\\ufffd.png\"");                     // Latin-1 é
  EXPECT_EQ(json_quote("\xc3"), "\"\\ufffd\"");                                   // a sequence cut short
  EXPECT_EQ(json_quote("\xc0\xaf"), "\"\\ufffd\\ufffd\"");                        // an overlong '/'
  EXPECT_EQ(json_quote("\xed\xa0\x80"), "\"\\ufffd\\ufffd\\ufffd\"");             // a surrogate
  EXPECT_EQ(json_quote("\xf4\x90\x80\x80"), "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");  // above U+10FFFF
  EXPECT_EQ(json_quote("\x80×"), "\"\\ufffd×\"");  // a lone continuation byte, then valid
}

}  // namespace
}  // namespace scrawl
