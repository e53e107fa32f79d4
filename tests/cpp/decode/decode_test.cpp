#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "data/encode.h"
#include "decode/decode.h"
#include "decode/jpeg_tables.h"
#include "evaluate/user_transforms.h"

namespace scrawl {
namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

TEST(Decode, ReadsPngAndJpegAsGray) {
  GrayImage img(30, 20, 200);
  img.at(3, 4) = 10;
  auto png = decode_image(encode_png(img));
  ASSERT_TRUE(png.ok()) << png.error().message;
  EXPECT_EQ(png->width, 30);
  EXPECT_EQ(png->height, 20);
  EXPECT_EQ(png->at(3, 4), 10);
  EXPECT_EQ(png->at(0, 0), 200);
  auto jpg = decode_image(encode_jpeg(img, 90));
  ASSERT_TRUE(jpg.ok()) << jpg.error().message;
  EXPECT_NEAR(jpg->at(10, 10), 200, 3);
}

// A binary PGM (P5) or PPM (P6) of w×h pixels, 8 or 16 bits a sample, each pixel grey level
// level(x, y) (0-255) in every channel.
template <class Level>
std::vector<uint8_t> pnm(bool colour, int bits, int w, int h, Level level) {
  const std::string head = std::string(colour ? "P6" : "P5") + "\n" + std::to_string(w) + " " + std::to_string(h) +
                           "\n" + (bits == 16 ? "65535" : "255") + "\n";
  std::vector<uint8_t> out(head.begin(), head.end());
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      for (int c = 0; c < (colour ? 3 : 1); ++c) {
        const int v = level(x, y);
        if (bits == 16) out.push_back(uint8_t(v)), out.push_back(uint8_t(v));  // v * 257, big-endian
        else out.push_back(uint8_t(v));
      }
  return out;
}

TEST(Decode, ReadsEightAndSixteenBitPgmAndPpm) {
  // 16-bit ones used to be read past the end of stb_image's buffer (the ASan build fails then).
  const auto level = [](int x, int y) { return (x * 37 + y * 11) % 256; };
  for (bool colour : {false, true})
    for (int bits : {8, 16}) {
      auto img = decode_image(pnm(colour, bits, 41, 23, level));
      ASSERT_TRUE(img.ok()) << img.error().message << " (" << (colour ? "PPM" : "PGM") << ", " << bits << " bits)";
      ASSERT_EQ(img->width, 41);
      ASSERT_EQ(img->height, 23);
      for (int y = 0; y < 23; ++y)
        for (int x = 0; x < 41; ++x) ASSERT_NEAR(img->at(x, y), level(x, y), 1) << x << "," << y;
    }
}

TEST(Decode, CompositesTransparentPixelsOntoWhite) {
  const uint8_t rgba[] = {0, 0, 0, 0, 0, 0, 0, 255, 255, 0, 0, 255, 0, 0, 0, 128};
  auto img = gray_from_rgba(rgba, 4, 1);
  ASSERT_TRUE(img.ok());
  EXPECT_EQ(img->at(0, 0), 255);  // fully transparent -> paper
  EXPECT_EQ(img->at(1, 0), 0);    // opaque black
  EXPECT_EQ(img->at(2, 0), 76);   // red -> its luma
  EXPECT_NEAR(img->at(3, 0), 127, 1);
}

// Rec. 601 luma in whole numbers, then alpha over white, rounded as integers round.
TEST(Decode, GreyIsTheLumaOverWhiteForEveryColourAndEveryAlpha) {
  const auto want = [](int r, int g, int b, int a) {
    const int luma = (r * 299 + g * 587 + b * 114 + 500) / 1000;
    return (luma * a + 255 * (255 - a) + 127) / 255;
  };
  std::vector<uint8_t> rgba(size_t(256) * 256 * 4);
  int wrong = 0;
  // Every opaque colour (every red and green, one blue a round); then every grey under every alpha.
  for (int round = 0; round < 257; ++round) {
    for (int i = 0; i < 256 * 256; ++i) {
      uint8_t* p = rgba.data() + size_t(i) * 4;
      if (round < 256) p[0] = uint8_t(i / 256), p[1] = uint8_t(i % 256), p[2] = uint8_t(round), p[3] = 255;
      else p[0] = p[1] = p[2] = uint8_t(i / 256), p[3] = uint8_t(i % 256);
    }
    auto img = gray_from_rgba(rgba.data(), 256, 256);
    ASSERT_TRUE(img.ok());
    for (int i = 0; i < 256 * 256; ++i) {
      const uint8_t* p = rgba.data() + size_t(i) * 4;
      wrong += img->pixels[size_t(i)] != want(p[0], p[1], p[2], p[3]);
    }
  }
  EXPECT_EQ(wrong, 0);
}

// Each image is decoded in its file's own channels, not as RGBA (a 49-megapixel grey PNG would
// be 196 MB of RGBA); every layout must come out as the grey of the same pixels as RGBA. The
// image is wider than the 4096-pixel strips the grey-and-alpha and RGB layouts pass through,
// and only a few pixels of one strip are not opaque.
TEST(Decode, EveryChannelLayoutGivesTheGreyOfItsPixelsAsRgba) {
  const int w = 97, h = 61;
  std::vector<uint8_t> colours(size_t(w) * h * 4);
  for (int i = 0; i < w * h; ++i) {
    uint8_t* p = colours.data() + size_t(i) * 4;
    p[0] = uint8_t(i * 7), p[1] = uint8_t(i * 13 + 5), p[2] = uint8_t(i * 29 + 11);
    p[3] = i > 5000 && i < 5100 ? uint8_t(i * 3) : 255;
  }
  std::vector<uint8_t> rgba;
  // The pixels in `channels` channels, and `rgba` the same pixels as RGBA: grey (r = g = b),
  // grey and alpha, RGB, RGBA (grey and RGB opaque).
  const auto layout = [&](int channels) {
    rgba = colours;
    std::vector<uint8_t> out;
    for (int i = 0; i < w * h; ++i) {
      uint8_t* p = rgba.data() + size_t(i) * 4;
      if (channels <= 2) p[1] = p[2] = p[0];
      if (channels == 1 || channels == 3) p[3] = 255;
      out.insert(out.end(), p, p + (channels == 2 ? 1 : std::min(channels, 3)));
      if (channels == 2 || channels == 4) out.push_back(p[3]);
    }
    return out;
  };
  for (int channels : {4, 3, 2, 1}) {
    const auto pixels = layout(channels);
    auto want = gray_from_rgba(rgba.data(), w, h);
    ASSERT_TRUE(want.ok());
    std::vector<std::pair<const char*, std::vector<uint8_t>>> files = {
        {"PNG", encode_png(pixels.data(), w, h, channels)}};
    if (channels >= 3) {
      files.push_back({"BMP", encode_bmp(pixels.data(), w, h, channels)});
      files.push_back({"TGA", encode_tga(pixels.data(), w, h, channels)});
    }
    for (const auto& [format, bytes] : files) {
      auto got = decode_image(bytes);
      ASSERT_TRUE(got.ok()) << format << " " << channels << ": " << got.error().message;
      EXPECT_EQ(got->pixels, want->pixels) << format << " with " << channels << " channels";
    }
  }
}

TEST(Decode, RejectsWhatIsNotAnImage) {
  const std::string text = "12345, a text file\n";
  auto r = decode_image({reinterpret_cast<const uint8_t*>(text.data()), text.size()});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotAnImage);
  EXPECT_EQ(r.error().message, "not an image: PNG, JPG, GIF, BMP or TGA expected");

