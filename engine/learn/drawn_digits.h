// Digits drawn by code with pen strokes: the common ways of writing each digit (a 1 with or
// without a flag and a base, an open or a closed 4, a crossed 7, a 9 with a straight or a curved
// stem...), each drawn with its own proportions, slant and pen. Made by the project alone, they
// are the rehearsal set fine-tuning learns beside a person's own digits, so that the model does
// not forget how other people write, and the digits of the tests' synthetic writers.
#pragma once
#include <cstdint>
#include <vector>

#include "core/digit_pixels.h"
#include "core/rng.h"
#include "real/pen_samples.h"

namespace scrawl::learn {

// How many ways of writing `digit` there are (styles 0 .. count-1).
int digit_style_count(int digit);

// The strokes of `digit` written in `style`, varied by rng, in a 100×100 box (y down).
std::vector<real::Stroke> digit_strokes(int digit, int style, Rng& rng);

// The strokes drawn in MNIST's form: 28×28, 0 = background, 255 = ink, the ink fitted into the
// middle 20×20 by its longer side, with a pen `stroke` pixels wide.
void draw_digit_strokes(const std::vector<real::Stroke>& strokes, float stroke, Rng& rng, uint8_t* out);

struct DrawnDigits {
  std::vector<DigitPixels> pixels;  // as the model reads them
  std::vector<uint8_t> labels;
};

// `per_digit` digits of each kind in every style by turns, prepared as the reader prepares what
// it cuts (MnistPreparer); the same seed gives the same set.
DrawnDigits drawn_digit_set(int per_digit, uint64_t seed);

}  // namespace scrawl::learn
