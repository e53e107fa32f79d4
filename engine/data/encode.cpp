#include "encode.h"

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

}  // namespace scrawl
