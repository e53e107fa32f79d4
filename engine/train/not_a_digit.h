// Shapes that are no digit, for the one-digit check's negatives: random polygons, rings and
// ellipses in twos and threes, scribbles, hatching and grids, clusters of dots, a ring with
// marks inside, and drawings (a house, a person, a sun or a flower, a face, a crossed frame, a
// heart, a tree, an arrow) with random proportions. Drawn with pen strokes in MNIST's form (28×28, ink in the middle
// 20×20), so the trainer distorts and prepares them as it does digits, and the check learns that a confident digit
// model is not enough: a drawing of a face or a star is not a 0 or a 4.
#pragma once
#include <cstdint>

#include <vector>

#include "core/rng.h"
#include "real/pen_samples.h"

namespace scrawl {

// out: 28×28, 0 = background, 255 = ink.
void draw_not_a_digit(Rng& rng, uint8_t* out);

// The same shapes as pen strokes in a 100×100 box (y down), for drawing them on a canvas or a
// photographed page as a person would (synth/pen_scenes.h).
std::vector<real::Stroke> not_a_digit_strokes(Rng& rng);

}  // namespace scrawl
