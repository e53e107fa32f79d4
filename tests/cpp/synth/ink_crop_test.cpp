#include "synth/ink_crop.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace scrawl::synth {
namespace {

// A 28×28 digit: paper 230, a 6×10 block of ink 40 at (10, 8), a grey edge of 150 beside it.
std::vector<uint8_t> block_digit() {
  std::vector<uint8_t> digit(784, 230);
  for (int y = 8; y < 18; ++y) {
    for (int x = 10; x < 16; ++x) digit[size_t(y) * 28 + x] = 40;
    digit[size_t(y) * 28 + 16] = 150;
  }
  return digit;
}

TEST(InkCrop, TheStandardLooksCutTheScanToItsInk) {
  const auto digit = block_digit();
  const GrayImage grey = cut_to_ink(digit.data(), standard_crop_look(CropStyle::kGrey));
  EXPECT_EQ(grey.width, 6 + 2);
  EXPECT_EQ(grey.height, 10 + 2);
  EXPECT_EQ(grey.at(0, 0), 230);
  EXPECT_EQ(grey.at(1, 1), 40);
  EXPECT_EQ(grey.at(7, 5), 150);
  const GrayImage bw = cut_to_ink(digit.data(), standard_crop_look(CropStyle::kBlackAndWhite));
  EXPECT_EQ(bw.width, 6);
  EXPECT_EQ(bw.height, 10);
  EXPECT_TRUE(std::all_of(bw.pixels.begin(), bw.pixels.end(), [](uint8_t v) { return v == 0; }));
  const GrayImage filled = cut_to_ink(digit.data(), standard_crop_look(CropStyle::kFilled));
  EXPECT_EQ(filled.width, 16);
  EXPECT_EQ(filled.height, 16);
  EXPECT_TRUE(std::all_of(filled.pixels.begin(), filled.pixels.end(), [](uint8_t v) { return v == 40; }));
}

TEST(InkCrop, AFainterThresholdTakesTheGreyEdgeForInk) {
  const auto digit = block_digit();
  CropLook look = standard_crop_look(CropStyle::kBlackAndWhite);
  look.ink_below = 160;
  const GrayImage bw = cut_to_ink(digit.data(), look);
  EXPECT_EQ(bw.width, 7);
  EXPECT_TRUE(std::all_of(bw.pixels.begin(), bw.pixels.end(), [](uint8_t v) { return v == 0; }));
  look.style = CropStyle::kGrey, look.margin = 2;
  EXPECT_EQ(cut_to_ink(digit.data(), look).width, 7 + 4);
  look.style = CropStyle::kFilled, look.filled_side = 20;
  EXPECT_EQ(cut_to_ink(digit.data(), look).height, 20);
}

TEST(InkCrop, TrainingLooksVaryWithinTheirRanges) {
  Rng rng(7);
  int styles[3] = {};
  for (int i = 0; i < 600; ++i) {
    const CropLook look = random_crop_look(rng);
    ++styles[int(look.style)];
    EXPECT_GE(look.ink_below, 96);
    EXPECT_LE(look.ink_below, 176);
    EXPECT_GE(look.margin, 0);
    EXPECT_LE(look.margin, 2);
    EXPECT_GE(look.filled_side, 12);
    EXPECT_LE(look.filled_side, 24);
  }
  for (int n : styles) EXPECT_GT(n, 150);
}

}  // namespace
}  // namespace scrawl::synth
