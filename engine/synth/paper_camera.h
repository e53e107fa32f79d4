// A phone's photo of ink on paper: the paper's and the ink's colours, light falling off across
// the page, a vignette, the soft shadow of a hand or phone, defocus, sensor noise and JPEG.
#pragma once
#include <cstdint>
#include <vector>

#include "core/rng.h"

namespace scrawl::synth {

struct PhotoLook {
  float paper[3], ink[3];
  float gradient, angle, vignette, shadow, blur, noise;
  int quality;
};

// A look drawn at random: white or grey paper, warm or cold light, black or blue ink.
PhotoLook photo_look(Rng& rng);

// Photographs `cover` (ink coverage on flat paper, w×h, 0..1; blurred in place) with the look's
// light, camera and JPEG; `stroke` is the pen width in pixels, which the defocus scales with.
std::vector<uint8_t> photograph(std::vector<float>& cover, int w, int h, const PhotoLook& look, float stroke, Rng& rng);

}  // namespace scrawl::synth
