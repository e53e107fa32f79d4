// The fuzzers' seed corpus, made by the project's own code at build time (nothing committed):
//   scrawl_fuzz_seeds SOURCE_DIR OUT_DIR
// writes OUT_DIR/read (image files: PNG, JPG, GIF, BMP, TGA, PGM, PPM of code-drawn digits, a phone
// JPEG with EXIF orientation, a page of two digits, a blank page, a few non-images),
// OUT_DIR/read_rgba (width, height, RGBA pixels) and OUT_DIR/weights (the models in
// SOURCE_DIR/weights, small models written by serialize_model, damaged copies).
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/crc32.h"
#include "core/image.h"
#include "data/encode.h"
#include "nn/network.h"
#include "nn/weights_file.h"
#include "support/drawn_digits.h"

namespace {

namespace fs = std::filesystem;
using scrawl::GrayImage;
using Bytes = std::vector<uint8_t>;
using scrawl::testing::stroke;

// A "7" in a w×h box at (x, y) and a "1" beside it when `two`.
GrayImage drawing(int w, int h, bool two) {
  GrayImage img(w, h, 255);
  const float bw = two ? w / 2.0f : float(w), pen = std::max(2.0f, h * 0.08f);
  stroke(img, bw * 0.25f, h * 0.2f, bw * 0.75f, h * 0.2f, pen, 0);
  stroke(img, bw * 0.75f, h * 0.2f, bw * 0.4f, h * 0.85f, pen, 0);
  if (two) stroke(img, bw * 1.5f, h * 0.15f, bw * 1.5f, h * 0.85f, pen, 0);
  return img;
}

Bytes channels(const GrayImage& g, int n) {
  Bytes out;
  for (uint8_t v : g.pixels)
    for (int c = 0; c < n; ++c) out.push_back(n == 4 && c == 3 ? uint8_t(255 - v) : v);  // alpha: ink opaque
  if (n == 2)
    for (size_t i = 1; i < out.size(); i += 2) out[i] = 255;
  return out;
}

// A binary PGM (n = 1) or PPM (n = 3) of g, 8 or 16 bits a sample.
Bytes pnm(const GrayImage& g, int n, int bits) {
  const std::string head = std::string(n == 1 ? "P5" : "P6") + "\n" + std::to_string(g.width) + " " +
                           std::to_string(g.height) + "\n" + (bits == 16 ? "65535" : "255") + "\n";
  Bytes out(head.begin(), head.end());
  for (uint8_t v : channels(g, n)) {
    out.push_back(v);
    if (bits == 16) out.push_back(v);
  }
  return out;
}

// A JPEG as a phone writes it: an EXIF block right after SOI whose orientation is `o`.
Bytes with_exif(const Bytes& jpeg, int o) {
  const Bytes tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, uint8_t(o), 0, 0, 0, 0, 0, 0};
  Bytes app1 = {0xFF, 0xE1, 0, uint8_t(2 + 6 + tiff.size()), 'E', 'x', 'i', 'f', 0, 0};
  app1.insert(app1.end(), tiff.begin(), tiff.end());
  Bytes out(jpeg.begin(), jpeg.begin() + 2);
  out.insert(out.end(), app1.begin(), app1.end());
  out.insert(out.end(), jpeg.begin() + 2, jpeg.end());
  return out;
}

