// Reading a page, stage 8: one digit or many. The lines' reading (stage 6) is weighed against
// all of the image's ink read as one digit, cut the same way. A single digit drawn large with
// a gap between its strokes (an 8 whose loops do not meet, a 4 in two strokes) can be taken
// apart as two lines or two digits; a person who drew one digit wrote one digit, and the two
// models tell which reading is more convincing.
#pragma once
#include <span>
#include <vector>

#include "digit_splitter.h"

namespace scrawl {

class OneOrMany {
 public:
  // The whole ink must be at least this sure a digit to replace the lines' reading, and the
  // one-digit check at least this sure it is one whole digit.
  static constexpr float kMinDigit = 0.6f, kMinOneDigit = 0.5f;
  // Against several digits read: both must be surer still.
  static constexpr float kMinDigitOverMany = 0.9f, kMinOneDigitOverMany = 0.8f;
  // Groups smaller than this share of the largest are specks, not part of the digit.
  static constexpr float kSpeckShare = 0.05f;
  // Ink wider than this share of its height is a number, not one digit.
  static constexpr float kMaxAspect = 1.6f;
  // More pieces than this, or a piece farther than this share of the ink's height from every
  // other, are several things (digits, noise), not one digit.
  static constexpr int kMaxPieces = 4;
  static constexpr float kMaxGap = 0.2f;

  // found: the lines' reading (working pixels). groups: every group of every line read.
  // Replaces `found` by the whole ink as one digit where that reads better; returns whether
  // it did.
  bool weigh(const InkSource& src, std::span<const Group> groups, std::span<const int> used_groups,
             const DigitScorer& score, std::vector<FoundDigit>& found);

 private:
  DigitCutter cutter_;
  std::vector<Atom> atoms_;
  DigitPixels pixels_;
};

}  // namespace scrawl
