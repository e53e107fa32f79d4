#include "augment.h"

#include "data/gaussian_blur.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace scrawl {
namespace {

constexpr int N = Augmenter::kCanvas;

float sample_bilinear(const std::vector<float>& img, float x, float y) {
  const int x0 = int(std::floor(x)), y0 = int(std::floor(y));
  const float fx = x - float(x0), fy = y - float(y0);
  auto at = [&](int xx, int yy) { return (xx < 0 || yy < 0 || xx >= N || yy >= N) ? 0.0f : img[size_t(yy) * N + xx]; };
  return (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) +
         fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
}

// Gaussian blur of an N×N field, cut off at 3 sigma.
void gaussian_blur(std::vector<float>& f, std::vector<float>& tmp, float sigma) {
  scrawl::gaussian_blur(f, tmp, N, N, sigma, 3.0f);
}

// Grey-level dilation (grow) or erosion (shrink) with a 3×3 cross, blended by amount in [0, 1].
void morph(std::vector<float>& f, std::vector<float>& tmp, bool grow, float amount) {
  tmp = f;
  for (int y = 0; y < N; ++y)
    for (int x = 0; x < N; ++x) {
      float m = tmp[size_t(y) * N + x];
      const int nx[4] = {x - 1, x + 1, x, x}, ny[4] = {y, y, y - 1, y + 1};
      for (int i = 0; i < 4; ++i) {
        const float v = (nx[i] < 0 || ny[i] < 0 || nx[i] >= N || ny[i] >= N) ? 0.0f : tmp[size_t(ny[i]) * N + nx[i]];
        m = grow ? std::max(m, v) : std::min(m, v);
      }
      f[size_t(y) * N + x] = amount * m + (1 - amount) * tmp[size_t(y) * N + x];
    }
}

// Draws the segment a–b into f with a round pen of the given width, anti-aliased.
void draw_segment(std::vector<float>& f, float ax, float ay, float bx, float by, float width) {
  const float vx = bx - ax, vy = by - ay, len2 = std::max(vx * vx + vy * vy, 1e-6f);
  for (int y = 0; y < N; ++y)
    for (int x = 0; x < N; ++x) {
      const float t = std::clamp(((float(x) - ax) * vx + (float(y) - ay) * vy) / len2, 0.0f, 1.0f);
      const float dx = float(x) - (ax + t * vx), dy = float(y) - (ay + t * vy);
      const float v = std::clamp(width / 2 + 0.5f - std::sqrt(dx * dx + dy * dy), 0.0f, 1.0f);
      float& p = f[size_t(y) * N + x];
      p = std::max(p, v);
    }
}

// Crosses a 0 the two ways writers do: a slash from lower left to upper right (now and then the
// other way) reaching out of the loop, or a bar across its middle that sticks out on both sides
// (a bar kept inside would make it an 8). The pen is as wide as the digit's own strokes.
void cross_zero(std::vector<float>& f, Rng& rng) {
  int x0 = N, y0 = N, x1 = -1, y1 = -1;
  float area = 0, edge = 0;
  for (int y = 0; y < N; ++y)
    for (int x = 0; x < N; ++x) {
      if (f[size_t(y) * N + x] <= 0.5f) continue;
      area += 1;
      x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
      const bool inner = x > 0 && y > 0 && x < N - 1 && y < N - 1 && f[size_t(y) * N + x - 1] > 0.5f &&
                         f[size_t(y) * N + x + 1] > 0.5f && f[size_t(y - 1) * N + x] > 0.5f &&
                         f[size_t(y + 1) * N + x] > 0.5f;
      if (!inner) edge += 1;
    }
  if (x1 < 0) return;
  // A stroke of width w and length L has an area of w·L and about 2L pixels on its edge.
  const float width = std::clamp(edge > 0 ? 2 * area / edge : 2.0f, 1.2f, 4.0f) * rng.uniform(0.8f, 1.2f);
  const float bw = float(x1 - x0 + 1), bh = float(y1 - y0 + 1);
  const float cx = (float(x0) + float(x1)) / 2, cy = (float(y0) + float(y1)) / 2;
  float ax, ay, bx, by;
  if (rng.chance(0.6f)) {
    const float angle = rng.uniform(50.0f, 80.0f) * 3.14159265f / 180.0f;
    const float dx = std::cos(angle) * (rng.chance(0.15f) ? -1.0f : 1.0f), dy = -std::sin(angle);
    const float px = cx + rng.uniform(-0.1f, 0.1f) * bw, py = cy + rng.uniform(-0.1f, 0.1f) * bh;
    const float reach = 0.5f * bh / std::sin(angle);
    const float back = reach * rng.uniform(1.0f, 1.4f), ahead = reach * rng.uniform(1.0f, 1.4f);
    ax = px - dx * back, ay = py - dy * back, bx = px + dx * ahead, by = py + dy * ahead;
  } else {
    const float slope = std::tan(rng.uniform(-10.0f, 10.0f) * 3.14159265f / 180.0f);
    const float py = cy + rng.uniform(-0.15f, 0.15f) * bh;
    ax = float(x0) - bw * rng.uniform(0.15f, 0.9f), bx = float(x1) + bw * rng.uniform(0.15f, 0.9f);
    ay = py + (ax - cx) * slope, by = py + (bx - cx) * slope;
  }
  auto inside = [](float v) { return std::clamp(v, 1.0f, float(N - 2)); };
  draw_segment(f, inside(ax), inside(ay), inside(bx), inside(by), width);
}

}  // namespace

