#include "drawn_digits.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "synth/pen_ink.h"
#include "train/mnist_preparer.h"

namespace scrawl::learn {
namespace {

using real::Stroke;
constexpr float kPi = 3.14159265f;

// Points along an ellipse from angle a0 through `sweep` (radians; y points down, so a growing
// angle turns clockwise on the page).
Stroke arc(float cx, float cy, float rx, float ry, float a0, float sweep) {
  Stroke s;
  const int n = std::max(8, int(std::fabs(sweep) * 8));
  for (int i = 0; i <= n; ++i) {
    const float a = a0 + sweep * float(i) / float(n);
    s.push_back({cx + rx * std::cos(a), cy + ry * std::sin(a)});
  }
  return s;
}

Stroke line(std::initializer_list<std::array<float, 2>> pts) { return Stroke(pts); }

// `tail` continued by `more`, as one stroke of the pen.
Stroke then(Stroke tail, const Stroke& more) {
  tail.insert(tail.end(), more.begin(), more.end());
  return tail;
}

std::vector<Stroke> zero(int, Rng& r) {
  const float rx = r.uniform(24, 38), over = r.uniform(0, 0.4f);
  return {arc(50, 50, rx, 46, -kPi / 2, -(2 * kPi + over))};
}

std::vector<Stroke> one(int style, Rng& r) {
  const float x = r.uniform(45, 55);
  if (style == 0) return {line({{x, 4}, {x, 96}})};
  const float flag = r.uniform(12, 22);
  std::vector<Stroke> s{line({{x - flag, 4 + flag * 0.8f}, {x, 4}, {x, 96}})};
  if (style == 2) s.push_back(line({{x - r.uniform(14, 22), 96}, {x + r.uniform(14, 22), 96}}));
  return s;
}

std::vector<Stroke> two(int style, Rng& r) {
  const float top = r.uniform(22, 30);
  Stroke s = arc(50, top, 26, top - 3, -0.9f * kPi, 1.15f * kPi);
  if (style == 1) s = then(s, arc(30, 86, 10, 9, -0.3f * kPi, 1.6f * kPi));  // a loop at the foot
  else s.push_back({r.uniform(15, 24), 95});
  s.push_back({r.uniform(78, 90), r.uniform(92, 97)});
  return {s};
}

std::vector<Stroke> three(int style, Rng& r) {
  const float mid = r.uniform(42, 50);
  Stroke upper = arc(50, mid / 2 + 2, 24, mid / 2, -0.85f * kPi, 1.35f * kPi);
  Stroke lower = arc(50, mid + (100 - mid) / 2, 28, (100 - mid) / 2 - 2, -0.5f * kPi, 1.35f * kPi);
  if (style == 1) upper = line({{22, 4}, {76, 4}, {44, mid}});  // a flat-topped 3
  return {then(upper, lower)};
}

std::vector<Stroke> four(int style, Rng& r) {
  const float bar = r.uniform(58, 70), stem = r.uniform(60, 72);
  if (style == 0) return {line({{stem - 8, 4}, {16, bar}, {88, bar}}), line({{stem, 30}, {stem, 96}})};
  // Open at the top: two strokes that need not meet.
  return {line({{24, 4}, {20, bar}, {86, bar}}), line({{stem, 4 + r.uniform(0, 10)}, {stem, 96}})};
}

std::vector<Stroke> five(int style, Rng& r) {
  const float waist = r.uniform(40, 50);
  Stroke belly = arc(48, 70, 28, 96 - 70, -0.8f * kPi, 1.55f * kPi);
  if (style == 0) return {then(line({{28, 4}, {26, waist}}), belly), line({{28, 4}, {78, 3}})};
  return {then(line({{78, 4}, {28, 4}, {26, waist}}), belly)};
}

std::vector<Stroke> six(int, Rng& r) {
  const float loop = r.uniform(18, 26);
  Stroke s = line({{r.uniform(62, 76), 4}, {42, 24}, {50 - loop, 100 - loop * 1.3f}});
  return {then(s, arc(50, 100 - loop - 4, loop, loop, kPi, -2 * kPi))};
}

std::vector<Stroke> seven(int style, Rng& r) {
  const float foot = r.uniform(30, 50);
  std::vector<Stroke> s{line({{16, 6}, {84, 5}, {foot, 96}})};
  if (style == 1) s.push_back(line({{foot + 8, 50}, {foot + 40, 50}}));  // crossed
  return s;
}

std::vector<Stroke> eight(int style, Rng& r) {
  const float waist = r.uniform(42, 50);
  Stroke upper = arc(50, waist / 2 + 2, 21, waist / 2, kPi / 2, 2 * kPi);
  Stroke lower = arc(50, waist + (100 - waist) / 2, 27, (100 - waist) / 2 - 2, -kPi / 2, 2 * kPi);
  if (style == 1) return {upper, lower};  // two rings
  return {then(upper, lower)};
}

std::vector<Stroke> nine(int style, Rng& r) {
  const float loop = r.uniform(18, 24);
  Stroke s = arc(50, loop + 4, 24, loop, 0, -2 * kPi);
  if (style == 0) return {then(s, line({{74, loop + 4}, {r.uniform(66, 74), 96}}))};
  return {then(s, arc(44, loop + 4, 30, 92 - loop, 0, 0.5f * kPi))};
}

using Template = std::vector<Stroke> (*)(int, Rng&);
constexpr std::array<Template, 10> kTemplates{zero, one, two, three, four, five, six, seven, eight, nine};
constexpr std::array<int, 10> kStyles{1, 3, 2, 2, 2, 2, 1, 2, 2, 2};

// A writer's slant, width and tilt, and a wobble of the hand along each stroke.
void vary(std::vector<Stroke>& strokes, Rng& r) {
  const float shear = r.uniform(-0.35f, 0.1f), sx = r.uniform(0.7f, 1.15f), turn = r.uniform(-0.12f, 0.12f);
  const float c = std::cos(turn), s = std::sin(turn);
  const float wx = r.uniform(0, 6.3f), wy = r.uniform(0, 6.3f), amp = r.uniform(0, 2.5f);
  for (Stroke& stroke : strokes)
    for (auto& p : stroke) {
      float x = (p[0] - 50) * sx + shear * (p[1] - 50), y = p[1] - 50;
      const float rx = c * x - s * y, ry = s * x + c * y;
      p = {50 + rx + amp * std::sin(wx + ry * 0.08f), 50 + ry + amp * std::sin(wy + rx * 0.08f)};
    }
}

}  // namespace

int digit_style_count(int digit) { return digit >= 0 && digit < 10 ? kStyles[size_t(digit)] : 0; }

std::vector<real::Stroke> digit_strokes(int digit, int style, Rng& rng) {
  if (digit < 0 || digit > 9) return {};
  std::vector<Stroke> strokes = kTemplates[size_t(digit)](style % kStyles[size_t(digit)], rng);
  vary(strokes, rng);
  return strokes;
}

void draw_digit_strokes(const std::vector<real::Stroke>& strokes, float stroke, Rng& rng, uint8_t* out) {
  synth::draw_in_mnist_form(strokes, stroke, rng, out);
}

DrawnDigits drawn_digit_set(int per_digit, uint64_t seed) {
  DrawnDigits set;
  MnistPreparer prep;
  std::array<uint8_t, 784> drawn{};
  for (int i = 0; i < per_digit; ++i)
    for (int d = 0; d < 10; ++d) {
      Rng rng(seed, uint64_t(d), uint64_t(i));
      draw_digit_strokes(digit_strokes(d, i, rng), rng.uniform(1.6f, 3.2f), rng, drawn.data());
      DigitPixels px;
      if (!prep.prepare(drawn.data(), px)) continue;
      set.pixels.push_back(px);
      set.labels.push_back(uint8_t(d));
    }
  return set;
}

}  // namespace scrawl::learn
