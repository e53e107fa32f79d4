#include "decode.h"

#include <stb/stb_image.h>

#include "core/block_means.h"
#include "exif_orientation.h"
#include "jpeg_tables.h"
#include "luma.h"

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

namespace scrawl {
namespace {

// Whether the bytes start like a format we read, so a damaged file is told apart from a
// file that is no image at all.
const char* known_format(std::span<const uint8_t> b) {
  auto starts = [&](std::initializer_list<uint8_t> sig) {
    return b.size() >= sig.size() && std::equal(sig.begin(), sig.end(), b.begin());
  };
  if (starts({0x89, 'P', 'N', 'G'})) return "PNG";
  if (starts({0xFF, 0xD8, 0xFF})) return "JPG";
  if (starts({'G', 'I', 'F', '8'})) return "GIF";
  if (starts({'B', 'M'})) return "BMP";
  return nullptr;
}

// Formats people's files come in that Scrawl does not decode, by their first bytes, so that the
// answer names the format and says what to do instead of "not an image".
const char* unread_format(std::span<const uint8_t> b) {
  auto at = [&](size_t offset, std::string_view sig) {
    return b.size() >= offset + sig.size() && std::equal(sig.begin(), sig.end(), b.begin() + long(offset));
  };
  if (at(4, "ftyp")) {
    if (at(8, "avif") || at(8, "avis")) return "AVIF";
    for (std::string_view brand : {"heic", "heix", "hevc", "heim", "heis", "mif1", "msf1"})
      if (at(8, brand)) return "HEIC";
  }
  if (at(0, "RIFF") && at(8, "WEBP")) return "WebP";
  if (at(0, "%PDF")) return "PDF";
  if (at(0, "II*") || at(0, std::string_view("MM\0*", 4))) return "TIFF";
  const std::string_view head(reinterpret_cast<const char*>(b.data()), std::min<size_t>(b.size(), 1024));
  if (head.find("<svg") != std::string_view::npos) return "SVG";
  return nullptr;
}

std::string with_commas(long long v) {
  std::string s = std::to_string(v);
  for (int i = int(s.size()) - 3; i > 0; i -= 3) s.insert(size_t(i), ",");
  return s;
}

struct SizeLimits {
  long long pixels;
  int side;
};
constexpr SizeLimits kReadLimits{kMaxPixels, kMaxSide};
constexpr SizeLimits kReducibleLimits{kMaxReduciblePixels, kMaxReducibleSide};

Status check_size(long long width, long long height, const SizeLimits& limits) {
  if (width <= 0 || height <= 0)
    return make_error(ErrorCode::kEmptyImage,
                      "the image is empty (" + std::to_string(width) + "×" + std::to_string(height) + " pixels)");
  if (width > limits.side || height > limits.side || width * height > limits.pixels)
    return make_error(ErrorCode::kImageTooLarge, "image is " + std::to_string(width) + "×" + std::to_string(height) +
                                                     "; the largest accepted is " + std::to_string(limits.side) +
                                                     " pixels a side and " + with_commas(limits.pixels) +
                                                     " pixels in all");
#ifdef SCRAWL_FUZZ_MAX_PIXELS
  // The fuzz build only (tests/fuzz): small images keep each input to milliseconds.
  if (width * height > SCRAWL_FUZZ_MAX_PIXELS)
    return make_error(ErrorCode::kImageTooLarge,
                      "image is over the fuzz build's limit of " + with_commas(SCRAWL_FUZZ_MAX_PIXELS) + " pixels");
#endif
  return Ok{};
}

// RGBA -> grey over white: the Rec. 601 luma floor((299 R + 587 G + 114 B + 500) / 1000), then
// rounded (luma a + 255 (255 - a)) / 255. Both divisions, exactly, in floats the compiler
// vectorises: both numerators stay below 2^18, where (n + 0.5) / d in floats is off by far less
// than the 0.5 / d that separates n / d from the next whole number.
void gray_over_white_into(const uint8_t* rgba, size_t n, uint8_t* out) {
  // Opaque pixels (every photo and canvas) are their luma: one pass, no blending. Pixels with
  // any one not opaque are done again the long way.
  const uint8_t all_alpha = luma_of_rgba(rgba, n, out);
  if (all_alpha == 255) return;
  for (size_t i = 0; i < n; ++i) {
    const uint8_t* p = rgba + 4 * i;
    const float luma = float(int((float(p[0] * 299 + p[1] * 587 + p[2] * 114 + 500) + 0.5f) * (1.0f / 1000.0f)));
    const float a = float(p[3]);
    out[i] = uint8_t(int((luma * a + 255.0f * (255.0f - a) + 127.5f) * (1.0f / 255.0f)));
  }
}

// The size already checked.
GrayImage gray_over_white_of(const uint8_t* rgba, int width, int height) {
  GrayImage img(width, height);
  gray_over_white_into(rgba, size_t(width) * size_t(height), img.pixels.data());
  return img;
}

// stb_image's pixels in the file's own channels (grey, grey and alpha, RGB or RGBA) as grey over
// white. Asked for its own channels, stb_image converts nothing: a 49-megapixel grey PNG is 49 MB
// here, where RGBA was 196 MB more. Grey is the grey of the same pixel as RGBA; grey-and-alpha
// and RGB pass through a small RGBA strip, and come out as they would from RGBA.
GrayImage gray_of_channels(const uint8_t* data, int channels, int width, int height) {
  if (channels == 4) return gray_over_white_of(data, width, height);
  GrayImage img(width, height);
  const size_t n = size_t(width) * size_t(height);
  if (channels == 1) {
    std::copy(data, data + n, img.pixels.begin());
    return img;
  }
  constexpr size_t kStrip = 4096;
  uint8_t rgba[4 * kStrip];
  for (size_t at = 0; at < n; at += kStrip) {
    const size_t m = std::min(kStrip, n - at);
    const uint8_t* p = data + size_t(channels) * at;
    for (size_t i = 0; i < m; ++i, p += channels) {
      uint8_t* q = rgba + 4 * i;
      if (channels == 2) {
        q[0] = q[1] = q[2] = p[0];
        q[3] = p[1];
      } else {
        q[0] = p[0];
        q[1] = p[1];
        q[2] = p[2];
        q[3] = 255;
      }
    }
    gray_over_white_into(rgba, m, img.pixels.data() + at);
  }
  return img;
}

// Shrinks by a whole factor (each pixel the mean of a k×k block) until the longer side is at
// most max_side and the image within kMaxPixels.
GrayImage shrunk(GrayImage image, int max_side) {
  int k = 1;
  while ((image.width + k - 1) / k > max_side || (image.height + k - 1) / k > max_side ||
         (long long)((image.width + k - 1) / k) * ((image.height + k - 1) / k) > kMaxPixels)
    ++k;
  if (k == 1) return image;
  GrayImage out((image.width + k - 1) / k, (image.height + k - 1) / k);
  BlockMeans().shrink(image.pixels.data(), image.width, image.height, size_t(image.width), k, out.pixels.data());
  return out;
}

Result<GrayImage> decode_within(std::span<const uint8_t> bytes, const SizeLimits& limits, int max_side);

}  // namespace

Status check_image_size(long long width, long long height) { return check_size(width, height, kReadLimits); }

Result<GrayImage> decode_image(std::span<const uint8_t> bytes) { return decode_within(bytes, kReadLimits, 0); }

Result<GrayImage> decode_image_reduced(std::span<const uint8_t> bytes, int max_side) {
  if (max_side < 64 || max_side > kMaxSide)
    return make_error(ErrorCode::kBadArgument,
                      "the longest side to reduce to must be 64 to " + std::to_string(kMaxSide));
  return decode_within(bytes, kReducibleLimits, max_side);
}

namespace {

// Decodes an image within `limits`; with max_side > 0, shrunk as decode_image_reduced says.
Result<GrayImage> decode_within(std::span<const uint8_t> bytes, const SizeLimits& limits, int max_side) {
  if (bytes.empty()) return make_error(ErrorCode::kNotAnImage, "the file is empty: PNG, JPG, GIF, BMP or TGA expected");
  if (bytes.size() > size_t(1) << 30) return make_error(ErrorCode::kImageTooLarge, "the file is over 1 GB");
  // stb_image refuses a PNG that claims a huge size while reading its header, with a vague
  // reason; the PNG header is simple enough to read the claimed size and say it in words.
  const char* format = known_format(bytes);
  if (format && std::string_view(format) == "PNG" && bytes.size() >= 24) {
    auto be32 = [&](size_t at) {
      return (long long)bytes[at] << 24 | (long long)bytes[at + 1] << 16 | (long long)bytes[at + 2] << 8 |
             bytes[at + 3];
    };
    if (auto size_ok = check_size(be32(16), be32(20), limits); !size_ok) return size_ok.error();
  }
  // Any file that starts with 0xFF may be a JPEG to stb_image (fill bytes before SOI).
  if (bytes[0] == 0xFF && !jpeg_huffman_tables_ok(bytes))
    return make_error(ErrorCode::kNotAnImage,
                      "the JPG image is damaged (its Huffman table is invalid) and cannot be read");
  int w = 0, h = 0, channels = 0;
  const int len = int(bytes.size());
  if (!stbi_info_from_memory(bytes.data(), len, &w, &h, &channels)) {
    if (format)
      return make_error(ErrorCode::kNotAnImage,
                        std::string("the ") + format + " image is damaged or truncated and cannot be read");
    if (const char* other = unread_format(bytes))
      return make_error(ErrorCode::kUnsupportedFormat,
                        std::string(other[0] == 'A' || other[0] == 'S' ? "this is an " : "this is a ") + other +
                            " file, which cannot be read here: save or export it as PNG or JPG");
    return make_error(ErrorCode::kNotAnImage, "not an image: PNG, JPG, GIF, BMP or TGA expected");
  }
  if (auto size_ok = check_size(w, h, limits); !size_ok) return size_ok.error();

  // A JPEG has no transparency, and its brightness (Y) is already the grey we want: asking
  // for one channel lets stb_image skip the colour planes, the slow part of a phone photo.
  // Every other image comes in its own channels: stb_image would otherwise convert it to RGBA
  // whole (four bytes a pixel beside its own), and it turns a 16-bit PGM or PPM into other
  // channels as if it were 8-bit and then reads twice its size from that buffer.
  const bool jpeg = format && std::string_view(format) == "JPG";
  const int channels_wanted = jpeg ? 1 : 0;
  std::unique_ptr<stbi_uc, decltype(&stbi_image_free)> data(
      stbi_load_from_memory(bytes.data(), len, &w, &h, &channels, channels_wanted), &stbi_image_free);
  // (stb_image's own reason, "Corrupt PNG" and the like, says nothing more to a person.)
  if (!data)
    return make_error(ErrorCode::kNotAnImage, std::string("the ") + (format ? format : "") + (format ? " " : "") +
                                                  "image is damaged or truncated and cannot be read");
  GrayImage gray = gray_of_channels(data.get(), channels_wanted ? channels_wanted : channels, w, h);
  data.reset();
  if (max_side > 0) gray = shrunk(std::move(gray), max_side);
  const int orientation = jpeg ? jpeg_orientation(bytes) : 1;
  return orientation == 1 ? gray : apply_orientation(gray, orientation);
}

}  // namespace

Result<GrayImage> gray_from_rgba(const uint8_t* rgba, int width, int height) {
  if (auto size_ok = check_image_size(width, height); !size_ok) return size_ok.error();
  if (!rgba) return make_error(ErrorCode::kBadArgument, "no pixels were given");
  return gray_over_white_of(rgba, width, height);
}

}  // namespace scrawl
