// Finding the digits on a page: real behaviour on drawn pages (where the digits are known),
// with a stand-in scorer where only the geometry matters and the built-in model where the
// reading matters (only for shapes any digit model reads the same: strokes, rings).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "recognize/recognizer.h"
#include "segment/page_edge.h"
#include "segment/pieces.h"
#include "segment/segmenter.h"
#include "segment/working_copy.h"
#include "support/test_data.h"
#include "synth/string_page.h"

namespace scrawl {
namespace {

using testing::stroke;

// An ellipse outline (a "0") centred at (cx, cy).
void ring(GrayImage& img, float cx, float cy, float rx, float ry, float width, uint8_t ink = 0) {
  const int steps = 360;
  for (int s = 0; s < steps; ++s) {
    const float a0 = 6.2831853f * s / steps, a1 = 6.2831853f * (s + 1) / steps;
    stroke(img, cx + rx * std::cos(a0), cy + ry * std::sin(a0), cx + rx * std::cos(a1), cy + ry * std::sin(a1), width,
           ink);
  }
}

// A "1": a vertical stroke from (x, top) down `height` pixels.
void one(GrayImage& img, float x, float top, float height, float width, uint8_t ink = 0) {
  stroke(img, x, top, x, top + height, width, ink);
}

// Every candidate looks like a sure digit: the geometry alone decides.
const DigitScorer kSure = [](const Cutout&) { return CandidateScore{0.99f, 1.0f}; };

std::unique_ptr<Recognizer> model() {
  auto r = Recognizer::from_embedded();
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? std::move(r.value()) : nullptr;
}

bool inside(const Box& inner, const Box& outer, int slack) {
  return inner.x >= outer.x - slack && inner.y >= outer.y - slack && inner.right() <= outer.right() + slack &&
         inner.bottom() <= outer.bottom() + slack;
}

// A source larger than the working copy's side becomes the rounded mean of each block of
// factor × factor pixels; the last row and column of blocks hold what is left.
TEST(WorkingCopy, EachPixelIsTheMeanOfItsBlockOfTheSource) {
  for (int want_k = 2; want_k <= 8; ++want_k) {
    const int w = want_k * WorkingCopyMaker::kMaxSide - 3, h = 4 * want_k + 3;
    GrayImage src(w, h);
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) src.at(x, y) = uint8_t((x * 7 + y * 31 + x * y + (x * x) / 3) % 256);
    WorkingCopyMaker maker;
    const WorkingCopy& copy = maker.make(src);
    const int k = copy.factor;
    ASSERT_EQ(k, want_k);
    ASSERT_EQ(copy.width, (w + k - 1) / k);
    ASSERT_EQ(copy.height, (h + k - 1) / k);
    int wrong = 0;
    for (int oy = 0; oy < copy.height; ++oy)
      for (int ox = 0; ox < copy.width; ++ox) {
        int sum = 0, n = 0;
        for (int y = oy * k; y < std::min(h, oy * k + k); ++y)
          for (int x = ox * k; x < std::min(w, ox * k + k); ++x) sum += src.at(x, y), ++n;
        wrong += copy.gray[size_t(oy) * copy.width + ox] != (sum + n / 2) / n;
      }
    EXPECT_EQ(wrong, 0) << "factor " << k;
  }
}

TEST(Segmenter, FindsThreeDigitsLeftToRightWhereTheyAre) {
  GrayImage page(640, 240, 250);
  one(page, 120, 70, 100, 10);
  ring(page, 300, 120, 32, 50, 10);
  one(page, 480, 70, 100, 10);
  Segmenter seg;
  auto found = seg.find(page, kSure);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(seg.line_count(), 1);
  const Box drawn[3] = {{110, 60, 20, 120}, {258, 60, 84, 120}, {470, 60, 20, 120}};
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(found[size_t(i)].line, 0);
    EXPECT_TRUE(inside(found[size_t(i)].box, drawn[i], 2)) << "digit " << i;
    EXPECT_GT(found[size_t(i)].box.h, 90) << "digit " << i;
  }
}