bool AugmentOptions::parse(const std::string& list, AugmentOptions& out) {
  const float strength = out.strength;
  if (list == "all") return out = AugmentOptions{}, out.strength = strength, true;
  out = AugmentOptions{false, false, false, false, false, false, false, false, false, false, false, strength};
  if (list == "none") return true;
  std::stringstream ss(list);
  std::string item;
  while (std::getline(ss, item, ',')) {
    if (item == "affine") out.affine = true;
    else if (item == "elastic") out.elastic = true;
    else if (item == "thickness") out.thickness = true;
    else if (item == "blur") out.blur = true;
    else if (item == "noise") out.noise = true;
    else if (item == "polarity") out.polarity = true;
    else if (item == "broken") out.broken = true;
    else if (item == "neighbour") out.neighbour = true;
    else if (item == "crossed") out.crossed = true;
    else if (item == "stretched") out.stretched = true;
    else if (item == "bilevel") out.bilevel = true;
    else return false;
  }
  return true;
}

std::string AugmentOptions::list() const {
  if (!any()) return "none";
  std::string s;
  auto add = [&](bool on, const char* name) {
    if (on) s += (s.empty() ? "" : ",") + std::string(name);
  };
  add(affine, "affine"), add(elastic, "elastic"), add(thickness, "thickness");
  add(blur, "blur"), add(noise, "noise"), add(polarity, "polarity"), add(broken, "broken"), add(neighbour, "neighbour");
  add(crossed, "crossed"), add(stretched, "stretched"), add(bilevel, "bilevel");
  if (s == "affine,elastic,thickness,blur,noise,polarity,broken,neighbour,crossed") s = "all";
  return s;
}

std::string AugmentOptions::describe() const {
  std::string s = list();
  if (!any()) return s;
  if (strength != AugmentOptions{}.strength) {
    char buf[48];
    std::snprintf(buf, sizeof buf, " (geometric strength %.2g)", double(strength));
    s += buf;
  }
  return s;
}

void Augmenter::render(const uint8_t* digit, Rng& rng, GrayImage& out, bool is_zero) {
  src_.assign(size_t(N) * N, 0.0f);
  const int off = (N - 28) / 2;
  for (int y = 0; y < 28; ++y)
    for (int x = 0; x < 28; ++x) src_[size_t(y + off) * N + x + off] = digit[y * 28 + x] / 255.0f;

  const InverseAffine map = random_affine(rng);
  const bool elastic = opt_.elastic && rng.chance(0.5f);
  if (elastic) random_displacement(rng);
  warp(map, elastic);
  if (is_zero && opt_.crossed && rng.chance(0.25f)) cross_zero(a_, rng);
  if (opt_.thickness) change_thickness(rng);
  if (opt_.stretched && rng.chance(0.1f)) stretch_to_square();
  const bool bilevel = opt_.bilevel && rng.chance(0.1f);
  if (bilevel) {
    for (float& v : a_) v = v >= 0.5f ? 1.0f : 0.0f;
  } else if (opt_.blur && rng.chance(0.2f)) {
    gaussian_blur(a_, b_, rng.uniform(0.4f, 0.9f));
  }
  on_paper(rng, out);
}

void Augmenter::stretch_to_square() {
  int x0 = N, y0 = N, x1 = -1, y1 = -1;
  for (int y = 0; y < N; ++y)
    for (int x = 0; x < N; ++x)
      if (a_[size_t(y) * N + x] > 0.3f)
        x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
  if (x1 < x0) return;
  const float bw = float(x1 - x0 + 1), bh = float(y1 - y0 + 1), side = std::max(bw, bh);
  const float left = N / 2.0f - side / 2;
  b_.assign(size_t(N) * N, 0.0f);
  for (int y = 0; y < N; ++y)
    for (int x = 0; x < N; ++x) {
      const float u = (float(x) + 0.5f - left) / side, v = (float(y) + 0.5f - left) / side;  // 0..1 across the square
      if (u < 0 || v < 0 || u > 1 || v > 1) continue;
      b_[size_t(y) * N + x] = sample_bilinear(a_, float(x0) - 0.5f + u * bw, float(y0) - 0.5f + v * bh);
    }
  a_.swap(b_);
}

