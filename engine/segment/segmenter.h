// Finds every digit on a page: grayscale -> working copy -> even lighting -> ink mask ->
// pieces -> lines -> digits (joined, split, ordered) -> one digit or many -> 28×28 images
// for the model.
// Buffers are members: after the first image of a size, a call allocates nothing.
#pragma once
#include <span>
#include <vector>

#include "background.h"
#include "binarize.h"
#include "core/image.h"
#include "digit_splitter.h"
#include "lines.h"
#include "morphology.h"
#include "one_or_many.h"
#include "page_edge.h"
#include "pieces.h"
#include "separators.h"
#include "working_copy.h"

namespace scrawl {

class Segmenter {
 public:
  // Lines whose digits are lower than this share of the working copy's longer side (or
  // kMinDigitPixels) are noise: a 5 mm digit on a whole A4 page photo is ~1.7%.
  static constexpr float kMinDigitHeight = 0.015f;
  static constexpr int kMinDigitPixels = 8;
  // Lines whose median digit the scorer is less sure of than this are dropped.
  static constexpr float kMinLineConfidence = 0.7f;
  // ...except a line of one digit the one-digit check finds whole (at least this likely): an
  // odd hand's digit (a 1 with a long flag, a 4 with a closed top) is reported unsure, not lost.
  static constexpr float kLoneWholeDigit = 0.8f;
  // ...and those whose median cut-out the one-digit check gives less than this (hatching, noise).
  static constexpr float kMinLineOneDigit = 0.05f;
  // A mark on a line of digits lower than this share of their typical height and wider than
  // this many times its own height is a dash or an equals sign ("3.975,00-", "8558="), not a 1 or a 2.
  static constexpr float kDashHeight = 0.5f, kDashWidth = 1.3f;
  // Lines of at most this many digits lose those the models say are no digit (a drawing read
  // as digits is short; a number's doubtful cut is vouched for by its neighbours).
  static constexpr size_t kShortLine = 2;
  // The most pieces of ink, and digit-sized groups in readable lines, a page is read with: a
  // page of handwritten numbers holds a few hundred; beyond these it is noise, texture or text,
  // and reading it would cost seconds of model runs for nothing.
  static constexpr size_t kMaxPieces = 2000, kMaxGroups = 600;
  // A second reading for bold strokes is asked for when one or two digits are read less surely
  // than kDoubtBelow (or none), and kept only when it is one digit the model is kSureOfBold of,
  // that the one-digit check gives at least kOneDigitOfBold (it is less sure of bold strokes
  // than of a pen's: a felt-tip 8 filling a photo gets 0.41), not filling the frame both ways.
  // Lines of at most kMaxStackedLine digits that make one cluster, each less than kStackGap of a
  // line's height above or below another and overlapping it across (with what was cut from them
  // and dropped as no digit), are a drawing read as digits.
  static constexpr int kMaxStackedLine = 3;
  static constexpr float kStackGap = 0.15f;
  static constexpr float kDoubtBelow = 0.97f, kSureOfBold = 0.9f, kOneDigitOfBold = 0.4f, kFillsFrame = 0.8f;
  // A reading of no digit or one, of an image no larger than kMaxPaddedSide a side with ink
  // next to its edge (kEdgeInkContrast levels from the paper there), is made once more with a
  // margin of that paper around it: a tight crop. (A larger image with ink at its edge is a
  // photo whose frame cuts the table: given a margin, the table's strip reads as a 1.)
  static constexpr int kMaxPaddedSide = 160, kEdgeInkContrast = 64;
  // A crop smaller than kEnlargeBelow a side is also enlarged (bilinearly, by a whole factor)
  // until its longer side is at least kEnlargeTo: cut to its ink from a 28×28 scan, a digit is
  // a dozen pixels of strokes one pixel thin, broken by the scanner's threshold, where every
  // stage's smoothing and its sizes of specks and strokes take it apart.
  static constexpr int kEnlargeBelow = 40, kEnlargeTo = 56;
  // Where that leaves nothing or a doubt, such a crop is read once more with its ink a source
  // pixel bolder on every side, and kept if its one digit spans kBolderSpan of the crop each way.
  static constexpr float kBolderSpan = 0.7f;

