#include "encode.h"

// Static functions: another tool may compile its own copy of stb_image_write.
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#define STBI_WRITE_NO_STDIO
#include <stb/stb_image_write.h>

namespace scrawl::synth {
namespace {

void append(void* context, void* data, int size) {
  auto* out = static_cast<std::vector<uint8_t>*>(context);
  const auto* bytes = static_cast<const uint8_t*>(data);
  out->insert(out->end(), bytes, bytes + size);
}

}  // namespace

std::vector<uint8_t> encode_jpeg(const std::vector<uint8_t>& rgb, int width, int height, int quality) {
  std::vector<uint8_t> out;
  stbi_write_jpg_to_func(append, &out, width, height, 3, rgb.data(), quality);
  return out;
}

std::vector<uint8_t> encode_png(const std::vector<uint8_t>& rgb, int width, int height) {
  std::vector<uint8_t> out;
  stbi_write_png_to_func(append, &out, width, height, 3, rgb.data(), width * 3);
  return out;
}

std::vector<uint8_t> encode_png_rgba(const std::vector<uint8_t>& rgba, int width, int height) {
  std::vector<uint8_t> out;
  stbi_write_png_to_func(append, &out, width, height, 4, rgba.data(), width * 4);
  return out;
}

}  // namespace scrawl::synth
