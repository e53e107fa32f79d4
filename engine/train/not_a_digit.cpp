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

Stroke polyline(std::initializer_list<std::array<float, 2>> pts) { return Stroke(pts); }

// A house: walls, a roof, perhaps a door and a window.
std::vector<Stroke> house(Rng& rng) {
  std::vector<Stroke> out;
  const float l = rng.uniform(5, 25), r = rng.uniform(75, 95), eave = rng.uniform(35, 60), ridge = rng.uniform(0, 25);
  const float floor = rng.uniform(85, 100);
  out.push_back(polyline({{l, eave}, {r, eave}, {r, floor}, {l, floor}, {l, eave}}));
  out.push_back(polyline(
      {{l - rng.uniform(0, 6), eave + 2}, {50 + rng.uniform(-8, 8), ridge}, {r + rng.uniform(0, 6), eave + 2}}));
  if (rng.chance(0.7f)) {
    const float dx = rng.uniform(l + 5, r - 25), dw = rng.uniform(10, 18), dt = rng.uniform(eave + 10, floor - 15);
    out.push_back(polyline({{dx, floor}, {dx, dt}, {dx + dw, dt}, {dx + dw, floor}}));
  }
  if (rng.chance(0.5f)) {
    const float wx = rng.uniform(l + 4, r - 18), wy = rng.uniform(eave + 5, floor - 20);
    out.push_back(polyline({{wx, wy}, {wx + 12, wy}, {wx + 12, wy + 12}, {wx, wy + 12}, {wx, wy}}));
  }
  return out;
}

// A person: a head over a body, arms and legs.
std::vector<Stroke> person(Rng& rng) {
  std::vector<Stroke> out;
  const float head = rng.uniform(8, 16), neck = 2 * head + rng.uniform(0, 4), hip = rng.uniform(55, 72);
  out.push_back(ellipse(50, head + 2, head, head));
  if (rng.chance(0.5f)) {
    const float half = rng.uniform(8, 20);
    out.push_back(
        polyline({{50 - half, neck}, {50 + half, neck}, {50 + half, hip}, {50 - half, hip}, {50 - half, neck}}));
  } else {
    out.push_back(polyline({{50, neck}, {50, hip}}));
  }
  const float arm = neck + rng.uniform(4, 14);
  out.push_back(polyline({{50, arm}, {rng.uniform(5, 25), arm + rng.uniform(-15, 25)}}));
  out.push_back(polyline({{50, arm}, {rng.uniform(75, 95), arm + rng.uniform(-15, 25)}}));
  out.push_back(polyline({{47, hip}, {rng.uniform(20, 40), 100}}));
  out.push_back(polyline({{53, hip}, {rng.uniform(60, 80), 100}}));
  return out;
}

// A sun with rays, or a flower with petals.
std::vector<Stroke> sun_or_flower(Rng& rng) {
  std::vector<Stroke> out;
  const float r = rng.uniform(12, 25);
  out.push_back(ellipse(50, 50, r, r));
  const int n = 5 + rng.below(8);
  const bool petals = rng.chance(0.3f);
  const float a0 = rng.uniform(0, kTau);
  for (int i = 0; i < n; ++i) {
    const float a = a0 + kTau * float(i) / float(n), r0 = r + rng.uniform(2, 8), r1 = rng.uniform(38, 50);
    if (petals)
      out.push_back(
          ellipse(50 + (r + r1) / 2 * std::cos(a), 50 + (r + r1) / 2 * std::sin(a), (r1 - r) / 2, (r1 - r) / 3));
    else
      out.push_back(
          polyline({{50 + r0 * std::cos(a), 50 + r0 * std::sin(a)}, {50 + r1 * std::cos(a), 50 + r1 * std::sin(a)}}));
  }
  return out;
}