  auto empty = decode_image({});
  ASSERT_FALSE(empty.ok());
  EXPECT_TRUE(contains(empty.error().message, "empty"));
}

TEST(Decode, RejectsCorruptAndTruncatedFiles) {
  GrayImage img(64, 64, 255);
  auto png = encode_png(img);
  auto corrupt = png;
  for (size_t i = 40; i < corrupt.size() - 12; ++i) corrupt[i] ^= 0x5A;  // scramble the pixel data
  auto r = decode_image(corrupt);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotAnImage);
  EXPECT_TRUE(contains(r.error().message, "damaged")) << r.error().message;

  auto jpg = encode_jpeg(img, 80);
  jpg.resize(jpg.size() / 3);
  auto t = decode_image(jpg);
  // stb_image fills a truncated baseline JPEG with grey rather than failing; either outcome is fine,
  // but never a crash or a wrong size.
  if (t.ok()) {
    EXPECT_EQ(t->width, 64);
  }
}

// A damaged file is told in the app's words, not with the decoder's ("Corrupt PNG").
TEST(Decode, DamageIsToldInPlainWords) {
  GrayImage img(64, 64, 255);
  auto png = encode_png(img);
  for (size_t i = 40; i < png.size() - 12; ++i) png[i] ^= 0x5A;
  auto r = decode_image(png);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "the PNG image is damaged or truncated and cannot be read");
}

