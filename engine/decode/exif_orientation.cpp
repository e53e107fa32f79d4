#include "exif_orientation.h"

#include <algorithm>
#include <cstddef>

namespace scrawl {
namespace {

constexpr uint16_t kOrientationTag = 0x0112;

struct Reader {
  std::span<const uint8_t> b;
  bool little = false;
  bool has(size_t at, size_t n) const { return at <= b.size() && n <= b.size() - at; }
  uint16_t u16(size_t at) const { return little ? uint16_t(b[at] | b[at + 1] << 8) : uint16_t(b[at] << 8 | b[at + 1]); }
  uint32_t u32(size_t at) const {
    return little ? uint32_t(b[at]) | uint32_t(b[at + 1]) << 8 | uint32_t(b[at + 2]) << 16 | uint32_t(b[at + 3]) << 24
                  : uint32_t(b[at]) << 24 | uint32_t(b[at + 1]) << 16 | uint32_t(b[at + 2]) << 8 | uint32_t(b[at + 3]);
  }
};

// The orientation in an EXIF block (the TIFF structure after "Exif\0\0").
int orientation_in_tiff(std::span<const uint8_t> tiff) {
  Reader r{tiff};
  if (!r.has(0, 8)) return 1;
  if (tiff[0] == 'I' && tiff[1] == 'I') r.little = true;
  else if (!(tiff[0] == 'M' && tiff[1] == 'M')) return 1;
  if (r.u16(2) != 42) return 1;
  const size_t ifd = r.u32(4);
  if (!r.has(ifd, 2)) return 1;
  const int entries = r.u16(ifd);
  for (int i = 0; i < entries; ++i) {
    const size_t e = ifd + 2 + size_t(i) * 12;
    if (!r.has(e, 12)) return 1;
    if (r.u16(e) != kOrientationTag) continue;
    const int value = r.u16(e + 8);  // a SHORT, left-justified in the value field
    return value >= 1 && value <= 8 ? value : 1;
  }
  return 1;
}

}  // namespace

int jpeg_orientation(std::span<const uint8_t> bytes) {
  if (bytes.size() < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8) return 1;
  size_t at = 2;
  // Segments up to the image data: each FF xx, then a big-endian length that counts itself.
  while (at + 4 <= bytes.size() && bytes[at] == 0xFF) {
    const uint8_t marker = bytes[at + 1];
    if (marker == 0xDA || marker == 0xD9) break;  // start of scan, end of image
    const size_t len = size_t(bytes[at + 2]) << 8 | bytes[at + 3];
    if (len < 2 || at + 2 + len > bytes.size()) break;
    const auto body = bytes.subspan(at + 4, len - 2);
    static constexpr uint8_t kExif[6] = {'E', 'x', 'i', 'f', 0, 0};
    if (marker == 0xE1 && body.size() >= 6 && std::equal(kExif, kExif + 6, body.begin()))
      return orientation_in_tiff(body.subspan(6));
    at += 2 + len;
  }
  return 1;
}

GrayImage apply_orientation(const GrayImage& src, int orientation) {
  if (orientation < 2 || orientation > 8) return src;
  const int w = src.width, h = src.height;
  const bool swap = orientation >= 5;
  GrayImage out(swap ? h : w, swap ? w : h);
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) {
      int sx = x, sy = y;
      switch (orientation) {
        case 2: sx = w - 1 - x; break;                  // mirrored left to right
        case 3: sx = w - 1 - x, sy = h - 1 - y; break;  // upside down
        case 4: sy = h - 1 - y; break;                  // mirrored top to bottom
        case 5: sx = y, sy = x; break;                  // mirrored along the main diagonal
        case 6: sx = y, sy = h - 1 - x; break;          // to be turned a quarter clockwise
        case 7: sx = w - 1 - y, sy = h - 1 - x; break;  // mirrored along the other diagonal
        case 8: sx = w - 1 - y, sy = x; break;          // to be turned a quarter anticlockwise
      }
      out.at(x, y) = src.at(sx, sy);
    }
  return out;
}

}  // namespace scrawl
