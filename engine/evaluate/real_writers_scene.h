// One item of `scrawl eval --real` as the app receives it: a canvas PNG or a paper photo drawn
// from a pen sample's trajectories, a CVL scan as a PNG (every other one enlarged 3×, as a
// scan at a higher resolution), the same scan cut to its ink (synth/ink_crop.h), or a drawing of no
// digit (synth/pen_scenes.h).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/image.h"
#include "real_writers_items.h"

namespace scrawl {

struct RealImage {
  std::vector<uint8_t> file;  // PNG or JPEG bytes
  bool jpeg = false;
  std::string traits;  // how it was made, for the gallery
};

// Seeded by (seed, the item's kind and index): an item looks the same in every run and on any thread.
RealImage render_real_item(const RealItem& item, const std::vector<real::PenSample>& pens, const real::CvlDigits& cvl,
                           uint64_t seed);

// A side×side gray image scaled by `factor` (bilinear) as RGB.
std::vector<uint8_t> enlarge_to_rgb(const uint8_t* gray, int side, int factor);

}  // namespace scrawl