// A field cut tight around "301": the 1 stands 3 pixels from the right edge, as a page's edge
// or a box's side would, but it stops short of the top and bottom edges and is as tall as the
// digits beside it, so it is a digit. A line as long beside that edge, running from top to
// bottom, is no digit; nor is a short tick beside it, far shorter than the digits.
TEST(Segmenter, AOneBesideTheSideOfATightFieldIsADigit) {
  const auto field = [](float one_top, float one_height) {
    GrayImage page(160, 70, 225);
    for (int y = 0; y < page.height; ++y)  // a scan's paper: not one flat level
      for (int x = 0; x < page.width; ++x) page.at(x, y) = uint8_t(222 + (x * 7 + y * 13) % 7);
    ring(page, 30, 35, 16, 24, 5);           // a 3's stand-in: a ring
    ring(page, 80, 35, 16, 24, 5);           // a 0
    one(page, 154, one_top, one_height, 5);  // beside the right edge
    return page;
  };
  Segmenter seg;
  EXPECT_EQ(seg.find(field(11, 48), kSure).size(), 3u);  // the 1
  EXPECT_EQ(seg.find(field(6, 58), kSure).size(), 3u);   // taller, into the bands along the top and bottom
  EXPECT_EQ(seg.find(field(0, 70), kSure).size(), 2u);   // a box's side from top to bottom
  EXPECT_EQ(seg.find(field(28, 12), kSure).size(), 2u);  // a tick a quarter of the digits' height
}

// The reading weighs every way of cutting a line into digits; a cut-out that could not beat
// the best reading so far even if the models were sure of it is not scored, and the reading
// is the same as when every cut-out is.
TEST(Segmenter, ACutOutThatCannotWinIsNotScoredAndTheReadingIsTheSame) {
  auto rec = model();
  if (!rec) return;
  GrayImage page(900, 240, 250);
  // "1 00 1 000": rings that touch, so that the line must be cut.
  one(page, 90, 70, 100, 10);
  ring(page, 200, 120, 32, 50, 10);
  ring(page, 262, 120, 32, 50, 10);
  one(page, 370, 70, 100, 10);
  for (int k = 0; k < 3; ++k) ring(page, 480 + 62 * k, 120, 32, 50, 10);
  std::vector<FoundDigit> every, pruned;
  int every_calls = 0, pruned_calls = 0;
  for (const bool all : {true, false}) {
    int& calls = all ? every_calls : pruned_calls;
    const DigitScorer score = [&](const Cutout& c) {
      ++calls;
      return CandidateScore{rec->classify(c.pixels).confidence, 1.0f};
    };
    Segmenter seg;
    seg.score_every_cut(all);
    const auto found = seg.find(page, score);
    (all ? every : pruned).assign(found.begin(), found.end());
  }
  ASSERT_EQ(pruned.size(), every.size());
  EXPECT_GE(every.size(), 5u);
  for (size_t i = 0; i < every.size(); ++i) {
    EXPECT_EQ(pruned[i].box, every[i].box) << "digit " << i;
    EXPECT_EQ(pruned[i].confidence, every[i].confidence) << "digit " << i;
  }
  EXPECT_LT(pruned_calls, every_calls);
}

TEST(Segmenter, KeepsAFaintOneBesideDarkerDigits) {
  // Grey writing (as blue ink comes out) with a 1 where the pen ran light: fainter than a
  // mark must be on its own, but clearly part of the number.
  GrayImage page(640, 240, 250);
  ring(page, 200, 120, 32, 50, 10, 140);
  one(page, 320, 70, 100, 5, 180);
  ring(page, 440, 120, 32, 50, 10, 140);
  Segmenter seg;
  auto found = seg.find(page, kSure);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_TRUE(inside(found[1].box, {310, 60, 20, 120}, 2));

  // Alone on a photographed page (paper with grain), a 1 that light is still writing (a
  // digit photographed out of focus is no darker), one lighter still is not.
  // (On a flat canvas grey ink is what the person chose to draw with, and is read.)
  GrayImage alone(640, 240, 250);
  uint32_t seed = 3;
  for (auto& v : alone.pixels) seed = seed * 1664525u + 1013904223u, v = uint8_t(244 + (seed >> 29));
  GrayImage lighter = alone;
  one(alone, 320, 70, 100, 5, 180);
  EXPECT_EQ(seg.find(alone, kSure).size(), 1u);
  one(lighter, 320, 70, 100, 5, 200);
  EXPECT_TRUE(seg.find(lighter, kSure).empty());
}