// A face: eyes and a mouth in a ring (dots, small rings or dashes for the eyes).
std::vector<Stroke> face(Rng& rng) {
  std::vector<Stroke> out;
  out.push_back(ellipse(50, 50, rng.uniform(38, 48), rng.uniform(38, 48)));
  const float ey = rng.uniform(30, 45), ex = rng.uniform(12, 20), er = rng.uniform(1, 6);
  for (float side : {-1.0f, 1.0f}) out.push_back(ellipse(50 + side * ex, ey, er, er + rng.uniform(0, 4)));
  const float my = rng.uniform(58, 72), mw = rng.uniform(12, 25), bend = rng.uniform(-12, 14);
  out.push_back(polyline({{50 - mw, my},
                          {50 - mw / 2, my + bend * 0.75f},
                          {50, my + bend},
                          {50 + mw / 2, my + bend * 0.75f},
                          {50 + mw, my}}));
  return out;
}

// A frame with a cross, one diagonal or a plus in it.
std::vector<Stroke> crossed_frame(Rng& rng) {
  std::vector<Stroke> out;
  const float x0 = rng.uniform(0, 15), x1 = rng.uniform(85, 100), y0 = rng.uniform(0, 15), y1 = rng.uniform(85, 100);
  out.push_back(polyline({{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}));
  const int kind = rng.below(3);
  if (kind == 0 || kind == 1) out.push_back(polyline({{x0, y0}, {x1, y1}}));
  if (kind == 0) out.push_back(polyline({{x1, y0}, {x0, y1}}));
  if (kind == 2) {
    out.push_back(polyline({{50, y0}, {50, y1}}));
    out.push_back(polyline({{x0, 50}, {x1, 50}}));
  }
  return out;
}

// A heart.
std::vector<Stroke> heart(Rng& rng) {
  std::vector<Stroke> out;
  Stroke s;
  for (int i = 0; i <= 40; ++i) {
    const float t = kTau * float(i) / 40, st = std::sin(t);
    s.push_back({50 + 45 * st * st * st,
                 45 - (13 * std::cos(t) - 5 * std::cos(2 * t) - 2 * std::cos(3 * t) - std::cos(4 * t)) * 3});
  }
  out.push_back(s);
  return out;
}

// A fir tree: a triangle on a trunk (a round crown on a stem is how some write a 9).
std::vector<Stroke> fir_tree(Rng& rng) {
  std::vector<Stroke> out;
  const float top = rng.uniform(45, 65);
  out.push_back(polyline({{50, 0}, {rng.uniform(90, 100), top}, {rng.uniform(0, 10), top}, {50, 0}}));
  const float half = rng.uniform(3, 8);
  out.push_back(polyline({{50 - half, top}, {50 - half, 100}, {50 + half, 100}, {50 + half, top}}));
  return out;
}

// An arrow, pointing any way but up or down (a 1 has a flag at its top).
std::vector<Stroke> arrow(Rng& rng) {
  std::vector<Stroke> out;
  const float a = rng.uniform(-1.0f, 1.0f) + (rng.chance(0.5f) ? 0.0f : kTau / 2), c = std::cos(a), sn = std::sin(a),
              head = rng.uniform(15, 30);
  out.push_back(polyline({{50 - 45 * c, 50 - 45 * sn}, {50 + 45 * c, 50 + 45 * sn}}));
  for (float side : {-0.6f, 0.6f})
    out.push_back(polyline({{50 + 45 * c, 50 + 45 * sn},
                            {50 + 45 * c - head * std::cos(a + side), 50 + 45 * sn - head * std::sin(a + side)}}));
  return out;
}

// What people draw when they draw something else than a digit, with random proportions: a
// house, a person, a sun or a flower, a face, a frame with a cross, a heart, a tree, an arrow.
std::vector<Stroke> drawing(Rng& rng) {
  switch (rng.below(8)) {
    case 0: return house(rng);
    case 1: return person(rng);
    case 2: return sun_or_flower(rng);
    case 3: return face(rng);
    case 4: return crossed_frame(rng);
    case 5: return heart(rng);
    case 6: return fir_tree(rng);
    default: return arrow(rng);
  }
}

// A polygon or a star, closed.
std::vector<Stroke> polygon_or_star(Rng& rng) {
  const int n = 3 + rng.below(6);
  const bool star = rng.chance(0.4f);
  Stroke s;
  for (int i = 0; i <= n; ++i) {
    const float a = kTau * float((star ? i * 2 : i) % n) / float(n) + rng.uniform(-0.2f, 0.2f);
    s.push_back({50 + 45 * std::cos(a), 50 + 45 * std::sin(a)});
  }
  return {s};
}

// Rings and ellipses: two side by side, or three or four anywhere (never two stacked, which is
// how people write an 8).
std::vector<Stroke> rings(Rng& rng) {
  std::vector<Stroke> out;
  const int n = 2 + rng.below(3);
  for (int i = 0; i < n; ++i) {
    const float cx = n == 2 ? 25.0f + 50.0f * float(i) + rng.uniform(-8, 8) : rng.uniform(20, 80);
    const float cy = n == 2 ? 50.0f + rng.uniform(-10, 10) : rng.uniform(15, 85);
    out.push_back(ellipse(cx, cy, rng.uniform(12, 25), rng.uniform(8, 30)));
  }
  return out;
}

// A scribble: many turns, crossing itself.
std::vector<Stroke> scribble(Rng& rng) {
  Stroke s{{rng.uniform(20, 80), rng.uniform(20, 80)}};
  for (int i = 0, n = 8 + rng.below(10); i < n; ++i) s.push_back({rng.uniform(0, 100), rng.uniform(0, 100)});
  return {s};
}

// Hatching, or a grid.
std::vector<Stroke> hatching_or_grid(Rng& rng) {
  std::vector<Stroke> out;
  const int n = 3 + rng.below(4);
  const bool grid = rng.chance(0.5f);
  for (int i = 0; i < n; ++i) {
    const float t = 100.0f * float(i) / float(n - 1);
    out.push_back({{0, t + rng.uniform(-5, 5)}, {100, t + rng.uniform(-5, 5)}});
    if (grid) out.push_back({{t + rng.uniform(-5, 5), 0}, {t + rng.uniform(-5, 5), 100}});
  }
  return out;
}

// A cluster of dots.
std::vector<Stroke> dots(Rng& rng) {
  std::vector<Stroke> out;
  for (int i = 0, n = 5 + rng.below(15); i < n; ++i) {
    const float x = rng.uniform(0, 100), y = rng.uniform(0, 100);
    out.push_back({{x, y}, {x + 2, y + 1}});
  }
  return out;
}

// A ring with three or more marks inside or around it (a face, a sun; one stroke across a ring
// is how some people write a 0).
std::vector<Stroke> marked_ring(Rng& rng) {
  std::vector<Stroke> out;
  out.push_back(ellipse(50, 50, 40, rng.uniform(30, 45)));
  for (int i = 0, n = 3 + rng.below(4); i < n; ++i) {
    const float a = rng.uniform(0, kTau), r0 = rng.uniform(0, 30), r1 = rng.uniform(10, 55);
    out.push_back(
        {{50 + r0 * std::cos(a), 50 + r0 * std::sin(a)}, {50 + r1 * std::cos(a + 0.3f), 50 + r1 * std::sin(a + 0.3f)}});
  }
  return out;
}

std::vector<Stroke> shape(Rng& rng) {
  if (rng.chance(0.4f)) return drawing(rng);
  switch (rng.below(6)) {
    case 0: return polygon_or_star(rng);
    case 1: return rings(rng);
    case 2: return scribble(rng);
    case 3: return hatching_or_grid(rng);
    case 4: return dots(rng);
    default: return marked_ring(rng);
  }
}

}  // namespace

std::vector<Stroke> not_a_digit_strokes(Rng& rng) { return shape(rng); }

void draw_not_a_digit(Rng& rng, uint8_t* out) {
  const std::vector<Stroke> strokes = shape(rng);
  // As fine as a pen or as bold as a finger on a small canvas.
  const float stroke = rng.uniform(1.5f, 4.5f);
  synth::draw_in_mnist_form(strokes, stroke, rng, out);
}

}  // namespace scrawl
