#include "not_a_digit.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "synth/pen_ink.h"

namespace scrawl {
namespace {

using real::Stroke;
constexpr float kTau = 6.2831853f;

Stroke ellipse(float cx, float cy, float rx, float ry, float a0 = 0, float sweep = kTau) {
  Stroke s;
  for (int i = 0; i <= 32; ++i) {
    const float a = a0 + sweep * float(i) / 32;
    s.push_back({cx + rx * std::cos(a), cy + ry * std::sin(a)});
  }
  return s;
}

std::vector<Stroke> shape(Rng& rng) {
  std::vector<Stroke> out;
  switch (rng.below(6)) {
    case 0: {  // a polygon or a star, closed
      const int n = 3 + rng.below(6);
      const bool star = rng.chance(0.4f);
      Stroke s;
      for (int i = 0; i <= n; ++i) {
        const float a = kTau * float((star ? i * 2 : i) % n) / float(n) + rng.uniform(-0.2f, 0.2f);
        s.push_back({50 + 45 * std::cos(a), 50 + 45 * std::sin(a)});
      }
      out.push_back(s);
      break;
    }
    case 1: {  // rings and ellipses: two side by side, or three or four anywhere (never two
               // stacked, which is how people write an 8)
      const int n = 2 + rng.below(3);
      for (int i = 0; i < n; ++i) {
        const float cx = n == 2 ? 25.0f + 50.0f * float(i) + rng.uniform(-8, 8) : rng.uniform(20, 80);
        const float cy = n == 2 ? 50.0f + rng.uniform(-10, 10) : rng.uniform(15, 85);
        out.push_back(ellipse(cx, cy, rng.uniform(12, 25), rng.uniform(8, 30)));
      }
      break;
    }
    case 2: {  // a scribble: many turns, crossing itself
      Stroke s{{rng.uniform(20, 80), rng.uniform(20, 80)}};
      for (int i = 0, n = 8 + rng.below(10); i < n; ++i) s.push_back({rng.uniform(0, 100), rng.uniform(0, 100)});
      out.push_back(s);
      break;
    }
    case 3: {  // hatching, or a grid
      const int n = 3 + rng.below(4);
      const bool grid = rng.chance(0.5f);
      for (int i = 0; i < n; ++i) {
        const float t = 100.0f * float(i) / float(n - 1);
        out.push_back({{0, t + rng.uniform(-5, 5)}, {100, t + rng.uniform(-5, 5)}});
        if (grid) out.push_back({{t + rng.uniform(-5, 5), 0}, {t + rng.uniform(-5, 5), 100}});
      }
      break;
    }
    case 4: {  // a cluster of dots
      for (int i = 0, n = 5 + rng.below(15); i < n; ++i) {
        const float x = rng.uniform(0, 100), y = rng.uniform(0, 100);
        out.push_back({{x, y}, {x + 2, y + 1}});
      }
      break;
    }
    default: {  // a ring with three or more marks inside or around it (a face, a sun; one
                // stroke across a ring is how some people write a 0)
      out.push_back(ellipse(50, 50, 40, rng.uniform(30, 45)));
      for (int i = 0, n = 3 + rng.below(4); i < n; ++i) {
        const float a = rng.uniform(0, kTau), r0 = rng.uniform(0, 30), r1 = rng.uniform(10, 55);
        out.push_back({{50 + r0 * std::cos(a), 50 + r0 * std::sin(a)}, {50 + r1 * std::cos(a + 0.3f), 50 + r1 * std::sin(a + 0.3f)}});
      }
      break;
    }
  }
  return out;
}

}  // namespace

void draw_not_a_digit(Rng& rng, uint8_t* out) {
  const std::vector<Stroke> strokes = shape(rng);
  const synth::Extent e = synth::extent_of(strokes);
  // Fitted into the middle 20×20 as MNIST fits a digit: by the longer side.
  synth::Placement p;
  p.height = 20 * std::min(1.0f, e.height() / std::max(1e-3f, std::max(e.width(), e.height())));
  p.height = std::max(p.height, 4.0f);
  // A flat shape (a row of dots, one bar) is drawn at least a tenth as high as wide: keep its
  // width inside the box too.
  p.height = std::min(p.height, p.height * 20.0f / synth::width_at(e, p.height));
  const float width = synth::width_at(e, p.height);
  p.x = 14 - width / 2, p.y = 14 - p.height / 2;
  p.stroke = rng.uniform(1.5f, 3.0f);
  std::vector<float> cover(28 * 28, 0.0f);
  synth::draw_strokes(strokes, p, synth::PenInput::kStylus, rng, cover, 28, 28);
  for (int i = 0; i < 784; ++i) out[i] = uint8_t(std::lround(255 * cover[size_t(i)]));
}

}  // namespace scrawl
