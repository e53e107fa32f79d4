// Every file of the bad-input corpus (support/bad_inputs.h) is read or answered with the error
// it should get, in Scrawl's words (never a decoder's own), and the recognizer keeps working.
#include <gtest/gtest.h>

#include "data/encode.h"
#include "recognize/recognizer.h"
#include "support/bad_inputs.h"
#include "support/test_data.h"

namespace scrawl {
namespace {

std::string answer_of(const Result<Reading>& r) {
  if (!r) return "error:" + std::string(error_code_name(r.error().code));
  return r->digits.empty() ? "nothing" : r->text;
}

const std::vector<testing::BadInput>& corpus() {
  static const auto files = testing::bad_inputs();
  return files;
}

// The decoder's own reasons ("Corrupt PNG", "bad huffman code", "outofmem"...) must not reach a person.
bool in_our_words(const std::string& message) {
  for (const char* theirs : {"Corrupt", "corrupt", "bad ", "outofmem", "unknown", "not a PNG", "stb"})
    if (message.find(theirs) != std::string::npos) return false;
  return !message.empty();
}

TEST(BadInputs, EachFileIsReadOrAnsweredInWordsAndTheRecognizerKeepsWorking) {
  auto rec = Recognizer::from_embedded();
  ASSERT_TRUE(rec.ok()) << rec.error().message;
  ASSERT_GE(corpus().size(), 28u);
  for (const auto& input : corpus()) {
    SCOPED_TRACE(input.name + ": " + input.why);
    const auto r = (*rec)->read(input.bytes);
    const std::string got = answer_of(r);
    if (!r) {
      EXPECT_TRUE(in_our_words(r.error().message)) << r.error().message;
    }
    if (input.expect == "answer") continue;
    if (input.expect == "nothing") {
      EXPECT_TRUE(got == "nothing" || got == "error:no_digit" || got == "error:too_many_marks") << got;
    } else {
      EXPECT_EQ(got, input.expect) << (r ? "" : r.error().message);
    }
  }
  auto seven = (*rec)->read(encode_png(testing::drawn_seven()));
  ASSERT_TRUE(seven.ok());
  EXPECT_EQ(seven->text, "7");
}

TEST(BadInputs, OtherFormatsAreNamedWithWhatToDoInstead) {
  auto rec = Recognizer::from_embedded();
  ASSERT_TRUE(rec.ok());
  for (const auto& input : corpus()) {
    for (const char* format : {"HEIC", "WebP", "SVG", "PDF"}) {
      std::string lower = format;
      for (auto& c : lower) c = char(std::tolower(c));
      if (input.name.find("." + lower) == std::string::npos) continue;
      const auto r = (*rec)->read(input.bytes);
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().message, std::string(format[0] == 'S' ? "this is an " : "this is a ") + format +
                                       " file, which cannot be read here: save or export it as PNG or JPG");
    }
  }
}

}  // namespace
}  // namespace scrawl
