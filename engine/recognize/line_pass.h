// The line model's reading of each line the page reader found (line_reader.h). Cutting a
// line into digits fails exactly where real writing is hardest: digits that touch or are
// written in one stroke, an underline through them, separators; the line model reads the line
// whole. Where the two disagree and the line model is sure enough, its digits replace the
// cut ones: each keeps the box of the cut digit it matches, or gets the columns it was read in.
// A single digit standing alone is left to the digit model.
#pragma once
#include "core/image.h"
#include "line_reader.h"
#include "recognizer.h"

namespace scrawl {

struct LinePassSettings {
  // The line model's reading replaces the cut one when its path is at least this probable,
  // or more probable than the cut digits all being right.
  float sure_enough = 0.5f;
  // A line of one cut digit narrower than this many times its height is a single digit.
  float single_digit_aspect = 1.5f;
  float unsure_below = 0.8f;  // a digit less sure than this is flagged for a person to check
};

// Rereads every line of `reading` in `image`; rebuilds its text. Returns how many lines changed.
int reread_lines(const GrayImage& image, LineReader& reader, const LinePassSettings& settings, Reading& reading);

}  // namespace scrawl
