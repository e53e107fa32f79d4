#include "support/bad_inputs.h"

#include <zlib.h>

#include <algorithm>
#include <span>
#include <string_view>

#include "core/crc32.h"
#include "core/image.h"
#include "data/encode.h"
#include "support/drawn_digits.h"

namespace scrawl::testing {
namespace {

using Bytes = std::vector<uint8_t>;

void put32(Bytes& b, uint32_t v) {
  for (int i = 3; i >= 0; --i) b.push_back(uint8_t(v >> (8 * i)));
}

Bytes text(std::string_view s) { return Bytes(s.begin(), s.end()); }

Bytes deflate(const Bytes& raw) {
  uLongf size = compressBound(uLong(raw.size()));
  Bytes out(size);
  compress2(out.data(), &size, raw.data(), uLong(raw.size()), 9);
  out.resize(size);
  return out;
}

Bytes png_chunk(std::string_view type, const Bytes& data) {
  Bytes c;
  put32(c, uint32_t(data.size()));
  const size_t from = c.size();
  for (char ch : type) c.push_back(uint8_t(ch));
  c.insert(c.end(), data.begin(), data.end());
  put32(c, crc32(c.data() + from, c.size() - from));
  return c;
}

// A PNG written chunk by chunk, for what stb_image_write cannot make: palettes, 16 bits, grey
// with alpha, interlacing, extra chunks. `rows`: the scanlines, each with its filter byte.
struct PngSpec {
  int width, height, depth, colour;
  bool interlaced = false;
  std::vector<std::pair<std::string, Bytes>> before_data;  // PLTE, zTXt...
};
Bytes png_file(const PngSpec& spec, const Bytes& rows) {
  Bytes png = {0x89, 'P', 'N', 'G', 13, 10, 26, 10};
  Bytes ihdr;
  put32(ihdr, uint32_t(spec.width)), put32(ihdr, uint32_t(spec.height));
  ihdr.insert(ihdr.end(), {uint8_t(spec.depth), uint8_t(spec.colour), 0, 0, uint8_t(spec.interlaced)});
  auto add = [&](const Bytes& c) { png.insert(png.end(), c.begin(), c.end()); };
  add(png_chunk("IHDR", ihdr));
  for (const auto& [type, data] : spec.before_data) add(png_chunk(type, data));
  add(png_chunk("IDAT", deflate(rows)));
  add(png_chunk("IEND", {}));
  return png;
}

// Scanlines of `img` with `per_pixel` writing each pixel's bytes; Adam7 passes when interlaced.
template <typename PerPixel>
Bytes scanlines(const GrayImage& img, bool interlaced, PerPixel per_pixel) {
  struct Pass {
    int x0, y0, dx, dy;
  };
  const Pass whole[] = {{0, 0, 1, 1}};
  const Pass adam7[] = {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4},
                        {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}};
  Bytes rows;
  for (const Pass& p : interlaced ? std::span<const Pass>(adam7) : std::span<const Pass>(whole)) {
    if (p.x0 >= img.width) continue;  // an empty pass has no rows at all
    for (int y = p.y0; y < img.height; y += p.dy) {
      rows.push_back(0);
      for (int x = p.x0; x < img.width; x += p.dx) per_pixel(rows, img.at(x, y));
    }
  }
  return rows;
}

Bytes grey_png(const GrayImage& img, bool interlaced = false) {
  return png_file({img.width, img.height, 8, 0, interlaced, {}},
                  scanlines(img, interlaced, [](Bytes& b, uint8_t v) { b.push_back(v); }));
}

// Deterministic noise, so that a failure can be repeated.
struct Lcg {
  uint32_t s = 12345;
  uint8_t next() { return uint8_t((s = s * 1664525u + 1013904223u) >> 24); }
};

void add(std::vector<BadInput>& out, std::string name, Bytes bytes, std::string expect, std::string why) {
  out.push_back({std::move(name), std::move(bytes), std::move(expect), std::move(why)});
}

void damaged_files(std::vector<BadInput>& out, const GrayImage& seven) {
  const Bytes png = encode_png(seven), jpg = encode_jpeg(seven, 90);
  add(out, "empty.png", {}, "error:not_an_image", "an empty file");
  for (int percent : {10, 50, 90}) {
    const std::string p = std::to_string(percent);
    add(out, "truncated-" + p + ".png", Bytes(png.begin(), png.begin() + long(png.size() * percent / 100)),
        "error:not_an_image", "a PNG cut at " + p + "%");
    add(out, "truncated-" + p + ".jpg", Bytes(jpg.begin(), jpg.begin() + long(jpg.size() * percent / 100)), "answer",
        "a JPEG cut at " + p + "% (decoders fill in what is missing)");
  }
  Bytes bad_crc = png;
  bad_crc[bad_crc.size() - 13] ^= 0xFF;  // the last byte of IDAT's CRC
  add(out, "bad-crc.png", bad_crc, "7", "a PNG whose CRC is wrong");
  Lcg lcg;
  Bytes noise(4096);
  for (auto& b : noise) b = lcg.next();
  noise[0] = 0;
  add(out, "random.bin", noise, "error:not_an_image", "random bytes");
  add(out, "bad-huffman.jpg", {0xff, 0xd8, 0xff, 0xc4, 0x00, 0x19, 0x00, 0xd9, 0xff}, "error:not_an_image",
      "a JPEG whose Huffman table has more codes than a table holds");
  Bytes exif = {0xFF, 0xD8, 0xFF, 0xE1, 0,    34, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0,
                8,    0,    1,    0x01, 0x12, 0,  3,   0,   0,   0,   1, 0, 9,   0,   0, 0,  0, 0, 0};
  exif.insert(exif.end(), jpg.begin() + 2, jpg.end());
  add(out, "exif-orientation-9.jpg", exif, "7", "a JPEG whose EXIF orientation is 9 (there are 8)");
}

void other_formats(std::vector<BadInput>& out) {
  add(out, "drawing.svg",
      text("<svg xmlns='http://www.w3.org/2000/svg' width='100' height='100'><path d='M20 20H80L40 90'/></svg>"),
      "error:unsupported_format", "an SVG drawing");
  Bytes heic = {0, 0, 0, 24};
  for (const Bytes& part : {text("ftypheic"), Bytes{0, 0, 0, 0}, text("mif1heic"), Bytes(64, 0)})
    heic.insert(heic.end(), part.begin(), part.end());
  add(out, "photo.heic", heic, "error:unsupported_format", "an iPhone's HEIC photo");
  Bytes webp = text("RIFF");
  for (const Bytes& part : {Bytes{60, 0, 0, 0}, text("WEBPVP8 "), Bytes(52, 0)})
    webp.insert(webp.end(), part.begin(), part.end());
  add(out, "image.webp", webp, "error:unsupported_format", "a WebP image");
  add(out, "scan.pdf", text("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"), "error:unsupported_format",
      "a PDF");
}

void odd_pngs(std::vector<BadInput>& out, const GrayImage& seven) {
  const int w = seven.width, h = seven.height;
  add(out, "seven-16bit.png",
      png_file({w, h, 16, 0, false, {}}, scanlines(seven, false,
                                                   [](Bytes& b, uint8_t v) {
                                                     b.insert(b.end(), {v, v});
                                                   })),
      "7", "a 16-bit grey PNG of a 7");
  Lcg lcg;
  GrayImage noise(200, 200);
  add(out, "noise-16bit.png",
      png_file({200, 200, 16, 0, false, {}}, scanlines(noise, false,
                                                       [&](Bytes& b, uint8_t) {
                                                         b.insert(b.end(), {lcg.next(), lcg.next()});
                                                       })),
      "nothing", "a 16-bit PNG of pure noise");
  Bytes grey_palette;
  for (int i = 0; i < 256; ++i) grey_palette.insert(grey_palette.end(), {uint8_t(i), uint8_t(i), uint8_t(i)});
  add(out, "seven-palette.png",
      png_file({w, h, 8, 3, false, {{"PLTE", grey_palette}}},
               scanlines(seven, false, [](Bytes& b, uint8_t v) { b.push_back(v); })),
      "7", "a palette PNG of a 7");
  add(out, "seven-grey-alpha.png",
      png_file({w, h, 8, 4, false, {}}, scanlines(seven, false,
                                                  [](Bytes& b, uint8_t v) {
                                                    b.insert(b.end(), {0, uint8_t(255 - v)});
                                                  })),
      "7", "a grey+alpha PNG of a 7: black ink, transparent paper");
  add(out, "seven-interlaced.png", grey_png(seven, true), "7", "an interlaced (Adam7) PNG of a 7");
  Bytes ztxt = text("Comment");
  ztxt.insert(ztxt.end(), {0, 0});
  const Bytes bomb = deflate(Bytes(size_t(64) << 20, 'A'));  // 64 MB of text in about 64 KB
  ztxt.insert(ztxt.end(), bomb.begin(), bomb.end());
  add(out, "seven-ztxt.png",
      png_file({w, h, 8, 0, false, {{"zTXt", ztxt}}},
               scanlines(seven, false, [](Bytes& b, uint8_t v) { b.push_back(v); })),
      "7", "a PNG of a 7 with a zTXt chunk that inflates to 64 MB");
  add(out, "animated-1000.gif", encode_gif(seven, false, 1000), "7", "an animated GIF of 1000 frames");
}

void odd_sizes(std::vector<BadInput>& out) {
  add(out, "one-pixel.png", grey_png(GrayImage(1, 1, 0)), "nothing", "a 1×1 image");
  add(out, "1x10000.png", grey_png(GrayImage(1, 10000, 255)), "nothing", "a 1×10000 image");
  add(out, "16385x1.png", grey_png(GrayImage(16385, 1, 255)), "error:image_too_large", "an image 16385 pixels wide");
  Bytes claims = grey_png(GrayImage(4, 4, 255));
  Bytes ihdr(claims.begin() + 16, claims.begin() + 29);  // width, height and the rest of IHDR's data
  ihdr[0] = 0, ihdr[1] = 1, ihdr[2] = 0x86, ihdr[3] = 0xA0, ihdr[4] = 0, ihdr[5] = 1, ihdr[6] = 0x86, ihdr[7] = 0xA0;
  Bytes fixed = png_chunk("IHDR", ihdr);
  std::copy(fixed.begin(), fixed.end(), claims.begin() + 8);
  add(out, "claims-100000x100000.png", claims, "error:image_too_large",
      "a small PNG whose header claims 100000×100000 pixels");
  add(out, "blank-49mp.png", grey_png(GrayImage(7000, 7000, 255)), "nothing", "a blank 49-megapixel PNG");
  GrayImage bars(1200, 1000, 255);
  for (int by = 0; by < 50; ++by)
    for (int bx = 0; bx < 70; ++bx)
      for (int y = 0; y < 16; ++y)
        for (int x = 0; x < 3; ++x) bars.at(bx * 17 + 4 + x, by * 20 + 2 + y) = 0;
  add(out, "3500-bars.png", encode_png(bars), "error:too_many_marks", "a page of 3,500 short bars");
}

}  // namespace

std::vector<BadInput> bad_inputs() {
  const GrayImage seven = drawn_seven(80, 80);
  std::vector<BadInput> out;
  damaged_files(out, seven);
  other_formats(out);
  odd_pngs(out, seven);
  odd_sizes(out);
  return out;
}

}  // namespace scrawl::testing
