// Where to cut touching digits apart: paths from the top of a group to its bottom that cross
// as few strokes as they can (a path may bend one column per row, so it threads between two
// digits that overlap without touching, and crosses two that touch where they touch, along
// the contact however long it is).
#pragma once
#include <span>
#include <vector>

#include "components.h"
#include "digit_cutout.h"

namespace scrawl {

struct CutPath {
  int offset = 0;       // its columns are columns()[offset, offset + box.h), one per row
  float crossings = 0;  // strokes crossed: ~1 where two digits touch, 2 through a 0
  int mean_x = 0;
};

class CutFinder {
 public:
  // Up to max_cuts cuts through group `group` (box: its box), at least `spacing` apart,
  // left to right and not crossing one another.
  std::span<const CutPath> find(const InkSource& src, int group, const Box& box, int spacing, int max_cuts);
  const std::vector<int>& columns() const { return columns_; }

 private:
  bool mine(int x, int y) const { return mask_[size_t(y) * box_w_ + x]; }
  float stroke_width() const;
  // The phases of find(): the group's pixels, then per band of columns [lo, lo + bw) the
  // cheapest path's cost from the top (cost_, from_) and the path itself, then the cuts chosen.
  void mask_group(const InkSource& src, int group, const Box& box);
  void fill_costs(int lo, int bw, float stroke);
  // The cheapest way into column lo + i of row y from the row above (came: from which column).
  float cheapest_from_above(int lo, int bw, int i, int y, bool on, int& came) const;
  CutPath trace_cheapest(int lo, int bw, float stroke);
  void choose_cuts(int spacing, int max_cuts);

  int box_w_ = 0, box_h_ = 0;
  std::vector<uint8_t> mask_;  // the group's pixels within its box
  std::vector<float> cost_;
  std::vector<int> from_, columns_, runs_, order_;
  std::vector<CutPath> candidates_, cuts_;
};

}  // namespace scrawl
