#include "pen_ink.h"

#include <algorithm>
#include <cmath>

namespace scrawl::synth {
namespace {

using Point = std::array<float, 2>;

void draw_segment(Point a, Point b, float radius, std::vector<float>& cover, int w, int h) {
  const int x0 = std::max(0, int(std::floor(std::min(a[0], b[0]) - radius - 1)));
  const int x1 = std::min(w - 1, int(std::ceil(std::max(a[0], b[0]) + radius + 1)));
  const int y0 = std::max(0, int(std::floor(std::min(a[1], b[1]) - radius - 1)));
  const int y1 = std::min(h - 1, int(std::ceil(std::max(a[1], b[1]) + radius + 1)));
  const float dx = b[0] - a[0], dy = b[1] - a[1];
  const float len2 = dx * dx + dy * dy;
  for (int y = y0; y <= y1; ++y)
    for (int x = x0; x <= x1; ++x) {
      const float px = float(x) + 0.5f - a[0], py = float(y) + 0.5f - a[1];
      const float t = len2 > 0 ? std::clamp((px * dx + py * dy) / len2, 0.0f, 1.0f) : 0.0f;
      const float ex = px - t * dx, ey = py - t * dy;
      const float c = std::clamp(radius + 0.5f - std::sqrt(ex * ex + ey * ey), 0.0f, 1.0f);
      float& dst = cover[size_t(y) * w + x];
      dst = std::max(dst, c);
    }
}

// A mouse reports whole pixels, and a hand on a mouse wobbles slowly along the line.
std::vector<Point> as_mouse(const std::vector<Point>& line, float stroke, Rng& rng) {
  std::vector<Point> out;
  float wx = 0, wy = 0;
  const float amp = std::min(1.5f, std::max(0.6f, 0.08f * stroke));
  for (size_t i = 0; i < line.size(); ++i) {
    const Point a = line[i], b = i + 1 < line.size() ? line[i + 1] : line[i];
    const float len = std::hypot(b[0] - a[0], b[1] - a[1]);
    const int steps = std::max(1, int(len / 3));
    for (int s = 0; s < steps; ++s) {
      wx = 0.92f * wx + 0.2f * amp * rng.normal();
      wy = 0.92f * wy + 0.2f * amp * rng.normal();
      const float t = float(s) / float(steps);
      out.push_back({std::round(a[0] + t * (b[0] - a[0]) + wx), std::round(a[1] + t * (b[1] - a[1]) + wy)});
    }
  }
  return out;
}

// A touch screen samples sparsely and the browser smooths: a moving average over a few points.
// The points are first filled in along long segments, as a finger moving along a straight line
// reports them: averaging the five corners of a drawn star would shrink it to a sliver.
std::vector<Point> as_finger(const std::vector<Point>& sparse) {
  constexpr float kSpacing = 4;  // pixels between touch reports, at most
  std::vector<Point> line;
  for (size_t i = 0; i < sparse.size(); ++i) {
    line.push_back(sparse[i]);
    if (i + 1 == sparse.size()) break;
    const Point a = sparse[i], b = sparse[i + 1];
    const int steps = int(std::hypot(b[0] - a[0], b[1] - a[1]) / kSpacing);
    for (int s = 1; s < steps; ++s) {
      const float t = float(s) / float(steps);
      line.push_back({a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])});
    }
  }
  if (line.size() < 3) return line;
  std::vector<Point> out(line.size());
  for (size_t i = 0; i < line.size(); ++i) {
    float sx = 0, sy = 0, n = 0;
    for (size_t k = i >= 2 ? i - 2 : 0; k <= std::min(line.size() - 1, i + 2); ++k)
      sx += line[k][0], sy += line[k][1], ++n;
    out[i] = {sx / n, sy / n};
  }
  out.front() = line.front(), out.back() = line.back();
  return out;
}

}  // namespace

Extent extent_of(const std::vector<real::Stroke>& strokes) {
  Extent e{1e30f, 1e30f, -1e30f, -1e30f};
  for (const auto& s : strokes)
    for (const auto& p : s) {
      e.x0 = std::min(e.x0, p[0]), e.x1 = std::max(e.x1, p[0]);
      e.y0 = std::min(e.y0, p[1]), e.y1 = std::max(e.y1, p[1]);
    }
  return e;
}

float width_at(const Extent& e, float height) {
  const float unit = height / std::max(1e-3f, std::max(e.height(), 0.1f * e.width()));
  return std::max(0.1f * height, e.width() * unit);
}

void draw_strokes(const std::vector<real::Stroke>& strokes, const Placement& where, PenInput input, Rng& rng,
                  std::vector<float>& cover, int w, int h) {
  const Extent e = extent_of(strokes);
  // A writing wider than it is high (a dash-like 1 drawn flat) is fitted by its width instead.
  const float unit = where.height / std::max(1e-3f, std::max(e.height(), 0.1f * e.width()));
  const float width = width_at(e, where.height);
  const float cx = where.x + width / 2, cy = where.y + where.height / 2;
  const float ex = (e.x0 + e.x1) / 2, ey = (e.y0 + e.y1) / 2;
  const float a = where.rotation * 3.14159265f / 180, ca = std::cos(a), sa = std::sin(a);
  for (const auto& s : strokes) {
    std::vector<Point> line;
    line.reserve(s.size());
    for (const auto& p : s) {
      const float x = (p[0] - ex) * unit, y = (p[1] - ey) * unit;
      line.push_back({cx + ca * x - sa * y, cy + sa * x + ca * y});
    }
    if (input == PenInput::kMouse) line = as_mouse(line, where.stroke, rng);
    if (input == PenInput::kFinger) line = as_finger(line);
    const float r = where.stroke / 2;
    if (line.size() == 1) draw_segment(line[0], line[0], r, cover, w, h);
    for (size_t i = 0; i + 1 < line.size(); ++i) draw_segment(line[i], line[i + 1], r, cover, w, h);
  }
}

void draw_in_mnist_form(const std::vector<real::Stroke>& strokes, float stroke, Rng& rng, uint8_t* out) {
  const Extent e = extent_of(strokes);
  Placement p;
  p.height = 20 * std::min(1.0f, e.height() / std::max(1e-3f, std::max(e.width(), e.height())));
  p.height = std::max(p.height, 4.0f);
  // A flat shape (a row of dots, one bar) is drawn at least a tenth as high as wide: keep its
  // width inside the box too.
  p.height = std::min(p.height, p.height * 20.0f / width_at(e, p.height));
  const float width = width_at(e, p.height);
  p.x = 14 - width / 2, p.y = 14 - p.height / 2;
  p.stroke = stroke;
  std::vector<float> cover(28 * 28, 0.0f);
  draw_strokes(strokes, p, PenInput::kStylus, rng, cover, 28, 28);
  for (int i = 0; i < 784; ++i) out[i] = uint8_t(std::lround(255 * cover[size_t(i)]));
}

}  // namespace scrawl::synth