Augmenter::InverseAffine Augmenter::random_affine(Rng& rng) const {
  // Inverse affine map from output to source coordinates around the centre.
  InverseAffine m;
  if (!opt_.affine) return m;
  const float k = opt_.strength;
  const float rot = rng.uniform(-15.0f, 15.0f) * k * 3.14159265f / 180.0f;
  const float sx = 1.0f + 0.2f * k * rng.uniform(-1.0f, 1.0f), sy = 1.0f + 0.2f * k * rng.uniform(-1.0f, 1.0f);
  const float sh = 0.25f * k * rng.uniform(-1.0f, 1.0f);
  // forward = R · Shear · S; invert it.
  const float cr = std::cos(rot), sr = std::sin(rot);
  const float fa = cr * sx, fb = (cr * sh - sr) * sy, fc = sr * sx, fd = (sr * sh + cr) * sy;
  const float det = fa * fd - fb * fc;
  m.a = fd / det, m.b = -fb / det, m.c = -fc / det, m.d = fa / det;
  m.tx = rng.uniform(-2.0f, 2.0f), m.ty = rng.uniform(-2.0f, 2.0f);
  return m;
}

void Augmenter::random_displacement(Rng& rng) {
  const float alpha = rng.uniform(20.0f, 34.0f) * opt_.strength, sigma = 4.0f;
  dx_.resize(size_t(N) * N), dy_.resize(size_t(N) * N);
  for (auto& v : dx_) v = rng.uniform(-1.0f, 1.0f);
  for (auto& v : dy_) v = rng.uniform(-1.0f, 1.0f);
  gaussian_blur(dx_, b_, sigma);
  gaussian_blur(dy_, b_, sigma);
  for (auto& v : dx_) v *= alpha;
  for (auto& v : dy_) v *= alpha;
}

void Augmenter::warp(const InverseAffine& m, bool elastic) {
  a_.assign(size_t(N) * N, 0.0f);
  const float cx = N / 2.0f - 0.5f;
  for (int y = 0; y < N; ++y)
    for (int x = 0; x < N; ++x) {
      float px = float(x), py = float(y);
      if (elastic) px += dx_[size_t(y) * N + x], py += dy_[size_t(y) * N + x];
      const float u = px - cx - m.tx, v = py - cx - m.ty;
      a_[size_t(y) * N + x] = sample_bilinear(src_, m.a * u + m.b * v + cx, m.c * u + m.d * v + cx);
    }
}

void Augmenter::change_thickness(Rng& rng) {
  const float r = rng.uniform();
  if (r < 0.3f) morph(a_, b_, true, rng.uniform(0.5f, 1.0f));
  else if (r < 0.4f) morph(a_, b_, true, 1.0f), morph(a_, b_, true, rng.uniform(0.0f, 1.0f));
  else if (r < 0.6f) morph(a_, b_, false, rng.uniform(0.3f, 0.7f));
}

void Augmenter::on_paper(Rng& rng, GrayImage& out) {
  // Ink on paper: random levels and polarity, then noise.
  float paper = 0, ink = 255;
  if (opt_.polarity) {
    if (rng.chance(0.5f)) paper = rng.uniform(150, 255), ink = rng.uniform(0, paper - 60);
    else paper = rng.uniform(0, 100), ink = rng.uniform(paper + 60, 255);
  }
  const bool noisy = opt_.noise && rng.chance(0.2f);
  const bool salt = noisy && rng.chance(0.4f);
  const float sigma = noisy && !salt ? rng.uniform(3.0f, 12.0f) : 0.0f;
  out.width = out.height = N;
  out.pixels.resize(size_t(N) * N);
  for (size_t i = 0; i < out.pixels.size(); ++i) {
    float v = paper + (ink - paper) * std::clamp(a_[i], 0.0f, 1.0f);
    if (sigma > 0) v += sigma * rng.normal();
    if (salt && rng.chance(0.02f)) v = rng.chance(0.5f) ? 0.0f : 255.0f;
    out.pixels[i] = uint8_t(std::clamp(v + 0.5f, 0.0f, 255.0f));
  }
}

}  // namespace scrawl