TEST(Segmenter, AThinPenDigitFillingACanvasIsNoHairline) {
  // Strokes 2% of the canvas wide on a digit 90% of its height: a thin pen's, to be read.
  // (The check doubts it, so the whole ink read as one digit does not stand in for it.)
  GrayImage four(280, 280, 255);
  stroke(four, 170, 16, 40, 190, 5.6f, 0);
  stroke(four, 40, 190, 232, 190, 5.6f, 0);
  stroke(four, 170, 16, 170, 266, 5.6f, 0);
  const DigitScorer doubted = [](const Cutout&) { return CandidateScore{0.99f, 0.3f}; };
  Segmenter seg;
  auto found = seg.find(four, doubted);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_GT(found[0].box.h, 240);
}

// The ink of a drawing, 1 where `img` is darker than mid-grey.
InkMap ink_of(const GrayImage& img) {
  InkMap ink;
  ink.width = img.width, ink.height = img.height;
  ink.mask.resize(img.pixels.size());
  for (size_t i = 0; i < img.pixels.size(); ++i) ink.mask[i] = img.pixels[i] < 128;
  ink.ink.assign(ink.mask.begin(), ink.mask.end());
  ink.darkness = ink.ink;
  ink.low = 0.1f, ink.high = 0.2f;
  return ink;
}

// A star's bar runs across most of the canvas but stops short of both sides: it is part of the
// drawing, not a rule across the image (clearing it cut the star in two). A rule that runs off
// one side is cleared.
TEST(PieceFinder, ABarStoppingShortOfBothSidesIsNoRule) {
  GrayImage star(360, 480, 255);
  float px = 0, py = 0;
  for (int i = 0; i <= 5; ++i) {
    const float a = -1.5707963f + 6.2831853f * float(i * 2 % 5) / 5.0f;
    const float x = 180 + 172 * std::cos(a), y = 300 + 172 * std::sin(a);
    if (i > 0) stroke(star, px, py, x, y, 18, 0);
    px = x, py = y;
  }
  PieceFinder finder;
  InkMap ink = ink_of(star);
  EXPECT_EQ(finder.find(ink, true).size(), 1u);

  GrayImage ruled(360, 480, 255);
  stroke(ruled, 0, 250, 340, 250, 4, 0);     // a rule from the left side, stopping short of the right
  stroke(ruled, 180, 150, 180, 350, 12, 0);  // a 1 across it
  InkMap ruled_ink = ink_of(ruled);
  EXPECT_EQ(finder.find(ruled_ink, true).size(), 2u);  // the 1 above the rule and below it
}

TEST(Segmenter, BlankPagesHaveNoDigits) {
  // Paper with a lighting gradient, a soft shadow and grain.
  GrayImage page(800, 600, 255);
  uint32_t seed = 7;
  for (int y = 0; y < 600; ++y)
    for (int x = 0; x < 800; ++x) {
      seed = seed * 1664525u + 1013904223u;
      const float light = 235 - 60.0f * x / 800 - (y > 400 ? 50.0f * std::min(1.0f, (y - 400) / 40.0f) : 0.0f);
      page.at(x, y) = uint8_t(std::clamp(light + float(seed >> 28) - 8, 0.0f, 255.0f));
    }
  Segmenter seg;
  EXPECT_TRUE(seg.find(page, kSure).empty());
  auto reader = model();
  auto r = reader->read(page);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->digits.empty());
  EXPECT_EQ(r->text, "");
  EXPECT_EQ(r->message, kNoDigitsFound);
}

TEST(Segmenter, RuledLinesAloneAreNoDigits) {
  GrayImage page(900, 600, 240);
  for (int k = 0; k < 8; ++k) {
    const float y = 40 + 70.0f * k;
    stroke(page, 0, y, 899, y + 25, 2.5f, 150);  // ruled paper, photographed a little askew
  }
  stroke(page, 90, 0, 92, 599, 2.5f, 170);  // and the margin line
  auto reader = model();
  auto r = reader->read(page);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->digits.empty()) << "read '" << r->text << "'";
}

