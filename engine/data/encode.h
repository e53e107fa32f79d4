// PNG and JPEG files, written with stb_image_write (Debian's libstb-dev): the test pages, the
// robustness evaluation's images and the report's pictures, so that they come back through
// the same decoder a user's photo goes through. Native tools only; the one place that
// compiles stb_image_write.
#pragma once
#include <cstdint>
#include <vector>

#include "core/image.h"

namespace scrawl {

// pixels: width*height*channels bytes, row after row; channels 1 (gray), 3 (RGB) or 4 (RGBA,
// alpha kept: a canvas export with a transparent background; PNG only). quality: 1..100.
std::vector<uint8_t> encode_png(const uint8_t* pixels, int width, int height, int channels);
std::vector<uint8_t> encode_jpeg(const uint8_t* pixels, int width, int height, int channels, int quality);
// BMP and TGA (run-length encoded): other formats a user's file may come in (the fuzzers' seeds).
std::vector<uint8_t> encode_bmp(const uint8_t* pixels, int width, int height, int channels);
std::vector<uint8_t> encode_tga(const uint8_t* pixels, int width, int height, int channels);
// A GIF of 256 greys whose LZW codes are all literals, so that it needs no compressor;
// `transparent` makes white transparent; `frames` copies of the image make an animation.
std::vector<uint8_t> encode_gif(const GrayImage& image, bool transparent = false, int frames = 1);

inline std::vector<uint8_t> encode_png(const GrayImage& img) {
  return encode_png(img.pixels.data(), img.width, img.height, 1);
}
inline std::vector<uint8_t> encode_jpeg(const GrayImage& img, int quality) {
  return encode_jpeg(img.pixels.data(), img.width, img.height, 1, quality);
}
// rgb: width*height*3 bytes.
inline std::vector<uint8_t> encode_png(const std::vector<uint8_t>& rgb, int width, int height) {
  return encode_png(rgb.data(), width, height, 3);
}
inline std::vector<uint8_t> encode_jpeg(const std::vector<uint8_t>& rgb, int width, int height, int quality) {
  return encode_jpeg(rgb.data(), width, height, 3, quality);
}
// rgba: width*height*4 bytes.
inline std::vector<uint8_t> encode_png_rgba(const std::vector<uint8_t>& rgba, int width, int height) {
  return encode_png(rgba.data(), width, height, 4);
}

}  // namespace scrawl
