// The golden test's generated inputs: images the project's own generators make from fixed
// seeds, with digits drawn by code (no MNIST, no real writer), so that every build makes the
// same bytes. Writes them into the folder it is given:
//   scrawl_golden_inputs DIR
// canvas-*.png   code-drawn digits as a canvas exports them (synth::canvas_drawing)
// photo-*.jpg    the same digits photographed on paper (synth::paper_photo)
// page-*.jpg|png strings of those digits on photographed pages (synth::PageMaker)
// nodigit-*      drawings that are no digit and empty pages (synth::not_a_digit)
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>
#include <vector>

#include "core/rng.h"
#include "data/encode.h"
#include "data/mnist.h"
#include "real/pen_samples.h"
#include "synth/pen_ink.h"
#include "synth/pen_scenes.h"
#include "synth/string_page.h"

namespace {

using scrawl::Rng;
using scrawl::real::Stroke;
namespace synth = scrawl::synth;

Stroke poly(std::initializer_list<std::array<float, 2>> pts) { return Stroke(pts); }
Stroke ellipse(float cx, float cy, float rx, float ry, int n = 32) {
  Stroke s;
  for (int i = 0; i <= n; ++i) {
    const float a = 6.2832f * float(i) / float(n);
    s.push_back({cx + rx * std::cos(a), cy + ry * std::sin(a)});
  }
  return s;
}

// The ten digits as pen strokes in a 100-unit box, y down.
std::vector<Stroke> digit_strokes(int d) {
  switch (d) {
    case 0: return {ellipse(50, 50, 30, 45)};
    case 1: return {poly({{35, 20}, {55, 5}, {50, 95}})};
    case 2: return {poly({{20, 25}, {35, 8}, {60, 5}, {78, 20}, {75, 40}, {20, 95}, {85, 95}})};
    case 3: return {poly({{20, 10}, {75, 10}, {45, 45}, {75, 60}, {70, 88}, {45, 97}, {20, 88}})};
    case 4: return {poly({{60, 95}, {60, 5}, {15, 65}, {85, 65}})};
    case 5: return {poly({{75, 5}, {30, 5}, {25, 45}, {55, 40}, {78, 60}, {70, 88}, {45, 96}, {20, 88}})};
    case 6: return {poly({{70, 8}, {40, 25}, {25, 60}, {35, 90}, {60, 95}, {75, 75}, {60, 55}, {35, 60}, {25, 70}})};
    case 7: return {poly({{20, 8}, {80, 8}, {40, 95}})};
    case 8: return {ellipse(50, 28, 20, 22), ellipse(50, 72, 24, 24)};
    default: return {ellipse(50, 30, 22, 22), poly({{72, 30}, {65, 95}})};
  }
}

// Each digit three times, 28×28 and MNIST's way round (0 = paper, 255 = ink), for the pages.
scrawl::DigitSet code_drawn_digits() {
  scrawl::DigitSet set;
  Rng rng(1);
  for (int variant = 0; variant < 3; ++variant)
    for (int d = 0; d < 10; ++d) {
      std::vector<float> cover(28 * 28, 0.0f);
      synth::Placement p;
      const auto strokes = digit_strokes(d);
      p.height = 20, p.stroke = 2.0f + 0.5f * float(variant), p.rotation = 6.0f * float(variant - 1);
      p.x = (28 - synth::width_at(synth::extent_of(strokes), p.height)) / 2, p.y = 4;
      synth::draw_strokes(strokes, p, synth::PenInput::kStylus, rng, cover, 28, 28);
      for (float c : cover) set.images.push_back(uint8_t(std::lround(255 * c)));
      set.labels.push_back(uint8_t(d));
    }
  return set;
}

bool is_png(const std::vector<uint8_t>& bytes) { return bytes.size() > 4 && bytes[0] == 0x89 && bytes[1] == 'P'; }

bool write(const std::filesystem::path& dir, const std::string& name, const std::vector<uint8_t>& bytes) {
  std::ofstream out(dir / name, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
  if (!out) std::fprintf(stderr, "scrawl_golden_inputs: cannot write %s\n", (dir / name).string().c_str());
  return bool(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: scrawl_golden_inputs DIR\n");
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  std::filesystem::create_directories(dir);
  bool ok = true;
  char name[64];
  for (int d = 0; d < 10; ++d) {
    Rng rng(11, 1, uint64_t(d));
    std::snprintf(name, sizeof name, "canvas-%d.png", d);
    ok &= write(dir, name, synth::canvas_drawing(digit_strokes(d), rng).file);
  }
  for (int d : {0, 3, 4, 7}) {
    Rng rng(11, 2, uint64_t(d));
    std::snprintf(name, sizeof name, "photo-%d.jpg", d);
    ok &= write(dir, name, synth::paper_photo(digit_strokes(d), rng, 600).file);
  }
  const scrawl::DigitSet digits = code_drawn_digits();
  synth::PageMaker maker(digits);
  int k = 0;
  for (int length : {0, 1, 2, 3, 4, 6}) {
    Rng rng(11, 3, uint64_t(k++));
    synth::Page page = maker.make(length, rng, length ? 0 : 400, length ? 0 : 300);
    const bool jpeg = !page.file.empty();
    std::snprintf(name, sizeof name, "page-%d.%s", length, jpeg ? "jpg" : "png");
    ok &= write(dir, name, jpeg ? page.file : scrawl::encode_png(page.rgb, page.width, page.height));
  }
  for (int i = 0; i < 6; ++i) {
    Rng rng(11, 4, uint64_t(i));
    const synth::Scene s = synth::not_a_digit(rng);
    std::snprintf(name, sizeof name, "nodigit-%d.%s", i, is_png(s.file) ? "png" : "jpg");
    ok &= write(dir, name, s.file);
  }
  return ok ? 0 : 1;
}
