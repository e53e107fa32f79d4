// Reading a page, stage 4: the ink's connected components, less everything that cannot be
// (part of) a digit: specks, ruled lines, page borders and frames, solid blobs, faint marks.
#pragma once
#include <span>
#include <vector>

#include "binarize.h"
#include "components.h"
#include "field_boxes.h"

namespace scrawl {

struct Piece {
  int label = 0;  // this piece's pixels carry this value in labels()
  int area = 0;
  Box box;
};

class PieceFinder {
 public:
  // Edits ink.mask (line pixels are cleared). flat_background: a canvas, where no table or
  // page edge can be in view.
  std::span<const Piece> find(InkMap& ink, bool flat_background = false);
  // Component label per pixel, as ComponentFinder gives it.
  const std::vector<int>& labels() const { return finder_.labels(); }
  int label_count() const { return label_count_; }  // the largest label + 1
  // Where the walls of a row of printed boxes (or a comb's teeth) were cleared: one digit is
  // written to a box there. Empty when there were none.
  const Box& field_boxes() const { return field_boxes_; }
  // The ink mask before rules, lines and walls were cleared from it (working pixels).
  std::span<const uint8_t> ink_before_clearing() const { return before_; }
  // The columns of those walls, left to right (empty when there were none).
  std::span<const float> field_walls() const {
    return field_boxes_.w ? boxes_.wall_columns() : std::span<const float>{};
  }

 private:
  // Clears thin straight rows of ink that run across the whole image (a rule on a canvas or a
  // scan, touching the digits or not). Returns true if any ink was cleared.
  bool erase_rules_across(InkMap& ink);
  // Clears the thin stretches of line-like components (a ruled line, a form's box, tilted
  // or not); where a digit crosses or sits on the line, the column is thick and stays.
  // Returns true if any ink was cleared.
  bool erase_thin_lines(InkMap& ink, std::span<const Component> comps);
  // How many rows (columns) of each component come within `margin` pixels of each edge of the
  // image: a page edge or the table often stops just short of it.
  void measure_contact(std::span<const Component> comps, int w, int h, int margin);
  // Clears, within `margin` of an edge, a thin line that runs along it and that writing
  // touches (a field's underline or box cut by a tight crop), so that the writing is not taken
  // for something reaching in from beyond the frame. Returns true if any ink was cleared.
  bool trim_edge_lines(InkMap& ink, std::span<const Component> comps, int margin);
  // A ruled line, a page border's side, a fold: long, thin and straight (labels: finder_'s).
  bool is_line(const Component& c, int w, int h) const;
  // The median height of the pieces kept so far (there is at least one).
  float typical_height();
  // Puts back the blobs no larger than a pen's point beside the other pieces.
  void keep_pen_dots();
  // Puts back the strips beside a side of the image (edge_strips_) as tall as the other pieces.
  void keep_digit_sized_strips();
  // Drops the pieces whose darkest ink is faint beside the page's darkest writing.
  void drop_faint(const InkMap& ink, size_t components);

  struct Contact {
    int left = 0, right = 0, top = 0, bottom = 0;
  };
  static bool is_border(const Box& b, const Contact& e, int w, int h, bool tight_crop);
  ComponentFinder finder_;
  FieldBoxes boxes_;
  std::vector<uint8_t> before_;  // the ink mask before lines were cleared
  std::vector<Contact> contact_;
  // solid_: the roundish blobs left out; edge_strips_: thin pieces beside a side of the image
  std::vector<Piece> pieces_, solid_, edge_strips_;
  std::vector<int> counts_, heights_;
  std::vector<float> peaks_;
  int label_count_ = 1;
  Box field_boxes_;
};

}  // namespace scrawl
