#include "encode.h"

#include <algorithm>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#define STBI_WRITE_NO_STDIO
#include <stb/stb_image_write.h>

namespace scrawl {
namespace {

void append(void* context, void* data, int size) {
  auto* out = static_cast<std::vector<uint8_t>*>(context);
  const auto* bytes = static_cast<const uint8_t*>(data);
  out->insert(out->end(), bytes, bytes + size);
}

}  // namespace

std::vector<uint8_t> encode_png(const uint8_t* pixels, int width, int height, int channels) {
  std::vector<uint8_t> out;
  stbi_write_png_to_func(append, &out, width, height, channels, pixels, width * channels);
  return out;
}

std::vector<uint8_t> encode_jpeg(const uint8_t* pixels, int width, int height, int channels, int quality) {
  std::vector<uint8_t> out;
  stbi_write_jpg_to_func(append, &out, width, height, channels, pixels, quality);
  return out;
}

std::vector<uint8_t> encode_bmp(const uint8_t* pixels, int width, int height, int channels) {
  std::vector<uint8_t> out;
  stbi_write_bmp_to_func(append, &out, width, height, channels, pixels);
  return out;
}

std::vector<uint8_t> encode_tga(const uint8_t* pixels, int width, int height, int channels) {
  std::vector<uint8_t> out;
  stbi_write_tga_to_func(append, &out, width, height, channels, pixels);
  return out;
}

namespace {

// An image's pixels as GIF data: LZW codes of 9 bits, each a literal, a clear code every 250
// (the table never grows past 9 bits), cut into sub-blocks of at most 255 bytes.
void append_gif_pixels(std::vector<uint8_t>& out, const GrayImage& image) {
  out.push_back(8);  // LZW minimum code size
  std::vector<uint8_t> lzw;
  uint32_t acc = 0;
  int bits = 0;
  auto code = [&](int c) {
    acc |= uint32_t(c) << bits, bits += 9;
    while (bits >= 8) lzw.push_back(uint8_t(acc)), acc >>= 8, bits -= 8;
  };
  for (size_t i = 0; i < image.pixels.size(); ++i) {
    if (i % 250 == 0) code(256);
    code(image.pixels[i]);
  }
  code(257);
  if (bits > 0) lzw.push_back(uint8_t(acc));
  for (size_t i = 0; i < lzw.size(); i += 255) {
    const size_t n = std::min<size_t>(255, lzw.size() - i);
    out.push_back(uint8_t(n));
    out.insert(out.end(), lzw.begin() + long(i), lzw.begin() + long(i + n));
  }
  out.push_back(0);
}

}  // namespace

std::vector<uint8_t> encode_gif(const GrayImage& image, bool transparent, int frames) {
  std::vector<uint8_t> out = {'G', 'I', 'F', '8', '9', 'a'};
  auto u16 = [&](int v) { out.push_back(uint8_t(v)), out.push_back(uint8_t(v >> 8)); };
  u16(image.width), u16(image.height);
  out.insert(out.end(), {0xF7, 0, 0});  // a global table of 256 colours
  for (int i = 0; i < 256; ++i) out.insert(out.end(), {uint8_t(i), uint8_t(i), uint8_t(i)});
  for (int f = 0; f < frames; ++f) {
    if (transparent || frames > 1) out.insert(out.end(), {0x21, 0xF9, 4, uint8_t(transparent), 10, 0, 255, 0});
    out.push_back(0x2C), u16(0), u16(0), u16(image.width), u16(image.height), out.push_back(0);
    append_gif_pixels(out, image);
  }
  out.push_back(0x3B);
  return out;
}

}  // namespace scrawl
