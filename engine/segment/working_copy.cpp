#include "working_copy.h"

#include <algorithm>
#include <cmath>

namespace scrawl {
namespace {

// stb_image_resize asks for its scratch memory once per call; hand it a buffer that grows
// to the largest size seen and is then reused, so a call allocates nothing after warm-up.
void* arena_alloc(size_t size, void* context) {
  auto& arena = *static_cast<std::vector<unsigned char>*>(context);
  if (arena.size() < size) arena.resize(size);
  return arena.data();
}

}  // namespace
}  // namespace scrawl

#define STB_IMAGE_RESIZE_IMPLEMENTATION
#define STB_IMAGE_RESIZE_STATIC
#define STBIR_MALLOC(size, context) scrawl::arena_alloc(size, context)
#define STBIR_FREE(ptr, context) ((void)(ptr), (void)(context))
#define STBIR_ASSERT(x) ((void)0)
#include <stb/stb_image_resize.h>

namespace scrawl {

WorkingCopy& WorkingCopyMaker::make(const GrayImage& image) {
  const int longest = std::max(image.width, image.height);
  const float scale = longest > kMaxSide ? float(longest) / kMaxSide : 1.0f;
  out_.scale = scale;
  out_.width = std::max(1, int(std::lround(image.width / scale)));
  out_.height = std::max(1, int(std::lround(image.height / scale)));
  const size_t n = size_t(out_.width) * out_.height;

  const uint8_t* px = image.pixels.data();
  if (scale > 1.0f) {
    shrunk_.resize(n);
    stbir_resize_uint8_generic(image.pixels.data(), image.width, image.height, image.width, shrunk_.data(),
                               out_.width, out_.height, out_.width, 1, STBIR_ALPHA_CHANNEL_NONE, 0, STBIR_EDGE_CLAMP,
                               STBIR_FILTER_BOX, STBIR_COLORSPACE_LINEAR, &arena_);
    px = shrunk_.data();
  }

  out_.gray.resize(n);
  for (size_t i = 0; i < n; ++i) out_.gray[i] = float(px[i]);
  return out_;
}

}  // namespace scrawl
