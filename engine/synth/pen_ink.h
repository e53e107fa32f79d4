// Pen trajectories laid down as ink: the strokes of a real writer's digit (or of a drawing that
// is no digit) rasterised with round caps and joins into a coverage map, 0 = paper, 1 = ink,
// the way a canvas or a felt-tip on paper draws them.
#pragma once
#include <cstdint>
#include <vector>

#include "core/rng.h"
#include "real/pen_samples.h"

namespace scrawl::synth {

// How the hand moved the pen, as the app received it.
enum class PenInput {
  kStylus,  // the trajectory as recorded
  kMouse,   // whole-pixel positions and a wobble along the line
  kFinger,  // smoothed: a touch screen reports fewer, rounder points
};

struct Placement {
  float x = 0, y = 0;  // top-left of the writing's box, pixels
  float height = 0;    // of the writing's box, pixels (its width follows the writer's aspect)
  float stroke = 1;    // pen width, pixels
  float rotation = 0;  // degrees, about the box's centre
};

// The strokes' bounding box in their own units.
struct Extent {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float width() const { return x1 - x0; }
  float height() const { return y1 - y0; }
};
Extent extent_of(const std::vector<real::Stroke>& strokes);

// The width the writing takes when drawn `height` pixels high (at least a tenth of it: a 1
// written as a straight line still has a width).
float width_at(const Extent& e, float height);

// Adds the strokes' ink to `cover` (w×h, max of old and new).
void draw_strokes(const std::vector<real::Stroke>& strokes, const Placement& where, PenInput input, Rng& rng,
                  std::vector<float>& cover, int w, int h);

// The strokes drawn in MNIST's form: 28×28, 0 = background, 255 = ink, fitted into the middle
// 20×20 by the longer side (a flat shape at least a tenth as high as wide), with a pen
// `stroke` pixels wide.
void draw_in_mnist_form(const std::vector<real::Stroke>& strokes, float stroke, Rng& rng, uint8_t* out);

}  // namespace scrawl::synth
