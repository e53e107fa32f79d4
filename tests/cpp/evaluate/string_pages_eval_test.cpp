// `scrawl eval --strings`'s measuring (evaluate/string_pages_eval.h, evaluate/phone_photo.h): the
// lengths of the pages, the traits they are counted under, the photo's scaling, and a few
// pages read when MNIST is there.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "evaluate/phone_photo.h"
#include "evaluate/string_pages_eval.h"
#include "support/test_data.h"

namespace scrawl {
namespace {

TEST(StringPagesEval, HalfThePagesHoldFiveDigitsTheRestCycleAndBlanksComeLast) {
  std::vector<int> lengths;
  for (int k = 0; k < 18; ++k) lengths.push_back(string_page_length(k, 16));
  EXPECT_EQ(lengths, (std::vector<int>{5, 3, 5, 4, 5, 6, 5, 7, 5, 8, 5, 9, 5, 10, 5, 3, 0, 0}));
}

TEST(StringPagesEval, APageCountsUnderEachOfItsTraits) {
  synth::PageTraits t;
  EXPECT_TRUE(page_trait_names(t).empty());
  t.jpeg = t.touching = t.blue = true;
  const auto names = page_trait_names(t);
  ASSERT_EQ(names.size(), 3u);
  EXPECT_STREQ(names[0], "touching");
  EXPECT_STREQ(names[1], "blue ink");
  EXPECT_STREQ(names[2], "jpeg");
}

TEST(PhonePhoto, ScalesThePageToRgba) {
  synth::Page page;
  page.width = 4, page.height = 3;
  page.rgb.assign(4 * 3 * 3, 120);
  const auto rgba = phone_photo_rgba(page, 40, 30);
  ASSERT_EQ(rgba.size(), size_t(40 * 30 * 4));
  for (size_t i = 0; i < rgba.size(); ++i) ASSERT_EQ(rgba[i], i % 4 == 3 ? 255 : 120) << i;
}

TEST(StringPagesEval, AFewPagesAreReadAndTalliedInOrder) {
  SCRAWL_REQUIRE_MNIST();
  auto reader = Recognizer::from_embedded();
  ASSERT_TRUE(reader.ok());
  synth::PageMaker maker(*mnist);
  std::vector<int> seen;
  size_t written = 0;
  auto t =
      read_string_pages(**reader, maker, 4, 2, 1, [&](int k, const synth::Page& page, const std::string&) -> Status {
        seen.push_back(k);
        written += page.text.size();
        return Ok{};
      });
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(seen, (std::vector<int>{0, 1, 2, 3, 4, 5}));
  EXPECT_EQ(t->all.strings, 4u);
  EXPECT_EQ(t->all.chars, written);
  EXPECT_EQ(t->by_length.at(5).strings, 2u);
  EXPECT_LE(t->blank_with_digits, 2u);
  EXPECT_GT(t->seconds, 0.0);
  EXPECT_GE(t->all.exact, 2u);

  // An error from the callback stops the run there.
  seen.clear();
  auto stopped =
      read_string_pages(**reader, maker, 4, 2, 1, [&](int k, const synth::Page&, const std::string&) -> Status {
        seen.push_back(k);
        if (k == 1) return make_error(ErrorCode::kIo, "cannot write page 1");
        return Ok{};
      });
  ASSERT_FALSE(stopped.ok());
  EXPECT_EQ(stopped.error().message, "cannot write page 1");
  EXPECT_EQ(seen, (std::vector<int>{0, 1}));
}

TEST(PhonePhoto, ATwelveMegapixelPhotoOfFiveDigitsIsRead) {
  SCRAWL_REQUIRE_MNIST();
  auto reader = Recognizer::from_embedded();
  ASSERT_TRUE(reader.ok());
  synth::PageMaker maker(*mnist);
  const PhonePhotoTiming t = time_phone_photo(**reader, maker, 1);
  EXPECT_EQ(t.written.size(), 5u);
  EXPECT_EQ(t.got, t.written);
  EXPECT_GT(t.best_seconds, 0.0);
}

}  // namespace
}  // namespace scrawl
