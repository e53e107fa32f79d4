// Reading a page, stage 7: one digit's own pixels -> the 28×28 image the model reads.
// Only the ink of the chosen pieces (and of the chosen part of a split piece) is copied,
// with the faint pixels that border it, so a neighbour's stroke never leaks in.
#pragma once
#include <span>
#include <vector>

#include "binarize.h"
#include "components.h"
#include "digit_normalizer.h"

namespace scrawl {

// One group, or the part of a wide one between two cuts. Each side is either straight (the
// group's own edge) or a cut path: one column per row of the group's box.
struct Atom {
  int group = 0;
  const int* left = nullptr;   // per row from path_top: first column inside; null: no limit
  const int* right = nullptr;  // per row: first column past it; null: no limit
  int path_top = 0;
  Box box;  // of its ink
  bool contains(int x, int y) const {
    return (!left || x >= left[y - path_top]) && (!right || x < right[y - path_top]);
  }
};

// Where a cutout reads the ink from.
struct InkSource {
  const InkMap* ink = nullptr;
  const std::vector<int>* labels = nullptr;          // component label per pixel
  const std::vector<int>* group_of_label = nullptr;  // group per label, -1 for none
  bool flat = false;  // a flat background (a canvas): no page edge, fold or scratch is in view
};

class DigitCutter {
 public:
  // atoms: the digit's atoms, left to right. Returns the box of the digit (working pixels).
  Box cut(const InkSource& src, std::span<const Atom> atoms, DigitPixels& out);
  // The last cut's ink within its box (box.w*box.h, 1 = taken), until the next cut.
  std::span<const uint8_t> mask() const { return keep_; }

 private:
  // near_ = keep_ grown by one pixel (its 3×3 neighbourhood, inside the box): two passes of a
  // row and a column, instead of nine lookups for every pixel of paper.
  void grow_kept(const Box& box);

  std::vector<uint8_t> keep_, near_, row_grown_;
  std::vector<float> crop_;
  DigitNormalizer normalizer_;
};

}  // namespace scrawl
