// bytes -> GrayImage. The first stage of the pipeline.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/image.h"
#include "core/status.h"

namespace scrawl {

// Limits checked from the header, before any pixel is decoded.
inline constexpr long long kMaxPixels = 50'000'000;
inline constexpr int kMaxSide = 16384;

// Decodes PNG, JPG, BMP, GIF (first frame), TGA and the rest stb_image reads into
// 8-bit grayscale; transparent pixels are composited onto white.
Result<GrayImage> decode_image(std::span<const uint8_t> bytes);

// A photo over the limits above, read at a size reading needs: decoded if it is at most
// kMaxReduciblePixels and kMaxReducibleSide (which still keep a decompression bomb out: up to
// 800 MB while decoding a PNG of that size), then shrunk by a whole factor until its longer side
// is at most `max_side` and it is within kMaxPixels. An image already that small is as
// decode_image gives it. max_side: 64 to kMaxSide.
inline constexpr long long kMaxReduciblePixels = 200'000'000;
inline constexpr int kMaxReducibleSide = 65535;
Result<GrayImage> decode_image_reduced(std::span<const uint8_t> bytes, int max_side);

// RGBA pixels (as a canvas gives them) -> grayscale, alpha composited onto white.
Result<GrayImage> gray_from_rgba(const uint8_t* rgba, int width, int height);

// Checks width/height against the limits; shared by both entry points.
Status check_image_size(long long width, long long height);

}  // namespace scrawl
