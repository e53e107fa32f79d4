#include "learning_writers.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "learn/drawn_digits.h"
#include "synth/pen_scenes.h"

namespace scrawl {
namespace {

// One synthetic writer's way of bending every digit: a slant, a width and height, a turn, and
// a wave through the strokes, always the same.
struct Hand {
  const char* name;
  float shear, sx, sy, turn_degrees, wave;
  bool bold;
};
constexpr std::array<Hand, 5> kHands{{
    {"far-slant", -0.75f, 0.8f, 1.0f, 0, 0, false},
    {"sideways", 0, 1.0f, 1.0f, 42, 0, false},
    {"wavy", 0, 1.0f, 1.0f, 0, 2.6f, false},
    {"squat-bold", 0, 1.1f, 0.55f, 0, 0, true},
    {"thin-leaning-left", 0.2f, 0.45f, 1.0f, -22, 0, false},
}};

float sample_at(const uint8_t* d, float x, float y) {
  const int x0 = int(std::floor(x)), y0 = int(std::floor(y));
  auto px = [&](int xx, int yy) { return xx < 0 || yy < 0 || xx > 27 || yy > 27 ? 0.0f : float(d[yy * 28 + xx]); };
  const float fx = x - float(x0), fy = y - float(y0);
  return (1 - fy) * ((1 - fx) * px(x0, y0) + fx * px(x0 + 1, y0)) +
         fy * ((1 - fx) * px(x0, y0 + 1) + fx * px(x0 + 1, y0 + 1));
}

// The MNIST digit (white on black) bent by the hand and drawn black on a white 280×280 canvas.
GrayImage bent_on_canvas(const uint8_t* digit, const Hand& hand) {
  constexpr int kScale = 10, kSide = 28 * kScale;
  const float t = hand.turn_degrees * 3.14159265f / 180, c = std::cos(t), s = std::sin(t);
  GrayImage canvas(kSide, kSide, 255);
  for (int y = 0; y < kSide; ++y)
    for (int x = 0; x < kSide; ++x) {
      // Canvas to digit coordinates about the centre: undo the turn, the scale and the slant.
      float u = (float(x) + 0.5f) / kScale - 14, v = (float(y) + 0.5f) / kScale - 14;
      const float ru = c * u + s * v, rv = -s * u + c * v;
      float sv = rv / hand.sy, su = ru / hand.sx - hand.shear * sv;
      su += hand.wave * std::sin(sv * 0.5f + 1.0f);
      sv += hand.wave * std::sin(su * 0.45f + 2.0f);
      float ink = sample_at(digit, su + 14 - 0.5f, sv + 14 - 0.5f);
      if (hand.bold)
        for (int k = 0; k < 4; ++k)
          ink = std::max(ink,
                         sample_at(digit, su + 14 - 0.5f + (k == 0) - (k == 1), sv + 14 - 0.5f + (k == 2) - (k == 3)));
      canvas.at(x, y) = uint8_t(255 - std::lround(std::clamp(ink, 0.0f, 255.0f)));
    }
  return canvas;
}

// What the reader keeps of an image read as one digit; false where it finds none.
bool as_sample(const Result<Recognition>& r, int label, learn::Sample& out) {
  if (!r) return false;
  out.pixels = r->input;
  out.label = uint8_t(label);
  return true;
}

}  // namespace

size_t synthetic_hand_count() { return kHands.size(); }
GrayImage in_synthetic_hand(const uint8_t* digit, size_t hand) {
  return bent_on_canvas(digit, kHands[hand % kHands.size()]);
}

std::vector<WriterSamples> real_learning_writers(const std::vector<real::PenSample>& pens, Recognizer& reader,
                                                 int min_per_digit, uint64_t seed) {
  std::map<std::string, std::array<int, 10>> counts;
  for (const auto& p : pens)
    if (p.label >= 0 && p.label <= 9) ++counts[p.writer][size_t(p.label)];
  std::vector<WriterSamples> out;
  for (const auto& [writer, per_digit] : counts) {
    if (*std::min_element(per_digit.begin(), per_digit.end()) < min_per_digit) continue;
    WriterSamples w{writer, {}};
    for (size_t i = 0; i < pens.size(); ++i) {
      if (pens[i].writer != writer || pens[i].label < 0 || pens[i].label > 9) continue;
      Rng rng(seed, 0x1ea, i);
      const synth::Scene scene = synth::canvas_drawing(pens[i].strokes, rng);
      learn::Sample s;
      if (as_sample(reader.recognize_file(scene.file), pens[i].label, s)) w.samples.push_back(s);
    }
    out.push_back(std::move(w));
  }
  return out;
}

std::vector<WriterSamples> synthetic_learning_writers(const DigitSet& mnist_test, Recognizer& reader, int per_digit) {
  std::vector<WriterSamples> out;
  for (size_t h = 0; h < kHands.size(); ++h) {
    WriterSamples w{std::string("synthetic:") + kHands[h].name, {}};
    std::array<int, 10> taken{};
    for (size_t i = h; i < mnist_test.size(); i += kHands.size()) {
      const int label = mnist_test.labels[i];
      if (taken[size_t(label)] >= per_digit) continue;
      ++taken[size_t(label)];
      learn::Sample s;
      if (as_sample(reader.recognize_gray(bent_on_canvas(mnist_test.image(i), kHands[h])), label, s))
        w.samples.push_back(s);
    }
    out.push_back(std::move(w));
  }
  return out;
}

std::vector<WriterSamples> drawn_learning_writers(Recognizer& reader, int per_digit, uint64_t seed,
                                                  const std::string& only) {
  std::vector<WriterSamples> out;
  std::array<uint8_t, 784> digit{};
  for (size_t h = 0; h < kHands.size(); ++h) {
    if (!only.empty() && only != kHands[h].name) continue;
    WriterSamples w{std::string("drawn:") + kHands[h].name, {}};
    for (int i = 0; i < per_digit; ++i)
      for (int d = 0; d < 10; ++d) {
        Rng rng(seed, h * 10 + uint64_t(d), uint64_t(i));
        learn::draw_digit_strokes(learn::digit_strokes(d, i, rng), rng.uniform(1.8f, 2.8f), rng, digit.data());
        learn::Sample s;
        if (as_sample(reader.recognize_gray(bent_on_canvas(digit.data(), kHands[h])), d, s)) w.samples.push_back(s);
      }
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace scrawl
