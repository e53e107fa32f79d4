// Reading a page, stage 4 (with pieces.h): a form field's printed boxes, one digit to a box,
// and its comb. Their rules along the field do not reach across the image when the field sits
// in a margin of paper; and once the rules are cleared, the walls between the boxes and the
// comb's teeth stay. Left in, each would be read as a 1 ("1111111" under a zip code).
//
// A wall meets a cleared rule at an end, is straight and upright, and the walls stand in a row
// at even steps, all as tall. A box's walls meet a rule at both ends; a comb's teeth, at one,
// are short beside their step, where a row of 1s written on an underline stands taller than
// it stands apart.
#pragma once
#include <span>
#include <vector>

#include "binarize.h"
#include "components.h"

namespace scrawl {

class FieldBoxes {
 public:
  // Clears the rules along the top and bottom of a row of boxes, and along the bottom of a comb
  // (long, thin and straight, level or sloping a little), but where a stroke crosses them;
  // true if any. `before`: the ink mask before rules across the whole image were cleared.
  bool erase_rules(InkMap& ink, std::span<const uint8_t> before, std::span<const Component> comps,
                   const std::vector<int>& labels);
  // `before`: the ink mask before the rules were cleared; `comps` and `labels` the components
  // of `ink.mask` now. Clears the walls and teeth from `ink`; returns the box of the row they
  // stood in (empty when there were none).
  Box erase_walls(InkMap& ink, std::span<const uint8_t> before, std::span<const Component> comps,
                  const std::vector<int>& labels);
  // The columns the last erase_walls() found walls in, free or touched by a digit, left to
  // right (at the row's middle): one digit is written between two of them.
  std::span<const float> wall_columns() const { return wall_columns_; }

  // At least this many walls in a row (a comb of two boxes has three teeth).
  static constexpr int kMinWalls = 3;

 private:
  struct Wall {
    int label = 0;
    Box box;
    float centre = 0;  // the wall's mean column
    float lean = 0;    // columns per row
  };
  // Clears, at the row's steps where no free wall stood, the rows of a wall that a digit touches
  // (its thin runs; where the digit's stroke meets it, the run is wider and stays).
  void erase_walls_at_digits(InkMap& ink, std::span<const uint8_t> before);
  // Straight, thin and upright: one run of ink across each row, its centre on a straight line
  // (its lean in lean_).
  bool is_upright_bar(const Component& c, const std::vector<int>& labels, int w);
  // At how many of its ends (0 to 2) cleared ink lies beside it: the rules it stood on or hung from.
  static int cleared_rules_met(const Box& b, const InkMap& ink, std::span<const uint8_t> before);
  // Cleared ink within rows y_from..y_to, a little way to either side of `b`'s columns.
  static bool cleared_beside(const Box& b, int y_from, int y_to, const InkMap& ink, std::span<const uint8_t> before);
  // Keeps the walls that stand in one row at even steps, as tall as one another; none where
  // they are `teeth` (a comb's, meeting a rule at one end) taller than kCombTooth of a step.
  // `hint`: the step the row's teeth stood at before its rules were cleared (0: none).
  // Sets step_ to the step between them.
  void keep_even_row(std::vector<Wall>& walls, std::vector<float>& scratch, bool teeth, float hint = 0);

  // A rule along the top or the bottom of a component: its line y = a + slope·x, how thick.
  struct Rule {
    float a = 0, slope = 0;
    int thick = 0;
  };
  bool fit_rule(const Component& c, const std::vector<int>& labels, int w, bool top, Rule& rule);
  // Most of the walls standing on the bottom rule reach up to cleared ink: a top rule cleared
  // before.
  bool walls_hang_from_cleared_rule(const Component& c, const std::vector<int>& labels, const InkMap& ink,
                                    std::span<const uint8_t> before, const Rule& bottom_rule);
  // Thin strokes standing up from the rule at even steps, as tall as one another (in teeth_).
  // `comb`: the component has no rule along its top.
  bool has_teeth(const Component& c, const std::vector<int>& labels, int w, const Rule& rule, bool comb);
  // Clears the rule's pixels of the component, but where a stroke crosses it.
  bool erase_rule(InkMap& ink, const Component& c, const std::vector<int>& labels, const Rule& rule);

  std::vector<Wall> walls_, teeth_;
  std::vector<float> wall_columns_;
  std::vector<std::pair<int, int>> runs_;  // erase_rule's, per column
  float lean_ = 0;
  float step_ = 0;                             // between the walls keep_even_row kept last
  float teeth_step_ = 0;                       // of the widest row erase_rules() cleared
  std::vector<std::pair<float, float>> edge_;  // fit_rule's columns: x, the edge's row
  std::vector<float> centres_, values_;
};

}  // namespace scrawl