// A 9-byte JPEG whose Huffman table claims 472 codes (over 256) sent stb_image 2.27 past its
// tables already in stbi_info; it is refused before the decoder sees it.
TEST(Decode, RefusesAJpegWhoseHuffmanTableHasTooManyCodes) {
  const std::vector<uint8_t> bad = {0xff, 0xd8, 0xff, 0xc4, 0x00, 0x19, 0x00, 0xd9, 0xff};
  EXPECT_FALSE(jpeg_huffman_tables_ok(bad));
  auto r = decode_image(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotAnImage);
  EXPECT_TRUE(contains(r.error().message, "Huffman table")) << r.error().message;

  // stb_image skips 0xFF fill bytes before the start of the image: with them the file is still a
  // JPEG to it, and the table is still refused (a fuzzer's find: it went past the check).
  std::vector<uint8_t> filled = {0xff, 0xff, 0xff};
  filled.insert(filled.end(), bad.begin() + 1, bad.end());
  EXPECT_FALSE(jpeg_huffman_tables_ok(filled));
  auto f = decode_image(filled);
  ASSERT_FALSE(f.ok());
  EXPECT_TRUE(contains(f.error().message, "Huffman table")) << f.error().message;

  // Real JPEGs (baseline, several tables, a scan) pass, and so does a table of exactly 256 codes.
  GrayImage img(40, 30, 180);
  img.at(5, 5) = 0;
  EXPECT_TRUE(jpeg_huffman_tables_ok(encode_jpeg(img, 90)));
  std::vector<uint8_t> full = {0xff, 0xd8, 0xff, 0xc4, 0x01, 0x13, 0x00};
  for (int i = 0; i < 16; ++i) full.push_back(i == 7 ? 0x00 : (i == 8 ? 0xff : 0x00));
  full[7 + 8] = 0xff, full[7 + 9] = 0x01;  // 255 + 1 codes
  full.resize(full.size() + 256, 0);
  full.insert(full.end(), {0xff, 0xd9});
  EXPECT_TRUE(jpeg_huffman_tables_ok(full));
  full[7 + 9] = 0x02;  // 257
  EXPECT_FALSE(jpeg_huffman_tables_ok(full));
}

TEST(Decode, AnImageOverTheLimitsIsReadShrunkWhenAsked) {
  GrayImage wide(20000, 400, 255);  // over 16384 pixels a side
  for (int y = 100; y < 300; ++y)
    for (int x = 9000; x < 9060; ++x) wide.at(x, y) = 0;
  const auto png = encode_png(wide);
  auto refused = decode_image(png);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kImageTooLarge);
  auto reduced = decode_image_reduced(png, 4000);
  ASSERT_TRUE(reduced.ok()) << reduced.error().message;
  EXPECT_EQ(reduced->width, 4000);  // shrunk 5 times
  EXPECT_EQ(reduced->height, 80);
  EXPECT_EQ(reduced->at(1805, 40), 0);  // the bar, each pixel the mean of 5×5
  EXPECT_EQ(reduced->at(1000, 40), 255);
  // Within the limits and already that small: as decode_image reads it.
  auto small = decode_image_reduced(encode_png(GrayImage(300, 200, 90)), 4000);
  ASSERT_TRUE(small.ok());
  EXPECT_EQ(small->width, 300);
  // A header claiming more than 200 megapixels is still refused before decoding.
  auto bomb = encode_png(GrayImage(8, 8, 255));
  bomb[16] = 0, bomb[17] = 1, bomb[18] = 0x86, bomb[19] = 0xA0;  // 100000 wide
  bomb[20] = 0, bomb[21] = 1, bomb[22] = 0x86, bomb[23] = 0xA0;  // and high
  auto refused_bomb = decode_image_reduced(bomb, 4000);
  ASSERT_FALSE(refused_bomb.ok());
  EXPECT_EQ(refused_bomb.error().code, ErrorCode::kImageTooLarge);
  EXPECT_FALSE(decode_image_reduced(png, 10).ok());  // not a size to read at
}