TEST(Segmenter, ThickRuledLinesOnASmallPhotoAreNotDigits) {
  SCRAWL_REQUIRE_MNIST();
  // A small, blurred photo of ruled paper (one of the string test's pages, seed 7): the rules
  // come out four pixels thick, just above and below digits 25 pixels tall. They were taken
  // for part of the number, and the whole line was dropped.
  synth::PageMaker maker(*mnist);
  Rng rng(7, 248, 17);
  const synth::Page p = maker.make(5, rng);
  ASSERT_TRUE(p.traits.ruled && p.traits.blur);
  auto reader = model();
  auto r = reader->read(p.file);
  ASSERT_TRUE(r.ok());
  EXPECT_GE(r->digits.size(), 4u) << "read '" << r->text << "' of '" << p.text << "'";
  // Every digit read holds most of a written digit's ink (Page::owner), none is cut from a rule.
  for (const ReadDigit& d : r->digits) {
    std::vector<int> total(p.text.size() + 1, 0), held(p.text.size() + 1, 0);
    for (int y = 0; y < p.height; ++y)
      for (int x = 0; x < p.width; ++x) {
        const uint8_t o = p.owner[size_t(y) * p.width + x];
        ++total[o];
        held[o] += x >= d.box.x && x < d.box.right() && y >= d.box.y && y < d.box.bottom();
      }
    float most = 0;
    for (size_t k = 1; k <= p.text.size(); ++k) most = std::max(most, float(held[k]) / float(std::max(1, total[k])));
    EXPECT_GT(most, 0.5f) << "read '" << r->text << "' of '" << p.text << "': the digit at x " << d.box.x
                          << " is no written digit";
  }
}

// In a number, the other digits vouch for one the one-digit check doubts (a cut through touching
// digits); a line where it doubts most cut-outs (hatching, a grid, noise) is no number.
TEST(Segmenter, ALineOfCutOutsTheCheckCallsNoDigitIsNoNumber) {
  GrayImage page(640, 240, 250);
  one(page, 120, 70, 100, 10);
  ring(page, 300, 120, 32, 50, 10);
  one(page, 480, 70, 100, 10);
  Segmenter seg;
  const DigitScorer none_is_a_digit = [](const Cutout&) { return CandidateScore{0.99f, 0.02f}; };
  EXPECT_TRUE(seg.find(page, none_is_a_digit).empty());
  const DigitScorer the_ring_is_doubted = [](const Cutout& c) {
    return CandidateScore{0.99f, c.box.w > 40 ? 0.02f : 1.0f};
  };
  EXPECT_EQ(seg.find(page, the_ring_is_doubted).size(), 3u);
}

// "000=": the equals sign written after an amount is no digit (a "2" to the digit model), even
// to a scorer sure of any cut-out at least a digit wide; a dash as long as a digit is wide, neither.
TEST(Segmenter, AnEqualsSignOrADashAfterTheDigitsIsNoDigit) {
  const DigitScorer sure_of_wide = [](const Cutout& c) { return CandidateScore{0.99f, c.box.w >= 40 ? 1.0f : 0.02f}; };
  for (bool equals : {true, false}) {
    GrayImage page(720, 240, 250);
    for (int i = 0; i < 3; ++i) ring(page, 100 + 120.0f * i, 120, 32, 50, 10);
    // Written in one stroke, as people write it fast: both bars and the pen's way between them.
    stroke(page, 400, equals ? 106 : 120, 460, equals ? 106 : 120, 9, 0);
    if (equals) stroke(page, 460, 106, 400, 134, 9, 0), stroke(page, 400, 134, 460, 134, 9, 0);
    Segmenter seg;
    auto found = seg.find(page, sure_of_wide);
    ASSERT_EQ(found.size(), 3u) << (equals ? "with an equals sign" : "with a dash");
    EXPECT_LT(found[2].box.right(), 390);
  }
}

