// Phones store a portrait photo as a landscape JPEG and say in its EXIF data which way up it
// belongs. Browsers and photo viewers turn it; so does Scrawl, so that a number photographed
// upright is read upright and its boxes land where the person sees the digits.
#pragma once
#include <cstdint>
#include <span>

#include "core/image.h"

namespace scrawl {

// The EXIF orientation of a JPEG (1 to 8, as the EXIF standard numbers them); 1 (stored
// upright) when there is none or the data is damaged.
int jpeg_orientation(std::span<const uint8_t> bytes);

// The image turned and mirrored as an orientation asks.
GrayImage apply_orientation(const GrayImage& stored, int orientation);

}  // namespace scrawl