void write(const fs::path& path, const Bytes& bytes) {
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

Bytes with_crc(Bytes b) {
  const uint32_t crc = scrawl::crc32(b.data(), b.size() - 4);
  for (int i = 0; i < 4; ++i) b[b.size() - 4 + size_t(i)] = uint8_t(crc >> (8 * i));
  return b;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: scrawl_fuzz_seeds SOURCE_DIR OUT_DIR\n");
    return 2;
  }
  const fs::path source = argv[1], out = argv[2];
  for (const char* d : {"read", "read_rgba", "weights"}) fs::create_directories(out / d);

  // Image files.
  const fs::path r = out / "read";
  const GrayImage seven = drawing(48, 48, false), page = drawing(96, 40, true), blank(32, 24, 255);
  write(r / "seven.png", scrawl::encode_png(channels(seven, 3), seven.width, seven.height));
  write(r / "seven-rgba.png", scrawl::encode_png_rgba(channels(seven, 4), seven.width, seven.height));
  write(r / "seven.jpg", scrawl::encode_jpeg(channels(seven, 3), seven.width, seven.height, 90));
  write(r / "seven-q20.jpg", scrawl::encode_jpeg(channels(seven, 3), seven.width, seven.height, 20));
  write(r / "seven-exif6.jpg", with_exif(scrawl::encode_jpeg(channels(seven, 3), seven.width, seven.height, 75), 6));
  write(r / "seven.gif", scrawl::encode_gif(seven, false));
  write(r / "seven-transparent.gif", scrawl::encode_gif(seven, true));
  write(r / "seven.bmp", scrawl::encode_bmp(channels(seven, 3).data(), seven.width, seven.height, 3));
  write(r / "seven-rgba.bmp", scrawl::encode_bmp(channels(seven, 4).data(), seven.width, seven.height, 4));
  write(r / "seven.tga", scrawl::encode_tga(channels(seven, 1).data(), seven.width, seven.height, 1));
  write(r / "seven-ga.tga", scrawl::encode_tga(channels(seven, 2).data(), seven.width, seven.height, 2));
  write(r / "seven.pgm", pnm(seven, 1, 8));
  write(r / "seven-16.pgm", pnm(seven, 1, 16));
  write(r / "seven-16.ppm", pnm(seven, 3, 16));
  write(r / "page.png", scrawl::encode_png(channels(page, 3), page.width, page.height));
  write(r / "page.jpg", scrawl::encode_jpeg(channels(page, 3), page.width, page.height, 80));
  write(r / "blank.png", scrawl::encode_png(channels(blank, 3), blank.width, blank.height));
  write(r / "one-pixel.png", scrawl::encode_png(Bytes{0, 0, 0}, 1, 1));
  write(r / "text.txt", Bytes{'1', '2', '3', '\n'});
  write(r / "png-signature", Bytes{0x89, 'P', 'N', 'G', 13, 10, 26, 10});

  // Canvas pixels: width, height, RGBA.
  auto rgba_seed = [&](const char* name, const GrayImage& g) {
    Bytes b = {uint8_t(g.width), uint8_t(g.height)};
    const Bytes px = channels(g, 4);
    for (size_t i = 0; i < px.size(); i += 4) b.insert(b.end(), {0, 0, 0, px[i + 3]});  // black ink, alpha
    write(out / "read_rgba" / name, b);
  };
  rgba_seed("seven", seven);
  rgba_seed("page", page);
  rgba_seed("blank", blank);
  write(out / "read_rgba" / "empty", Bytes{0, 7});

  // Weights files.
  const fs::path w = out / "weights";
  for (const char* name : {"scrawl.bin", "one-digit.bin"}) {
    std::ifstream in(source / "weights" / name, std::ios::binary);
    const Bytes model((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (model.size() < 64) continue;
    write(w / name, model);
    write(w / (std::string("truncated-") + name), with_crc(Bytes(model.begin(), model.begin() + 200)));
  }
  const char* specs[] = {"dense 10; softmax", "conv 4 3; relu; maxpool 2; gap; dense 10; softmax",
                         "conv 2 5; bn; relu; maxpool 4; dense 10; softmax"};
  int n = 0;
  for (const char* spec : specs) {
    auto net = scrawl::Network::from_spec(spec, scrawl::Shape{1, 28, 28});
    if (!net) continue;
    net->init_params(uint64_t(++n));
    const scrawl::Model model{std::move(net.value()), {{"unsure_below", "0.8"}}};
    write(w / ("small-" + std::to_string(n) + "-f16.bin"), scrawl::serialize_model(model));
    write(w / ("small-" + std::to_string(n) + "-f32.bin"),
          scrawl::serialize_model(model, scrawl::TensorType::kFloat32));
  }
  std::printf("seeds written to %s\n", out.c_str());
  return 0;
}