TEST(Segmenter, NoiseIsNoDigits) {
  GrayImage page(640, 480, 230);
  uint32_t seed = 11;
  for (auto& v : page.pixels) {
    seed = seed * 1664525u + 1013904223u;
    const int r = int(seed >> 24);
    v = r < 3 ? 0 : r > 252 ? 255 : uint8_t(230 + int((seed >> 16) & 15) - 8);  // salt, pepper, grain
  }
  Segmenter seg;
  EXPECT_TRUE(seg.find(page, kSure).empty());
  auto reader = model();
  auto r = reader->read(page);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->digits.empty()) << "read '" << r->text << "'";
}

TEST(PageEdgeCheck, ALineWithTheTableOnOneSideIsTheSheetsEdge) {
  // Paper (225) to x = 600, the dark table (60) beyond; a dark seam along the sheet's edge and
  // a "1" on the paper.
  std::vector<uint8_t> gray(800 * 500, 225);
  for (int y = 0; y < 500; ++y)
    for (int x = 600; x < 800; ++x) gray[size_t(y) * 800 + size_t(x)] = 60;
  PageEdgeCheck check;
  EXPECT_TRUE(check.is_page_edge(gray, 800, 500, {597, 300, 6, 60}));
  EXPECT_FALSE(check.is_page_edge(gray, 800, 500, {300, 300, 6, 60}));
  // Neither is a wide shape (it is no "1"), nor a stroke whose other side is outside the image.
  EXPECT_FALSE(check.is_page_edge(gray, 800, 500, {580, 300, 40, 60}));
  EXPECT_FALSE(check.is_page_edge(gray, 800, 500, {792, 300, 6, 60}));
  // A neighbour's ink next to a "1" is no table.
  for (int y = 300; y < 360; ++y)
    for (int x = 270; x < 280; ++x) gray[size_t(y) * 800 + size_t(x)] = 30;
  EXPECT_FALSE(check.is_page_edge(gray, 800, 500, {300, 300, 6, 60}));
}

// Photos of blank sheets from the string test (seed 1): a sheet's corner on the dark table, the
// sharp edge of a shadow across it, a ruled line running into that edge. Each was read as a
// sure "7" or "1": the border of a darker region, whose darker side is the table or the shadow.
TEST(Segmenter, TheEdgeOfTheSheetOrOfAShadowIsNoDigit) {
  SCRAWL_REQUIRE_MNIST();
  synth::PageMaker maker(*mnist);
  auto reader = model();
  for (int k : {44, 62, 71, 177, 187, 276}) {
    Rng rng(1, uint64_t(k), 17);
    const synth::Page p = maker.make(0, rng);
    auto r = p.file.empty() ? reader->read(synth::page_rgba(p).data(), p.width, p.height) : reader->read(p.file);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_TRUE(r->digits.empty()) << "blank page " << k << " read '" << r->text << "'";
  }
}

// The paper around a stroke is brighter than it all round; the border of a darker region has
// that region on one side.
TEST(PageEdgeCheck, TheBorderOfADarkerRegionIsNoStroke) {
  const int w = 400, h = 300;
  const auto paint = [&](std::vector<uint8_t>& gray, InkMap& ink, auto&& is_ink, uint8_t level) {
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x)
        if (is_ink(x, y)) gray[size_t(y) * w + x] = level, ink.mask[size_t(y) * w + x] = 1;
  };
  const auto fresh = [&](InkMap& ink) {
    ink.width = w, ink.height = h;
    ink.mask.assign(size_t(w) * h, 0);
  };
  PageEdgeCheck check;
  InkMap ink;
  // A sheet's top right corner on the table (50): its seam along both edges is the "ink".
  std::vector<uint8_t> corner(size_t(w) * h, 220);
  fresh(ink);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      if (y < 60 || x >= 340) corner[size_t(y) * w + x] = 50;
  paint(
      corner, ink, [](int x, int y) { return (y >= 60 && y < 64 && x < 340) || (x >= 336 && x < 340 && y >= 60); }, 70);
  EXPECT_TRUE(check.is_region_edge(corner, ink, {200, 60, 140, 240}));
  // A "7" written on the paper, in a shadow's edge (150 to its right) and beside another digit.
  const auto seven = [](int x, int y) {
    return (y >= 100 && y < 106 && x >= 150 && x < 230) ||
           (x >= 224 - (y - 100) / 3 && x < 230 - (y - 100) / 3 && y >= 100 && y < 220);
  };
  for (bool shadow : {false, true}) {
    std::vector<uint8_t> paper(size_t(w) * h, 220);
    fresh(ink);
    if (shadow)
      for (int y = 0; y < h; ++y)
        for (int x = 200; x < w; ++x) paper[size_t(y) * w + x] = 150;
    paint(paper, ink, seven, 40);
    EXPECT_FALSE(check.is_region_edge(paper, ink, {150, 100, 80, 120})) << (shadow ? "in a shadow's edge" : "on paper");
    paint(
        paper, ink, [](int x, int y) { return x >= 236 && x < 244 && y >= 100 && y < 220; }, 30);
    EXPECT_FALSE(check.is_region_edge(paper, ink, {150, 100, 80, 120})) << "beside a 1";
  }
}

