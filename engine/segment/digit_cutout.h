// Reading a page, stage 7: one digit's own pixels -> the 28×28 image the model reads.
// Only the ink of the chosen pieces (and of the chosen columns of a split piece) is copied,
// with the faint pixels that border it, so a neighbour's stroke never leaks in.
#pragma once
#include <span>
#include <vector>

#include "../components.h"
#include "../digit_normalizer.h"
#include "binarize.h"

namespace scrawl {

// The columns [x0, x1) of one group: a whole group, or the part of a wide one between cuts.
struct Atom {
  int group = 0;
  int x0 = 0, x1 = 0;
  Box box;  // of its ink
};

// Where a cutout reads the ink from.
struct InkSource {
  const InkMap* ink = nullptr;
  const std::vector<int>* labels = nullptr;          // component label per pixel
  const std::vector<int>* group_of_label = nullptr;  // group per label, -1 for none
};

class DigitCutter {
 public:
  // atoms: the digit's atoms, left to right. Returns the box of the digit (working pixels).
  Box cut(const InkSource& src, std::span<const Atom> atoms, DigitPixels& out);

 private:
  std::vector<uint8_t> keep_;
  std::vector<float> crop_;
  DigitNormalizer normalizer_;
};

}  // namespace scrawl
