// Reading a page, stage 6: one line's groups -> its digits. A group may be one digit, part
// of one (joined with its neighbour), several touching digits (split at candidate cuts:
// minima of the ink's column profile), or a speck to skip. Among all the ways to read the
// line, the one the scorer (the model) finds most convincing wins.
#pragma once
#include <functional>
#include <span>
#include <utility>
#include <vector>

#include "components.h"
#include "cut_paths.h"
#include "digit_cutout.h"
#include "lines.h"

namespace scrawl {

// A candidate digit as the splitter cut it: what a model reads, and where it came from.
struct Cutout {
  const DigitPixels& pixels;
  Box box;                        // working pixels
  std::span<const uint8_t> mask;  // box.w*box.h: 1 where the pixel is this candidate's ink
};

// What the models make of a cut-out. The segmenter takes the scorer as a callback, so it does
// not depend on the model type.
struct CandidateScore {
  float digit = 0;      // how sure the digit model is of its digit (its top probability)
  float one_digit = 1;  // how likely the cut-out is one whole digit, not two or a piece of one
};
using DigitScorer = std::function<CandidateScore(const Cutout&)>;

struct FoundDigit {
  DigitPixels pixels;    // what the model reads
  Box box;               // working pixels until the segmenter maps it to the source
  int line = 0;          // 0-based, top to bottom
  float confidence = 0;  // the digit model's
  float one_digit = 1;   // the one-digit check's
  int strokes = 0;       // pieces of ink in its cut-out that are not specks (0: not counted)
  // The digit model all but certain, and the check not quite sure it is no digit: a digit in
  // a hand the check has seen little of (a 0 crossed with a slash or a bar, a 0 open at the
  // top). Drawings the digit model reads as a digit it is rarely this sure of.
  static constexpr float kCertain = 0.998f, kCertainOneDigit = 0.01f;
  // Only a digit written in one piece: a face in a ring (a smiley) reads as a certain 0 too.
  bool is_certain() const { return strokes == 1 && confidence >= kCertain && one_digit >= kCertainOneDigit; }
  // What the two models make of it says it is no digit at all (a drawing, a shape, a mark):
  // the check is sure it is not one digit, or doubts it while the digit model is unsure too.
  bool is_no_digit() const { return !is_certain() && (one_digit < 0.1f || (one_digit < 0.5f && confidence < 0.9f)); }
};

class DigitSplitter {
 public:
  // Appends the line's digits, left to right, to out. `walls`: where the line is written in a
  // row of printed boxes, the columns of their walls, left to right: one digit to a box.
  void read_line(const InkSource& src, std::span<const Group> groups, const TextLine& line, const DigitScorer& score,
                 std::vector<FoundDigit>& out, std::span<const float> walls = {});
  // The specks and dots the last read_line() left out of its digits (working pixels): a
  // number's points and commas are among them.
  std::span<const Box> skipped() const { return skipped_; }
  // Asks the scorer about every cut-out the reading weighs (training records them all). By
  // default a cut-out that could not beat the best reading found so far even if the models
  // were sure of it is not scored: the same reading, with a fraction of the models' work.
  void score_every_cut(bool every) { every_cut_ = every; }

 private:
  // The line's digit height, refined for a line whose digits all touch.
  bool every_cut_ = false;
  float digit_height(const InkSource& src, std::span<const Group> groups, const TextLine& line);
  // Whether a page pixel is ink of group `group`.
  struct GroupInk {
    const std::vector<int>& labels;
    const std::vector<int>& group_of_label;
    int width, group;
    bool operator()(int x, int y) const {
      const int label = labels[size_t(y) * width + x];
      return label > 0 && group_of_label[size_t(label)] == group;
    }
    // 2 · area / perimeter of its ink within b: the width of its strokes.
    float stroke_width(const Box& b) const;
  };
  // The line's groups as atoms (cut where touching digits may meet), then the best reading of
  // them as digits (best_, from_), then that reading's digits.
  void make_atoms(const InkSource& src, std::span<const Group> groups, const TextLine& line, float H);
  void add_atoms(const GroupInk& mine, const Box& b, std::span<const CutPath> cuts, size_t first_path, float H);
  bool best_reading(const InkSource& src, const DigitScorer& score, float H);
  // Which of the printed boxes (between walls_) a digit in `b` lies in; -1 where it reaches
  // across a wall.
  int printed_box_of(const Box& b) const;
  static constexpr float kIntoWall = 0.2f;
  std::span<const float> walls_;
  std::vector<int> printed_box_;  // per atom: the printed box of the digit the best reading ends there
  void emit_reading(const InkSource& src, std::vector<FoundDigit>& out);

  // Pieces of a cut-out's ink at least kStrokeShare of its largest piece's area.
  int count_strokes(const Box& box, std::span<const uint8_t> mask);
  static constexpr float kStrokeShare = 0.05f;

  CutFinder cut_finder_;
  ComponentFinder strokes_;
  DigitCutter cutter_;
  std::vector<Atom> atoms_;
  std::vector<float> split_cost_;  // per atom: the cost of a digit ending just before it
  std::vector<int> paths_, picked_, spans_, top_, bottom_;
  std::vector<Box> skipped_;
  std::vector<std::pair<int, int>> path_of_;  // per atom: offsets of its cuts in paths_, -1 for none
  std::vector<float> best_, confidence_, one_digit_;
  std::vector<int> from_;
  DigitPixels pixels_;
  // The last cut-out scored (atoms [i, j), its box): while pixels_ and the cutter's mask still
  // hold it, a reading that keeps it (a lone digit) is not cut out a second time.
  int last_cut_i_ = -1, last_cut_j_ = -1;
  Box last_cut_box_;
};

}  // namespace scrawl