TEST(Segmenter, JoinsTheBrokenPiecesOfOneDigit) {
  GrayImage page(500, 260, 250);
  // A 7 whose bar was written apart from its stem...
  stroke(page, 80, 60, 170, 60, 9, 0);
  stroke(page, 170, 72, 120, 200, 9, 0);
  // ...and a 1 the pen skipped in the middle of.
  one(page, 330, 60, 60, 9);
  one(page, 330, 128, 72, 9);
  Segmenter seg;
  auto found = seg.find(page, kSure);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_TRUE(inside(Box{80, 60, 90, 140}, found[0].box, 8)) << "the 7's box holds bar and stem";
  EXPECT_GT(found[1].box.h, 130) << "the 1's box holds both pieces";
}

TEST(Segmenter, SplitsTouchingDigits) {
  // "1001" with the two rings written so close that they touch: one piece of ink.
  GrayImage page(560, 260, 250);
  one(page, 80, 70, 120, 9);
  ring(page, 200, 130, 40, 58, 9);
  ring(page, 282, 130, 40, 58, 9);
  one(page, 400, 70, 120, 9);
  auto reader = model();
  auto r = reader->read(page);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->digits.size(), 4u) << "read '" << r->text << "'";
  EXPECT_EQ(r->text, "1001");
  EXPECT_LT(r->digits[1].box.right(), r->digits[2].box.x + 20) << "the two rings are cut apart";
  EXPECT_GT(r->digits[2].box.x, 225);
}

TEST(Segmenter, SplitsAOneThatTouchesItsNeighbour) {
  // "010" with the 1 written into the second 0: one piece of ink that the digit model alone
  // may read as one wide 0. The one-digit check knows a 1 stuck to a ring is not one digit.
  GrayImage page(620, 260, 250);
  ring(page, 110, 130, 44, 58, 9);
  one(page, 236, 70, 120, 9);
  ring(page, 294, 130, 48, 58, 9);
  ring(page, 440, 130, 44, 58, 9);
  auto reader = model();
  auto r = reader->read(page);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "0100");
}

TEST(Segmenter, OrdersLinesTopToBottom) {
  GrayImage page(500, 420, 250);
  one(page, 300, 240, 100, 10);  // second line, drawn first
  one(page, 100, 40, 100, 10);
  one(page, 220, 50, 100, 10);
  Segmenter seg;
  auto found = seg.find(page, kSure);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(seg.line_count(), 2);
  EXPECT_EQ(found[0].line, 0);
  EXPECT_EQ(found[1].line, 0);
  EXPECT_EQ(found[2].line, 1);
  EXPECT_LT(found[0].box.x, found[1].box.x);
  EXPECT_GT(found[2].box.y, 200);
  auto reader = model();
  auto r = reader->read(page);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "11 1");
  EXPECT_EQ(r->lines, 2);
}

// Two numbers on one row of a form, too far apart to be one line, the right one written a
// little higher: read left to right, as two lines.
TEST(Segmenter, ReadsLinesSideBySideLeftToRight) {
  GrayImage page(1200, 300, 250);
  one(page, 80, 110, 100, 10);
  one(page, 160, 110, 100, 10);
  ring(page, 900, 142, 28, 50, 10);  // higher by 18 pixels
  ring(page, 990, 142, 28, 50, 10);
  Segmenter seg;
  auto found = seg.find(page, kSure);
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(seg.line_count(), 2);
  EXPECT_EQ(found[0].line, 0);
  EXPECT_LT(found[0].box.x, 200);
  EXPECT_EQ(found[2].line, 1);
  EXPECT_GT(found[2].box.x, 800);
}

