#include "jpeg_tables.h"

namespace scrawl {

bool jpeg_huffman_tables_ok(std::span<const uint8_t> b) {
  const size_t n = b.size();
  // Past the end, stb_image reads zeros; so does this.
  auto at = [&](size_t i) -> unsigned { return i < n ? b[i] : 0u; };
  // The start of the image as stb_image finds it: 0xFF, any number of 0xFF fill bytes, 0xD8.
  // (A file that starts FF FF D8 is a JPEG to it, too.) Without one the decoder refuses it.
  size_t pos = 0;
  if (n == 0 || b[0] != 0xFF) return true;
  while (pos < n && b[pos] == 0xFF) ++pos;
  if (pos >= n || b[pos] != 0xD8) return true;
  ++pos;  // after SOI
  while (pos + 1 < n) {
    if (b[pos] != 0xFF) {
      ++pos;  // stray bytes between segments: stb_image skips them too
      continue;
    }
    const unsigned marker = b[pos + 1];
    if (marker == 0xFF) {  // fill byte
      ++pos;
      continue;
    }
    if (marker == 0xD9) return true;  // EOI
    if (marker == 0x00 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
      pos += 2;
      continue;
    }
    const size_t length = at(pos + 2) << 8 | at(pos + 3);
    if (length < 2) return true;  // the decoder rejects it
    if (marker == 0xC4) {
      // Tables one after another: a class/id byte, 16 code counts, then the codes.
      long remaining = long(length) - 2;
      size_t p = pos + 4;
      while (remaining > 0) {
        unsigned codes = 0;
        for (size_t i = 0; i < 16; ++i) codes += at(p + 1 + i);
        if (codes > 256) return false;
        p += 17 + codes;
        remaining -= long(17 + codes);
      }
    }
    pos += 2 + length;
    if (marker == 0xDA) {
      // Entropy-coded data runs to the next marker that is not a stuffed zero or a restart.
      while (pos + 1 < n && !(b[pos] == 0xFF && b[pos + 1] != 0x00 && !(b[pos + 1] >= 0xD0 && b[pos + 1] <= 0xD7)))
        ++pos;
    }
  }
  return true;
}

}  // namespace scrawl
