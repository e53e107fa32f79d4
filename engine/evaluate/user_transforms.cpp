#include "user_transforms.h"

#include <algorithm>
#include <cmath>

#include "data/encode.h"

namespace scrawl {
namespace {

uint8_t bilinear(const GrayImage& img, float x, float y, uint8_t outside) {
  const int x0 = int(std::floor(x)), y0 = int(std::floor(y));
  const float fx = x - float(x0), fy = y - float(y0);
  auto at = [&](int xx, int yy) -> float {
    return (xx < 0 || yy < 0 || xx >= img.width || yy >= img.height) ? outside : img.at(xx, yy);
  };
  const float v = (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) +
                  fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
  return uint8_t(std::clamp(v + 0.5f, 0.0f, 255.0f));
}

// Black ink on white paper, 4× larger: how a scan or a photo of a digit looks.
GrayImage paper_4x(const uint8_t* digit) { return invert(scale_bilinear(mnist_to_image(digit), 4)); }

}  // namespace

GrayImage mnist_to_image(const uint8_t* digit) {
  GrayImage img(28, 28);
  std::copy(digit, digit + 784, img.pixels.begin());
  return img;
}

GrayImage invert(const GrayImage& img) {
  GrayImage out = img;
  for (auto& v : out.pixels) v = uint8_t(255 - v);
  return out;
}

GrayImage scale_bilinear(const GrayImage& img, int f) {
  GrayImage out(img.width * f, img.height * f);
  const uint8_t edge = img.at(0, 0);
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x)
      out.at(x, y) = bilinear(img, (x + 0.5f) / float(f) - 0.5f, (y + 0.5f) / float(f) - 0.5f, edge);
  return out;
}

GrayImage place_on_canvas(const GrayImage& img, int w, int h, int x0, int y0, uint8_t paper) {
  GrayImage out(w, h, paper);
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x)
      if (x0 + x >= 0 && y0 + y >= 0 && x0 + x < w && y0 + y < h) out.at(x0 + x, y0 + y) = img.at(x, y);
  return out;
}

GrayImage rotate(const GrayImage& img, float degrees, uint8_t paper) {
  GrayImage out(img.width, img.height, paper);
  const float a = degrees * 3.14159265f / 180.0f, c = std::cos(a), s = std::sin(a);
  const float cx = img.width / 2.0f - 0.5f, cy = img.height / 2.0f - 0.5f;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) {
      const float u = x - cx, v = y - cy;
      out.at(x, y) = bilinear(img, c * u + s * v + cx, -s * u + c * v + cy, paper);
    }
  return out;
}

GrayImage morph(const GrayImage& img, int radius, bool grow_bright) {
  GrayImage out = img;
  // The brightest (darkest) pixel within a disc of the radius, inside the image.
  const auto extreme = [&](int x, int y) {
    int m = img.at(x, y);
    for (int dy = std::max(-radius, -y); dy <= std::min(radius, img.height - 1 - y); ++dy)
      for (int dx = std::max(-radius, -x); dx <= std::min(radius, img.width - 1 - x); ++dx) {
        if (dx * dx + dy * dy > radius * radius) continue;
        m = grow_bright ? std::max(m, int(img.at(x + dx, y + dy))) : std::min(m, int(img.at(x + dx, y + dy)));
      }
    return m;
  };
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) out.at(x, y) = uint8_t(extreme(x, y));
  return out;
}

namespace {

// Each makes an input from an MNIST digit: an image in img, or (returning true) a file's bytes.
bool on_paper(const uint8_t* d, Rng&, GrayImage& img, std::vector<uint8_t>&) {
  img = invert(mnist_to_image(d));
  return false;
}

bool thicker(const uint8_t* d, Rng&, GrayImage& img, std::vector<uint8_t>&) {
  img = invert(morph(scale_bilinear(mnist_to_image(d), 4), 3, true));
  return false;
}

bool thinner(const uint8_t* d, Rng&, GrayImage& img, std::vector<uint8_t>&) {
  img = invert(morph(scale_bilinear(mnist_to_image(d), 4), 2, false));
  return false;
}

bool on_big_canvas(const uint8_t* d, Rng& rng, GrayImage& img, std::vector<uint8_t>&) {
  img = place_on_canvas(paper_4x(d), 400, 300, 20 + rng.below(250), 10 + rng.below(160), 255);
  return false;
}

bool low_contrast(const uint8_t* d, Rng&, GrayImage& img, std::vector<uint8_t>&) {
  img = mnist_to_image(d);
  for (auto& v : img.pixels) v = uint8_t(150 - (40 * v + 127) / 255);
  return false;
}

bool jpeg50(const uint8_t* d, Rng&, GrayImage&, std::vector<uint8_t>& bytes) {
  bytes = encode_jpeg(paper_4x(d), 50);
  return true;
}

bool salt_and_pepper(const uint8_t* d, Rng& rng, GrayImage& img, std::vector<uint8_t>&) {
  img = paper_4x(d);
  for (auto& v : img.pixels)
    if (rng.chance(0.02f)) v = rng.chance(0.5f) ? 0 : 255;
  return false;
}

bool rotated12(const uint8_t* d, Rng& rng, GrayImage& img, std::vector<uint8_t>&) {
  img = rotate(paper_4x(d), rng.chance(0.5f) ? 12.0f : -12.0f, 255);
  return false;
}

bool in_a_box(const uint8_t* d, Rng&, GrayImage& img, std::vector<uint8_t>&) {
  img = place_on_canvas(paper_4x(d), 132, 132, 10, 10, 255);
  for (int i = 2; i < 130; ++i)
    for (int t = 0; t < 2; ++t) img.at(i, 2 + t) = img.at(i, 128 + t) = img.at(2 + t, i) = img.at(128 + t, i) = 30;
  return false;
}

bool above_a_rule(const uint8_t* d, Rng&, GrayImage& img, std::vector<uint8_t>&) {
  img = place_on_canvas(paper_4x(d), 200, 140, 40, 8, 255);
  for (int x = 0; x < 200; ++x) img.at(x, 118) = img.at(x, 119) = 60;
  return false;
}

}  // namespace

const std::vector<UserTransform>& user_transforms() {
  static const std::vector<UserTransform> all = {
      {"paper", "black ink on white paper", on_paper},
      {"thicker", "drawn thicker (a finger on a phone)", thicker},
      {"thinner", "drawn thinner (a fine pen)", thinner},
      {"canvas4x", "scaled up 4× on a 400×300 canvas, off-centre", on_big_canvas},
      {"lowcontrast", "low contrast: grey ink on grey paper (40 levels apart)", low_contrast},
      {"jpeg50", "JPEG at quality 50 (4× scan, black on white)", jpeg50},
      {"saltpepper", "salt-and-pepper noise on 2% of the pixels (4× scan)", salt_and_pepper},
      {"rotated12", "rotated 12°", rotated12},
      {"border", "a thin box drawn around the digit, close to it (a form field)", in_a_box},
      {"ruled", "a ruled line across the page just below the digit", above_a_rule},
  };
  return all;
}

}  // namespace scrawl
