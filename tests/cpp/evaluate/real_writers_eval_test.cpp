// `scrawl eval --real`'s measuring (evaluate/real_writers_*.h) on made-up writers, without the
// data: which items are read, how an item is rendered, how a reading is counted, and a small
// run that gives the same answers on one thread and on two.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "decode/decode.h"
#include "evaluate/real_writers_eval.h"
#include "evaluate/real_writers_items.h"
#include "evaluate/real_writers_scene.h"
#include "evaluate/real_writers_tally.h"

namespace scrawl {
namespace {

// The first `n` writer keys "<source>:w<i>" that the writer split gives to `use`.
std::vector<std::string> writers_of(real::WriterUse use, const std::string& source, size_t n) {
  std::vector<std::string> keys;
  for (int i = 0; keys.size() < n; ++i)
    if (real::writer_use(source + ":w" + std::to_string(i)) == use) keys.push_back(source + ":w" + std::to_string(i));
  return keys;
}

// A stroke a person would draw as a 1, a little slanted, in a 100-unit box.
std::vector<real::Stroke> one_stroke() { return {{{52, 8}, {50, 50}, {48, 92}}}; }

// Three samples each of `develop` writers and of others.
std::vector<real::PenSample> made_up_pens() {
  std::vector<real::PenSample> pens;
  const auto develop = writers_of(real::WriterUse::kDevelop, "unipen", 4);
  const auto more = writers_of(real::WriterUse::kDevelop, "uji", 2);
  const auto report = writers_of(real::WriterUse::kReport, "unipen", 3);
  for (const auto* keys : {&develop, &more, &report})
    for (const auto& w : *keys)
      for (int k = 0; k < 3; ++k) pens.push_back({1, w, one_stroke()});
  return pens;
}

real::CvlDigits made_up_cvl(size_t develop, size_t report) {
  real::CvlDigits cvl;
  const auto d = writers_of(real::WriterUse::kDevelop, "cvl", 2), r = writers_of(real::WriterUse::kReport, "cvl", 1);
  for (size_t i = 0; i < develop + report; ++i) {
    cvl.writers.push_back(i < develop ? d[i % 2] : r[0]);
    cvl.digits.labels.push_back(uint8_t(i % 10));
  }
  cvl.digits.images.assign(cvl.digits.labels.size() * 784, 230);  // light paper
  return cvl;
}

size_t count_kind(const std::vector<RealItem>& items, RealKind kind) {
  return size_t(std::count_if(items.begin(), items.end(), [&](const RealItem& it) { return it.kind == kind; }));
}

TEST(RealWritersItems, EverySampleOfThePartAsCanvasAndPhotoEveryScanAndTheImagesOfNoDigit) {
  const auto pens = made_up_pens();
  const auto cvl = made_up_cvl(5, 4);
  const RealItems all = real_writer_items(pens, cvl, real::WriterUse::kDevelop, 0, 7, 1);
  EXPECT_EQ(all.pen_writers, 6u);
  EXPECT_EQ(all.cvl_writers, 2u);
  EXPECT_EQ(count_kind(all.items, RealKind::kCanvas), 18u);
  EXPECT_EQ(count_kind(all.items, RealKind::kPhoto), 18u);
  EXPECT_EQ(count_kind(all.items, RealKind::kScan), 5u);
  EXPECT_EQ(count_kind(all.items, RealKind::kCrop), 5u);
  EXPECT_EQ(count_kind(all.items, RealKind::kNone), 7u);
  for (const RealItem& it : all.items) {
    if (it.kind == RealKind::kCanvas || it.kind == RealKind::kPhoto) {
      EXPECT_TRUE(it.group == "unipen" || it.group == "uji") << it.group;
      EXPECT_EQ(it.label, pens[it.index].label);
      EXPECT_EQ(real::writer_use(pens[it.index].writer), real::WriterUse::kDevelop);
    }
    if (it.kind == RealKind::kScan) {
      EXPECT_EQ(it.group, "cvl");
      EXPECT_EQ(it.label, cvl.digits.labels[it.index]);
    }
    if (it.kind == RealKind::kCrop) {
      EXPECT_EQ(it.group, synth::crop_style_name(crop_style(it.index)));
      EXPECT_EQ(it.label, cvl.digits.labels[it.index]);
    }
    if (it.kind == RealKind::kNone) {
      EXPECT_EQ(it.label, -1);
      EXPECT_EQ(it.group, "none");
    }
  }
  EXPECT_STREQ(real_kind_name(RealKind::kScan), "scan");
  EXPECT_STREQ(real_kind_name(RealKind::kCrop), "crop");
}

TEST(RealWritersItems, ALimitHoldsForEachKindOfDigitNotForTheImagesOfNoDigit) {
  const auto pens = made_up_pens();
  const auto cvl = made_up_cvl(5, 4);
  const RealItems some = real_writer_items(pens, cvl, real::WriterUse::kDevelop, 4, 7, 1);
  EXPECT_EQ(count_kind(some.items, RealKind::kCanvas), 4u);
  EXPECT_EQ(count_kind(some.items, RealKind::kPhoto), 4u);
  EXPECT_EQ(count_kind(some.items, RealKind::kScan), 4u);
  EXPECT_EQ(count_kind(some.items, RealKind::kCrop), 4u);
  EXPECT_EQ(count_kind(some.items, RealKind::kNone), 7u);
  // The writers are still all counted, and the same seed picks the same samples.
  EXPECT_EQ(some.pen_writers, 6u);
  const RealItems again = real_writer_items(pens, cvl, real::WriterUse::kDevelop, 4, 7, 1);
  ASSERT_EQ(again.items.size(), some.items.size());
  for (size_t i = 0; i < some.items.size(); ++i) EXPECT_EQ(again.items[i].index, some.items[i].index);
}

TEST(RealWritersScene, ScansArePngsEveryOtherOneEnlarged) {
  const auto pens = made_up_pens();
  const auto cvl = made_up_cvl(2, 0);
  for (size_t index : {0u, 1u}) {
    const RealImage img = render_real_item({RealKind::kScan, 0, index, "cvl"}, pens, cvl, 1);
    EXPECT_FALSE(img.jpeg);
    auto decoded = decode_image(img.file);
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded->width, index ? 84 : 28);
    EXPECT_EQ(img.traits, index ? "scan 84x84 (enlarged 3x)" : "scan 28x28");
    EXPECT_TRUE(std::all_of(decoded->pixels.begin(), decoded->pixels.end(), [](uint8_t v) { return v == 230; }));
  }
  const std::vector<uint8_t> gray(4, 90);
  EXPECT_EQ(enlarge_to_rgb(gray.data(), 2, 3), std::vector<uint8_t>(6 * 6 * 3, 90));
}

TEST(RealWritersScene, ACropItemIsTheScanCutToItsInkInItsStyle) {
  const auto pens = made_up_pens();
  const auto cvl = made_up_cvl(3, 0);
  for (size_t index : {0u, 1u, 2u}) {
    const RealImage img = render_real_item({RealKind::kCrop, 0, index, "grey"}, pens, cvl, 1);
    auto decoded = decode_image(img.file);
    ASSERT_TRUE(decoded.ok());
    EXPECT_NE(img.traits.find(synth::crop_style_name(crop_style(index))), std::string::npos) << img.traits;
  }
}

TEST(RealWritersScene, AnItemLooksTheSameEveryTime) {
  const auto pens = made_up_pens();
  const auto cvl = made_up_cvl(1, 0);
  for (RealKind kind : {RealKind::kCanvas, RealKind::kPhoto, RealKind::kNone}) {
    const RealItem it{kind, kind == RealKind::kNone ? -1 : 1, 2, "unipen"};
    const RealImage a = render_real_item(it, pens, cvl, 3), b = render_real_item(it, pens, cvl, 3);
    EXPECT_EQ(a.file, b.file);
    EXPECT_FALSE(a.traits.empty());
    EXPECT_TRUE(decode_image(a.file).ok());
  }
}

Reading reading_of(std::vector<std::pair<int, float>> digits) {
  Reading r;
  for (auto [d, c] : digits) {
    ReadDigit rd;
    rd.digit = d, rd.confidence = c;
    r.digits.push_back(rd);
    r.digit_text += char('0' + d);
  }
  r.text = r.digit_text;
  return r;
}

TEST(RealWritersTally, AReadingIsOneDigitNoneOrSeveral) {
  EXPECT_EQ(answer_of(reading_of({{4, 0.9f}})).digit, 4);
  EXPECT_FLOAT_EQ(answer_of(reading_of({{4, 0.9f}})).confidence, 0.9f);
  const RealAnswer two = answer_of(reading_of({{1, 0.5f}, {7, 0.95f}}));
  EXPECT_EQ(two.digit, -2);
  EXPECT_FLOAT_EQ(two.confidence, 0.95f);
  EXPECT_EQ(two.text, "17");
  EXPECT_EQ(answer_of(reading_of({})).digit, -1);
  const RealAnswer refused = answer_of(Result<Reading>(make_error(ErrorCode::kBadArgument, "too many marks")));
  EXPECT_EQ(refused.digit, -1);
  EXPECT_EQ(refused.text, "error: too many marks");
  EXPECT_TRUE(read_right({RealKind::kNone, -1, 0, "none"}, refused));
  EXPECT_FALSE(read_right({RealKind::kCanvas, 3, 0, "uji"}, refused));
}

TEST(RealWritersTally, CountsRightEmptySplitAndSureMisreadsPerKindAndGroup) {
  const std::vector<RealItem> items = {{RealKind::kCanvas, 3, 0, "uji"},    {RealKind::kCanvas, 3, 1, "uji"},
                                       {RealKind::kCanvas, 3, 2, "unipen"}, {RealKind::kCanvas, 3, 3, "unipen"},
                                       {RealKind::kCanvas, 3, 4, "unipen"}, {RealKind::kNone, -1, 0, "none"},
                                       {RealKind::kNone, -1, 1, "none"},    {RealKind::kNone, -1, 2, "none"}};
  const std::vector<RealAnswer> answers = {{"3", 3, 0.99f}, {"", -1, 0}, {"31", -2, 0.9f}, {"8", 8, 0.95f},
                                           {"8", 8, 0.5f},  {"", -1, 0}, {"7", 7, 0.85f},  {"7", 7, 0.3f}};
  const RealWritersTally t = tally_real_writers(items, answers);
  const RealTally& canvas = t.total[size_t(RealKind::kCanvas)];
  EXPECT_EQ(canvas.n, 5u);
  EXPECT_EQ(canvas.right, 1u);
  EXPECT_EQ(canvas.empty, 1u);
  EXPECT_EQ(canvas.split, 1u);
  EXPECT_EQ(canvas.wrong, 2u);
  EXPECT_EQ(canvas.sure_wrong, 1u);  // 0.95 is sure, 0.5 is not
  const RealTally& none = t.total[size_t(RealKind::kNone)];
  EXPECT_EQ(none.n, 3u);
  EXPECT_EQ(none.right, 1u);
  EXPECT_EQ(none.wrong, 2u);
  EXPECT_EQ(none.sure_wrong, 1u);
  EXPECT_EQ(none.empty + none.split, 0u);
  const auto& groups = t.by_group[size_t(RealKind::kCanvas)];
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups.at("uji").n, 2u);
  EXPECT_EQ(groups.at("unipen").wrong, 2u);
  EXPECT_EQ(t.total[size_t(RealKind::kPhoto)].n, 0u);
}