TEST(Segmenter, FollowsASlantedLine) {
  // Six digits on a line rising 8°: one line, left to right.
  GrayImage page(900, 400, 245);
  const float slope = std::tan(8 * 3.14159265f / 180);
  for (int i = 0; i < 6; ++i) one(page, 100 + 130.0f * i, 250 - slope * 130.0f * i - 50, 100, 10);
  Segmenter seg;
  auto found = seg.find(page, kSure);
  ASSERT_EQ(found.size(), 6u);
  EXPECT_EQ(seg.line_count(), 1);
  for (size_t i = 1; i < found.size(); ++i) EXPECT_GT(found[i].box.x, found[i - 1].box.x);
}

TEST(Segmenter, ReadsLightInkOnADarkBoard) {
  GrayImage page(400, 200, 30);
  stroke(page, 120, 40, 120, 160, 10, 230);
  stroke(page, 260, 40, 260, 160, 10, 230);
  auto reader = model();
  auto r = reader->read(page);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "11");
}

TEST(Recognizer, ReadsABigPhotoAndGivesBoxesInItsPixels) {
  GrayImage photo(4000, 3000, 225);
  one(photo, 1000, 1100, 800, 70);
  one(photo, 2000, 1100, 800, 70);
  ring(photo, 3000, 1500, 260, 400, 70);
  auto reader = model();
  auto r = reader->read(photo);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "110");
  ASSERT_EQ(r->digits.size(), 3u);
  EXPECT_TRUE(inside(r->digits[0].box, Box{950, 1050, 100, 900}, 8));
  EXPECT_TRUE(inside(r->digits[2].box, Box{2700, 1060, 600, 880}, 8));
  EXPECT_GT(r->digits[2].box.w, 500);
}

TEST(Recognizer, ReadAgreesWithRecognizeOnASingleDigit) {
  auto reader = model();
  const GrayImage seven = testing::drawn_seven();
  auto one_digit = reader->recognize_gray(seven);
  auto reading = reader->read(seven);
  ASSERT_TRUE(one_digit.ok() && reading.ok());
  ASSERT_EQ(reading->digits.size(), 1u);
  EXPECT_EQ(reading->digits[0].digit, one_digit->digit);
  EXPECT_EQ(reading->digits[0].box, one_digit->box);
  EXPECT_EQ(reading->digits[0].probs, one_digit->probs);
  EXPECT_EQ(reading->text, std::string(1, char('0' + one_digit->digit)));
}

TEST(Recognizer, ReadsABoldLightDigitFillingASmallDarkCrop) {
  SCRAWL_REQUIRE_MNIST();
  // MNIST test digit 48, a bold 4, as MNIST stores it: white on black, filling 28×28. The
  // gaps between its strokes are as thin as the strokes, so only the border tells ink from paper.
  GrayImage crop(28, 28, 0);
  std::copy(mnist->image(48), mnist->image(48) + 784, crop.pixels.begin());
  ASSERT_EQ(mnist->labels[48], 4);
  auto r = model()->read(crop);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "4");
}

TEST(Recognizer, ReadsAStringOfMnistDigits) {
  SCRAWL_REQUIRE_MNIST();
  // The first five test digits, dark on a light page at twice their size, a little apart.
  GrayImage page(520, 160, 240);
  std::string want;
  for (int k = 0; k < 5; ++k) {
    want += char('0' + mnist->labels[size_t(k)]);
    const uint8_t* d = mnist->image(size_t(k));
    for (int y = 0; y < 56; ++y)
      for (int x = 0; x < 56; ++x)
        page.at(60 + 84 * k + x, 52 + y) = uint8_t(240 - d[(y / 2) * 28 + x / 2] * 220 / 255);
  }
  auto reader = model();
  auto r = reader->read(page);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, want);
}

}  // namespace
}  // namespace scrawl
