// A scanned digit as other scanners' software saves it: cut to its ink, grey with a little
// paper around it, black and white with none, or its ink's box stretched to fill a small square
// (as some postal and form readers normalise their digits).
#pragma once
#include <cstdint>

#include "core/image.h"
#include "core/rng.h"

namespace scrawl::synth {

enum class CropStyle { kGrey, kBlackAndWhite, kFilled };
const char* crop_style_name(CropStyle style);  // "grey", "b&w", "filled"

struct CropLook {
  CropStyle style = CropStyle::kGrey;
  uint8_t ink_below = 128;  // what counts as ink, for the box and for black and white
  int margin = 1;           // pixels of paper kept around the ink (grey and black and white)
  int filled_side = 16;     // the square a kFilled crop is stretched to
};

// The look `scrawl eval --real` reads its crops in: one pixel of paper for grey, none for
// black and white, 16×16 filled, ink below 128.
CropLook standard_crop_look(CropStyle style);

// A look drawn at random for training: any style, a threshold from faint to bold (96–176),
// a margin of 0–2 pixels, a filled square of 12–24 pixels.
CropLook random_crop_look(Rng& rng);

// A 28×28 digit (dark ink on light paper) cut to its ink in that look.
GrayImage cut_to_ink(const uint8_t* digit28, const CropLook& look);

}  // namespace scrawl::synth