TEST(RealWritersEval, ASmallRunGivesTheSameAnswersOnOneThreadAndOnTwo) {
  const auto pens = made_up_pens();
  const auto cvl = made_up_cvl(3, 0);
  const RealItems items = real_writer_items(pens, cvl, real::WriterUse::kDevelop, 2, 2, 1);
  const ReaderFactory make = [] { return Recognizer::from_embedded(); };
  size_t calls = 0;
  auto one = read_real_writers(items.items, pens, cvl, 1, 1, make, true, [&](size_t, size_t) { ++calls; });
  auto two = read_real_writers(items.items, pens, cvl, 1, 2, make, true);
  ASSERT_TRUE(one.ok() && two.ok());
  EXPECT_EQ(calls, items.items.size());
  ASSERT_EQ(one->answers.size(), items.items.size());
  size_t wrong = 0;
  for (size_t i = 0; i < items.items.size(); ++i) {
    EXPECT_EQ(one->answers[i].text, two->answers[i].text);
    EXPECT_EQ(one->answers[i].digit, two->answers[i].digit);
    wrong += !read_right(items.items[i], one->answers[i]);
  }
  ASSERT_EQ(one->failures.size(), wrong);
  ASSERT_EQ(two->failures.size(), wrong);
  for (size_t f = 0; f < wrong; ++f) {
    EXPECT_EQ(one->failures[f].item, two->failures[f].item);  // in item order
    EXPECT_EQ(one->failures[f].file, two->failures[f].file);
  }
  auto quiet = read_real_writers(items.items, pens, cvl, 1, 2, make, false);
  ASSERT_TRUE(quiet.ok());
  EXPECT_TRUE(quiet->failures.empty());
}

}  // namespace
}  // namespace scrawl
