// A person's digit as they might have written it another time: turned, slanted, scaled and
// shifted a little, the strokes a little bolder or finer. Fine-tuning learns from such copies
// so that twenty samples of a digit teach the way it is written, not those twenty images.
#pragma once
#include "core/digit_pixels.h"
#include "core/rng.h"

namespace scrawl::learn {

// out: `in` (the model's 28×28 input, 0 = paper, 1 = ink) moved by a small random affine map.
void jitter_digit(const DigitPixels& in, Rng& rng, DigitPixels& out);

}  // namespace scrawl::learn
