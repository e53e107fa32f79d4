// What a person hands the app, made from pen trajectories: a drawing exported from a canvas
// (PNG, any size, mouse, finger or stylus, sometimes a transparent background), or a photo of
// the same strokes written with a felt-tip on paper (lighting gradient, vignette, the soft
// shadow of a hand or phone, white balance, blue or black ink, defocus, JPEG). The same
// scenes drawn with strokes that are no digit (a person, a house, a star...) or with nothing
// but noise are the negatives.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/rng.h"
#include "real/pen_samples.h"

namespace scrawl::synth {

struct Scene {
  int width = 0, height = 0;
  std::vector<uint8_t> file;  // PNG or JPEG bytes, as uploaded
  std::string traits;         // what was drawn, for galleries: "mouse 280x280 stroke 4%"
};

Scene canvas_drawing(const std::vector<real::Stroke>& strokes, Rng& rng);
// max_width: the widest photo to make (the trainer asks for small ones: they read faster).
Scene paper_photo(const std::vector<real::Stroke>& strokes, Rng& rng, int max_width = 1000);

// Something that is not a digit, as a canvas drawing or a photo: a stick figure (a circle over
// a box), a house, a star, a smiley, a frame, scribbled hatching, pure noise, or an empty page.
Scene not_a_digit(Rng& rng);

}  // namespace scrawl::synth
