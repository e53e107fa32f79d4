// The line model's reading of each line the page reader found (line_reader.h). Cutting a
// line into digits fails exactly where real writing is hardest: digits that touch or are
// written in one stroke, an underline through them, separators; the line model reads the line
// whole. It rereads lines that fill most of the image's height (a field: a cheque's amount, a
// form's box) or a number's only line across most of its width, where it was measured to read
// better than the cuts; a line small on a large page is left to the cuts, which read those
// better. Where the two read as many digits, both models weigh every mix of the two readings
// (line_weighing.h); where they read different numbers, the line model's reading replaces the
// cut one unless it finds the cut reading nearly as probable, or doubts a digit of its own
// while the cuts are sure of theirs. Each digit keeps the box of the cut digit it matches, or
// gets the columns it was read in.
#pragma once
#include <span>

#include "core/image.h"
#include "line_reader.h"
#include "line_weighing.h"
#include "recognizer.h"

namespace scrawl {

struct LinePassSettings {
  // A line is reread when it is at least this share of the image's height (a field), or when
  // it is the image's only line and has 2 to field_most_digits cut digits (a number
  // photographed with the paper around it). One of many lines is left to the cuts.
  float field_fill = 0.45f;
  size_t field_most_digits = 12;
  // The region read: the line's box grown by these shares of its height on each side (the
  // line reader then finds the ink's own band in it). Two heights to the sides, so that a
  // first or last digit the cuts left out (an 8 wider than the digits read, touching the
  // crop's edge) is still read.
  float grow_x = 2.0f, grow_y = 0.5f;
  // A number's only line that is no field is grown by this much to the sides instead: what
  // lies further out is the paper's edge and the table, which the line model reads as 1s,
  // not a digit the cuts left out.
  float grow_x_alone = 0.5f;
  // Where the two read different numbers of digits, the cut reading stays when the line model
  // finds it at least this share as probable as its own reading, or when the line model is
  // less than line_doubt_below sure of one of its digits while every cut digit is at least
  // cut_sure (a photo's "517804", every cut-out sure, that the line model read "330").
  float cut_plausible = 0.05f;
  float line_doubt_below = 0.6f;
  float cut_sure = 0.95f;
  // Where both read as many digits, how the two readings are weighed (line_weighing.h).
  LineWeighing weighing;
  // A line in a row of printed boxes is read as the line model reads it only where that is at
  // most this many digits more or fewer than the boxes cut (where the remnants of a wall or a
  // rule are read as digits, the count is off by more).
  size_t boxed_most_count_change = 1;
  // A line of one cut digit narrower than this many times its height is a lone digit: only
  // read as more where the line model finds two or more digits in it, each at least
  // single_split_sure (an open 4 or a drawn V is not "11" on the line model's doubt).
  // A field's first digit is no lone digit: in an image at least whole_field_aspect times as
  // wide as high, a line of one digit narrower than half the image is read as a field (the
  // rest of "6.000" may be zeros too small for the cuts to take for digits).
  float single_digit_aspect = 1.5f;
  float single_split_sure = 0.9f;
  // A lone digit the digit model reads at least this surely is not reread at all: the line
  // model is most of a lone digit's reading time, and two sure digits are not what such a
  // cut-out holds.
  float single_kept_above = 0.999f;
  float unsure_below = 0.8f;  // a digit less sure than this is flagged for a person to check
  // A field whose cut-outs the page reader doubted is read by the line model only when nothing
  // else was read, and kept only with at least this many digits, each at least this sure.
  size_t doubted_min_digits = 2;
  float doubted_sure = 0.9f;
  // With nothing read and no doubted line, an image at least this many times as wide as high
  // is read whole as one doubted line.
  float whole_field_aspect = 2.0f;
};

// What the page reader found of the image as a whole, for the line pass.
struct PageFacts {
  // The rows of a form's printed boxes, in image pixels.
  std::span<const Box> boxed;
  // Which side of the paper's grey the ink is.
  InkSide ink = InkSide::kFind;
  // The image with the boxes' printing painted over with their paper (null: none): a line in
  // the boxes is reread there, where no wall is left to read as a 1.
  const GrayImage* unprinted = nullptr;
};

// Rereads every line of `reading` in `image`; rebuilds its text. Returns how many lines changed.
// A line written in a row of printed boxes (`page.boxed`) is reread in `page.unprinted`, or left
// as cut where there is none: the line model would read the walls as 1s.
int reread_lines(const GrayImage& image, LineReader& reader, const LinePassSettings& settings, Reading& reading,
                 const PageFacts& page = {});

// Where nothing was read, reads the field-filling lines the page reader doubted (`doubted`,
// boxes in image pixels: digits that touch throughout cut into pieces it takes for no digit),
// or a field-shaped image whole where it doubted none, and keeps each line the line model
// reads surely. Returns how many lines it kept.
int read_doubted_lines(const GrayImage& image, LineReader& reader, const LinePassSettings& settings,
                       std::span<const Box> doubted, Reading& reading, InkSide ink = InkSide::kFind);

}  // namespace scrawl
