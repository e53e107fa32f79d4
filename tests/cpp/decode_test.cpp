#include <gtest/gtest.h>

#include <string>

#include "decode.h"
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

TEST(Decode, CompositesTransparentPixelsOntoWhite) {
  const uint8_t rgba[] = {0, 0, 0, 0, 0, 0, 0, 255, 255, 0, 0, 255, 0, 0, 0, 128};
  auto img = gray_from_rgba(rgba, 4, 1);
  ASSERT_TRUE(img.ok());
  EXPECT_EQ(img->at(0, 0), 255);  // fully transparent -> paper
  EXPECT_EQ(img->at(1, 0), 0);    // opaque black
  EXPECT_EQ(img->at(2, 0), 76);   // red -> its luma
  EXPECT_NEAR(img->at(3, 0), 127, 1);
}

TEST(Decode, RejectsWhatIsNotAnImage) {
  const std::string text = "12345, a text file\n";
  auto r = decode_image({reinterpret_cast<const uint8_t*>(text.data()), text.size()});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotAnImage);
  EXPECT_EQ(r.error().message, "not an image: PNG or JPG expected");

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
  if (t.ok()) EXPECT_EQ(t->width, 64);
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