  // The digits in reading order (lines top to bottom, each left to right), boxes in the
  // source image's pixels. Empty when there are none. Valid until the next call.
  std::span<const FoundDigit> find(const GrayImage& image, const DigitScorer& score);
  int line_count() const { return line_count_; }
  // The points, commas, dashes and equals signs among the digits of each line of the last
  // find() (boxes in the source image's pixels), left to right within a line.
  std::span<const Mark> marks() const { return marks_; }
  // Lines of several cut-outs that the models doubted as a whole and that were left out (in
  // the source image's pixels): a reader that does not cut may read them. Valid until the next call.
  std::span<const Box> doubted_lines() const { return doubted_; }
  // The rows of a form's printed boxes (or comb) the last find() read, one digit to a box, their
  // walls cleared (in the source image's pixels): the boxes cut the digits apart.
  std::span<const Box> boxed_fields() const { return boxed_; }
  // Where the last find() read a row of printed boxes at the source's own placement: whether
  // the printing (rules and walls) was cleared at source pixel (x, y).
  bool printing_cleared_at(int x, int y) const {
    if (cleared_.empty()) return false;
    const int wx = x / working_factor_, wy = y / working_factor_;
    return wx < cleared_w_ && wy < cleared_h_ && cleared_[size_t(wy) * size_t(cleared_w_) + size_t(wx)];
  }
  bool printing_cleared() const { return !cleared_.empty(); }
  // Whether the reading the last find() kept took the ink to be lighter than its paper (chalk
  // on a board).
  bool light_ink() const { return light_ink_; }
  // The last find() gave up, the page holding more than kMaxPieces or kMaxGroups; how many.
  size_t too_many_marks() const { return too_many_; }
  // Source pixels per working pixel, each way, in the last find(): what a Cutout's box is in.
  int working_factor() const { return working_factor_; }
  // Scores every cut-out a line's reading weighs, not only those that could still win
  // (DigitSplitter::score_every_cut): for training, which learns from them all.
  void score_every_cut(bool every) { splitter_.score_every_cut(every); }

 private:
  // One pass through the stages, boxes in working pixels.
  void read_once(const GrayImage& image, const DigitScorer& score, bool bold_strokes);
  // The second readings: the first is kept aside (first_...) and put back where the second
  // is not better.
  void keep_first_reading();
  void back_to_first_reading();
  void read_bold(const GrayImage& image, const DigitScorer& score);
  // How the image read was made from the source: enlarged, then a margin added around it.
  struct Placement {
    int pad = 0;          // pixels of margin (of the enlarged image) on every side
    int enlarge = 1;      // working pixels per source pixel, each way
    bool bolder = false;  // its ink made a source pixel bolder on every side
  };
  // Returns how the kept reading's image was made (no margin: the first reading was kept).
  Placement read_with_margin(const GrayImage& image, const DigitScorer& score, int enlarge, bool bolder = false);
  // Boxes from working pixels (of the image placed as `placed`) to the source image's.
  void to_source(const GrayImage& image, Placement placed);
  static bool doubtful(std::span<const FoundDigit> digits);
  bool fills_frame(const Box& working_box) const;
  // The median of the image's outermost pixels: its paper, where it is a crop.
  int paper_level(const GrayImage& image);
  // Ink within two pixels of the image's edge.
  bool ink_at_edge(const GrayImage& image);
  // The image enlarged `placed.enlarge` times, with `placed.pad` pixels of its paper added on
  // every side (in padded_).
  const GrayImage& with_margin(const GrayImage& image, Placement placed);
  // Short lines stacked right on each other (a sun's rays, a stick figure's head over its body)
  // are one drawing, not numbers: lines of writing leave space between them.
  bool is_stacked_drawing();
  // One line's digits, appended to digits_ where the line convinces.
  void read_line(const InkSource& src, const TextLine& line, const WorkingCopy& copy, const DigitScorer& score);
  // Whether the models find the line's digits (digits_[first...]) digits.
  bool convincing_line(size_t first);
  // Drops the dashes among digits_[first...] (one line's), adding their boxes to left_out_.
  void drop_dashes(size_t first);

  Morphology<uint8_t> bolden_;
  WorkingCopyMaker copy_;
  BackgroundFlattener flattener_;
  Binarizer binarizer_;
  PieceFinder pieces_;
  LineBuilder lines_;
  DigitSplitter splitter_;
  PageEdgeCheck edge_;
  OneOrMany one_or_many_;
  SeparatorFinder separators_;
  std::vector<Box> left_out_;  // of the line being read: skipped specks and dropped dashes
  std::vector<Mark> marks_, first_marks_;
  std::vector<int> used_groups_;
  std::vector<FoundDigit> digits_, first_;
  std::vector<Box> doubted_, first_doubted_, boxed_, first_boxed_;
  // Of a reading that found a row of boxes: the printing cleared (working pixels).
  std::vector<uint8_t> cleared_, first_cleared_;
  int cleared_w_ = 0, cleared_h_ = 0, first_cleared_w_ = 0, first_cleared_h_ = 0;
  std::vector<float> confidences_, heights_;
  // Every line that was cut into candidates, top to bottom: the box of all it cut (what was
  // then dropped as no digit too) and how many digits it kept (0: the line was dropped).
  struct CutLine {
    Box extent;
    int digits = 0;
  };
  std::vector<CutLine> cut_lines_;
  std::vector<char> joined_;  // is_stacked_drawing's scratch
  GrayImage padded_;
  std::vector<uint8_t> ring_;
  int line_count_ = 0, first_lines_ = 0, first_factor_ = 1;
  bool light_ink_ = false, first_light_ink_ = false;
  size_t too_many_ = 0;
  int working_factor_ = 1;
  int frame_w_ = 0, frame_h_ = 0;  // the working copy's
};

}  // namespace scrawl
