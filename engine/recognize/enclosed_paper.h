// How much paper a digit's ink encloses, in the 28×28 image the model reads. A 1 or a 7
// encloses none worth counting, while a triangle that the digit model reads as a sure 1
// encloses much of its box: the shape rules that reading out.
#pragma once

#include "core/digit_pixels.h"

namespace scrawl {

// Pixels at least this dark are ink; the rest is paper.
inline constexpr float kEnclosedPaperInk = 0.35f;
// A 1 or a 7 encloses fewer pixels of paper than this. At 12, one of the development
// writers' 3070 photos was ruled out (a 7 whose pen looped at its corner: 22 pixels); at 40,
// none of their canvases, photos, scans or crops. Triangles drawn 60 to 200 px wide with
// strokes of 2 to 8% of their width enclose 84 to 144.
inline constexpr int kMostPaperInAOneOrSeven = 40;

// Paper pixels that no 4-connected path of paper joins to the image's border.
int enclosed_paper(const DigitPixels& pixels);

// Whether the pixels cannot be `digit`: a 1 or a 7 enclosing kMostPaperInAOneOrSeven or more.
bool shape_rules_out(int digit, const DigitPixels& pixels);

}  // namespace scrawl
