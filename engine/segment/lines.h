// Reading a page, stage 5: pieces -> lines of text, top to bottom, and within each line the
// pieces of one digit joined (a 7's separate bar, a broken 5: pieces whose x-ranges overlap),
// left to right. Lines are followed piece by piece, so a string written or photographed at a
// slant stays one line.
#pragma once
#include <span>
#include <vector>

#include "components.h"
#include "pieces.h"

namespace scrawl {

// One or more pieces that belong to one digit (or to touching digits, split later).
struct Group {
  Box box;
  int area = 0;
};

struct TextLine {
  int first = 0, count = 0;  // its groups are groups()[first, first + count), left to right
  int height = 0;            // typical digit height on this line
};

class LineBuilder {
 public:
  // label_count: the largest component label + 1.
  void build(std::span<const Piece> pieces, int label_count);

  std::span<const TextLine> lines() const { return lines_; }
  std::span<const Group> groups() const { return groups_; }
  // Group of each component label; -1 for labels that are in no piece.
  const std::vector<int>& group_of_label() const { return group_of_label_; }

 private:
  // The phases of build(), in order.
  int digit_height(std::span<const Piece> raw);
  void join_stacked(std::span<const Piece> raw, int big);
  void follow_lines(std::span<const Piece> pieces, int big);
  void order_by_line();
  void group_columns(std::span<const Piece> pieces, int label_count);
  int typical_height(const TextLine& line);
  // The line a piece joins while lines are followed; -1: a line of its own.
  int line_for_tall(std::span<const Piece> pieces, const Box& b) const;
  int line_for_fragment(std::span<const Piece> pieces, int i, int big) const;
  int root(int i);  // of a piece's stack, in parent_

  struct Track {  // a line being followed left to right
    int max_h = 0;
    double y_sum = 0;
    int n = 0;
    Box box;  // of its tall pieces
  };
  std::vector<Track> tracks_;
  std::vector<int> order_, track_of_, track_order_, track_rank_, track_row_;
  std::vector<Group> groups_;
  std::vector<TextLine> lines_;
  std::vector<int> group_of_label_, heights_, parent_, merged_of_;
  std::vector<Piece> stacked_, merged_;
};

}  // namespace scrawl
