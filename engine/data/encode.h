// Image files for the synthetic test pages, written with stb_image_write (Debian's libstb-dev),
// so that they come back through the same decoder a user's photo goes through.
#pragma once
#include <cstdint>
#include <vector>

namespace scrawl::synth {

// rgb: width*height*3 bytes. quality: 1..100.
std::vector<uint8_t> encode_jpeg(const std::vector<uint8_t>& rgb, int width, int height, int quality);
std::vector<uint8_t> encode_png(const std::vector<uint8_t>& rgb, int width, int height);
// rgba: width*height*4 bytes, alpha kept (a canvas export with a transparent background).
std::vector<uint8_t> encode_png_rgba(const std::vector<uint8_t>& rgba, int width, int height);

}  // namespace scrawl::synth