TEST(Decode, RejectsHugeImagesFromTheHeaderAlone) {
  GrayImage img(8, 8, 255);
  auto png = encode_png(img);
  // Rewrite IHDR's width and height to 20000×20000 (the CRC no longer matches; the size check comes first).
  auto put = [&](size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) png[at + size_t(i)] = uint8_t(v >> (24 - 8 * i));
  };
  put(16, 20000);
  put(20, 20000);
  auto r = decode_image(png);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kImageTooLarge);
  EXPECT_EQ(r.error().message,
            "image is 20000×20000; the largest accepted is 16384 pixels a side and 50,000,000 pixels in all");
  EXPECT_FALSE(check_image_size(10000, 6000).ok());  // 60 megapixels
  EXPECT_TRUE(check_image_size(8000, 6000).ok());
  EXPECT_FALSE(check_image_size(0, 10).ok());
}

}  // namespace
}  // namespace scrawl

namespace scrawl {
namespace {

// A JPEG with an EXIF block that gives its orientation, as a phone writes it.
std::vector<uint8_t> jpeg_with_orientation(const GrayImage& img, int orientation, bool little_endian) {
  std::vector<uint8_t> jpg = encode_jpeg(img, 95);
  auto u16 = [&](std::vector<uint8_t>& v, int x) {
    if (little_endian) v.push_back(uint8_t(x)), v.push_back(uint8_t(x >> 8));
    else v.push_back(uint8_t(x >> 8)), v.push_back(uint8_t(x));
  };
  std::vector<uint8_t> tiff = little_endian ? std::vector<uint8_t>{'I', 'I'} : std::vector<uint8_t>{'M', 'M'};
  u16(tiff, 42), u16(tiff, 8), u16(tiff, 0);  // offset 8 as u32: low half, high half by order
  if (!little_endian) std::swap(tiff[4], tiff[6]), std::swap(tiff[5], tiff[7]);
  u16(tiff, 2);                                                                                  // two entries
  u16(tiff, 0x010F), u16(tiff, 2), u16(tiff, 4), u16(tiff, 0), u16(tiff, 0x4142), u16(tiff, 0);  // Make "AB"
  u16(tiff, 0x0112), u16(tiff, 3), u16(tiff, 1), u16(tiff, 0), u16(tiff, orientation), u16(tiff, 0);
  u16(tiff, 0), u16(tiff, 0);  // no next IFD
  std::vector<uint8_t> app1 = {0xFF, 0xE1, 0, 0, 'E', 'x', 'i', 'f', 0, 0};
  app1.insert(app1.end(), tiff.begin(), tiff.end());
  const size_t len = app1.size() - 2;
  app1[2] = uint8_t(len >> 8), app1[3] = uint8_t(len);
  jpg.insert(jpg.begin() + 2, app1.begin(), app1.end());
  return jpg;
}

TEST(Decode, TurnsAPhoneJpegTheWayItsExifSays) {
  // 60×30, dark in the top-left quarter only.
  GrayImage img(60, 30, 255);
  for (int y = 0; y < 15; ++y)
    for (int x = 0; x < 30; ++x) img.at(x, y) = 0;
  struct Case {
    int orientation, w, h, dark_x, dark_y;  // where the dark corner ends up
  };
  const Case cases[] = {{1, 60, 30, 5, 5}, {2, 60, 30, 55, 5}, {3, 60, 30, 55, 25}, {4, 60, 30, 5, 25},
                        {5, 30, 60, 5, 5}, {6, 30, 60, 25, 5}, {7, 30, 60, 25, 55}, {8, 30, 60, 5, 55}};
  for (bool little : {false, true})
    for (const Case& c : cases) {
      auto d = decode_image(jpeg_with_orientation(img, c.orientation, little));
      ASSERT_TRUE(d.ok()) << d.error().message;
      EXPECT_EQ(d->width, c.w) << "orientation " << c.orientation;
      EXPECT_EQ(d->height, c.h) << "orientation " << c.orientation;
      EXPECT_LT(d->at(c.dark_x, c.dark_y), 40) << "orientation " << c.orientation << (little ? " II" : " MM");
      EXPECT_GT(d->at(c.w - 1 - c.dark_x, c.h - 1 - c.dark_y), 215) << "orientation " << c.orientation;
    }
}

TEST(Decode, DamagedExifLeavesTheImageAsStored) {
  GrayImage img(40, 20, 200);
  auto jpg = jpeg_with_orientation(img, 6, false);
  jpg[4 + 2 + 6 + 4 + 2] = 0xFF;  // the first IFD's offset now points far past the block
  auto d = decode_image(jpg);
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->width, 40);
  EXPECT_EQ(d->height, 20);
}

}  // namespace
}  // namespace scrawl
