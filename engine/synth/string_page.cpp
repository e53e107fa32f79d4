#include "string_page.h"

#include <algorithm>
#include <cmath>

#include "data/encode.h"
#include "data/gaussian_blur.h"
#include "homography.h"

namespace scrawl::synth {
namespace {

constexpr double kPi = 3.14159265358979;
constexpr int kMaxWidth = 1400;

float bilinear(const std::vector<float>& img, int w, int h, double x, double y) {
  const int x0 = int(std::floor(x)), y0 = int(std::floor(y));
  const float fx = float(x - x0), fy = float(y - y0);
  auto at = [&](int xx, int yy) { return (xx < 0 || yy < 0 || xx >= w || yy >= h) ? 0.0f : img[size_t(yy) * w + xx]; };
  return (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) +
         fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
}

float smoothstep(float e0, float e1, float x) {
  const float t = std::clamp((x - e0) / (e1 - e0), 0.0f, 1.0f);
  return t * t * (3 - 2 * t);
}

}  // namespace

std::vector<uint8_t> page_rgba(const Page& page) {
  std::vector<uint8_t> rgba(size_t(page.width) * page.height * 4, 255);
  for (size_t i = 0; i < size_t(page.width) * page.height; ++i)
    std::copy_n(page.rgb.begin() + long(i * 3), 3, rgba.begin() + long(i * 4));
  return rgba;
}

void PageMaker::draw_digit(const Placed& d, Rng& rng) {
  const uint8_t* src = digits_.image(d.index);
  std::vector<float> mnist(784);
  for (int i = 0; i < 784; ++i) mnist[size_t(i)] = src[i] / 255.0f;
  const int bw = int(std::ceil(d.cw * d.scale)), bh = int(std::ceil(d.ch * d.scale));
  // A broken stroke: a thin band across the digit where the pen skipped.
  double nx = 0, ny = 0, c = 0, gap = 0;
  if (d.broken) {
    const double a = rng.uniform(0, float(kPi));
    nx = std::cos(a), ny = std::sin(a);
    const double px = d.x + bw * rng.uniform(0.3f, 0.7f), py = d.y + bh * rng.uniform(0.3f, 0.7f);
    c = nx * px + ny * py;
    gap = std::max(0.8, double(rng.uniform(0.02f, 0.05f)) * d.ch * d.scale);
  }
  for (int y = std::max(0, int(d.y) - 1); y < std::min(h_, int(d.y) + bh + 2); ++y)
    for (int x = std::max(0, int(d.x) - 1); x < std::min(w_, int(d.x) + bw + 2); ++x) {
      const double sx = d.cx0 + (x + 0.5 - d.x) / d.scale - 0.5, sy = d.cy0 + (y + 0.5 - d.y) / d.scale - 0.5;
      float v = bilinear(mnist, 28, 28, sx, sy);
      if (d.broken) v *= smoothstep(float(gap) * 0.5f, float(gap), float(std::abs(nx * x + ny * y - c)));
      float& dst = flat_ink_[size_t(y) * w_ + x];
      if (v >= 0.5f && v > dst) flat_owner_[size_t(y) * w_ + x] = uint8_t(&d - placed_.data() + 1);
      dst = std::max(dst, v);
    }
}

void PageMaker::draw_rules(float centre_y, float spacing, float thickness) {
  // Lines half a spacing above and below the writing, and every spacing from there.
  for (float y0 = std::fmod(centre_y + spacing / 2, spacing); y0 < h_; y0 += spacing)
    for (int y = std::max(0, int(y0 - thickness)); y < std::min(h_, int(y0 + thickness) + 2); ++y) {
      const float cover = std::clamp(thickness / 2 + 0.5f - std::abs(float(y) + 0.5f - y0), 0.0f, 1.0f);
      for (int x = 0; x < w_; ++x) flat_rule_[size_t(y) * w_ + x] = std::max(flat_rule_[size_t(y) * w_ + x], cover);
    }
}

Page PageMaker::make(int length, Rng& rng, int width, int height_px) {
  Page page;
  PageTraits& t = page.traits;
  t.touching = length > 1 && rng.chance(0.3f);
  t.broken = length > 0 && rng.chance(0.25f);
  const float pen = lay_out_string(length, rng, page);
  const float height = size_page(length, pen, rng, width, height_px);
  t.digit_height = height;
  draw_flat_page(length, pen, height, rng, t);
  photograph(height, rng, page);
  colour_and_light(length, rng, page);
  t.jpeg = rng.chance(0.85f);
  if (t.jpeg) page.file = encode_jpeg(page.rgb, w_, h_, int(rng.uniform(35, 95)));
  return page;
}

float PageMaker::lay_out_string(int length, Rng& rng, Page& page) {
  // The string in units of the digit height: MNIST digits sit in a 20-pixel box.
  const PageTraits& t = page.traits;
  placed_.clear();
  float pen = 0;
  for (int i = 0; i < length; ++i) {
    Placed d{};
    d.index = size_t(rng.below(int(digits_.size())));
    const uint8_t* img = digits_.image(d.index);
    int x0 = 28, y0 = 28, x1 = -1, y1 = -1;
    for (int y = 0; y < 28; ++y)
      for (int x = 0; x < 28; ++x)
        if (img[y * 28 + x] > 30)
          x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
    d.cx0 = x0, d.cy0 = y0, d.cw = x1 - x0 + 1, d.ch = y1 - y0 + 1;
    d.scale = rng.uniform(0.9f, 1.1f) / 20.0f;  // for now: digit heights per MNIST pixel
    if (i > 0) pen += t.touching && rng.chance(0.5f) ? rng.uniform(-0.08f, 0.0f) : rng.uniform(0.12f, 0.45f);
    d.x = pen;
    d.y = rng.normal() * 0.04f - 0.5f * d.ch * d.scale;  // relative to the line's centre
    d.broken = t.broken && rng.chance(0.5f);
    pen += d.cw * d.scale;
    page.text += char('0' + digits_.labels[d.index]);
    placed_.push_back(d);
  }
  return pen;
}

float PageMaker::size_page(int length, float pen, Rng& rng, int width, int height_px) {
  // Page size and digit height: the string fills 35-70% of the width.
  float height = rng.uniform(22.0f, 80.0f);
  if (length > 0) {
    const float fill = rng.uniform(0.35f, 0.7f);
    w_ = int(pen * height / fill);
    if (w_ > kMaxWidth) height *= float(kMaxWidth) / float(w_), w_ = kMaxWidth;
    w_ = std::max(w_, 320);
  } else {
    w_ = int(rng.uniform(320.0f, float(kMaxWidth)));
  }
  h_ = std::clamp(int(w_ * rng.uniform(0.35f, 0.8f)), int(4 * height), 1200);
  if (width > 0 && height_px > 0) {  // a size of the caller's: the string fills 35-70% of it
    if (length > 0) height = std::min(rng.uniform(0.35f, 0.7f) * float(width) / pen, 0.25f * float(height_px));
    w_ = width, h_ = height_px;
  }
  return height;
}

void PageMaker::draw_flat_page(int length, float pen, float height, Rng& rng, PageTraits& t) {
  const float centre_y = h_ * rng.uniform(0.4f, 0.6f);
  const float left = (w_ - pen * height) * rng.uniform(0.4f, 0.6f);
  flat_ink_.assign(size_t(w_) * h_, 0.0f);
  flat_rule_.assign(size_t(w_) * h_, 0.0f);
  flat_owner_.assign(size_t(w_) * h_, 0);
  for (Placed& d : placed_) {
    d.x = left + d.x * height, d.y = centre_y + d.y * height, d.scale *= height;
    draw_digit(d, rng);
  }
  t.ruled = rng.chance(length ? 0.2f : 0.4f);
  if (t.ruled) draw_rules(centre_y, height * rng.uniform(1.7f, 2.2f), rng.uniform(1.0f, 2.5f));
  draw_dust(length, rng);
}

void PageMaker::draw_dust(int length, Rng& rng) {
  // Dust and dots.
  for (int k = rng.below(length ? 6 : 20); k > 0; --k) {
    const float x = rng.uniform(0, float(w_)), y = rng.uniform(0, float(h_)), r = rng.uniform(0.5f, 1.8f);
    for (int yy = std::max(0, int(y - r - 1)); yy < std::min(h_, int(y + r + 2)); ++yy)
      for (int xx = std::max(0, int(x - r - 1)); xx < std::min(w_, int(x + r + 2)); ++xx) {
        const float d = std::hypot(xx + 0.5f - x, yy + 0.5f - y);
        flat_ink_[size_t(yy) * w_ + xx] =
            std::max(flat_ink_[size_t(yy) * w_ + xx], std::clamp(r + 0.5f - d, 0.0f, 1.0f) * 0.8f);
      }
  }
}

void PageMaker::photograph(float height, Rng& rng, Page& page) {
  // The camera: rotation, zoom (the table shows around a smaller page), perspective.
  PageTraits& t = page.traits;
  t.rotation = rng.uniform(-8.0f, 8.0f);
  t.border = rng.chance(0.2f);
  const double zoom = t.border ? rng.uniform(0.8f, 0.92f) : rng.uniform(1.0f, 1.06f);
  const double persp = rng.chance(0.5f) ? 0.05 : 0.0;
  const double a = t.rotation * kPi / 180, ca = std::cos(a), sa = std::sin(a);
  const double cx = w_ / 2.0, cy = h_ / 2.0;
  std::array<Point, 4> image_corners{{{0, 0}, {double(w_), 0}, {double(w_), double(h_)}, {0, double(h_)}}};
  std::array<Point, 4> flat_corners;
  for (size_t i = 0; i < 4; ++i) {
    const double dx = (image_corners[i].x - cx) / zoom, dy = (image_corners[i].y - cy) / zoom;
    flat_corners[i] = {cx + ca * dx - sa * dy + persp * w_ * rng.uniform(-1, 1),
                       cy + sa * dx + ca * dy + persp * h_ * rng.uniform(-1, 1)};
  }
  const Homography to_flat = Homography::through(image_corners, flat_corners);
  const size_t n = size_t(w_) * h_;
  ink_.resize(n), rule_.resize(n), inside_.resize(n);
  page.owner.assign(n, 0);
  for (int y = 0; y < h_; ++y)
    for (int x = 0; x < w_; ++x) {
      const Point p = to_flat.apply(x + 0.5, y + 0.5);
      const size_t i = size_t(y) * w_ + x;
      inside_[i] = p.x >= 0 && p.y >= 0 && p.x < w_ && p.y < h_;
      if (inside_[i]) page.owner[i] = flat_owner_[size_t(p.y) * w_ + size_t(p.x)];
      ink_[i] = bilinear(flat_ink_, w_, h_, p.x - 0.5, p.y - 0.5);
      rule_[i] = bilinear(flat_rule_, w_, h_, p.x - 0.5, p.y - 0.5);
    }
  t.blur = rng.chance(0.5f);
  if (t.blur) {
    const float sigma = rng.uniform(0.5f, 1.3f) * std::max(1.0f, height / 40.0f);
    // A camera slightly out of focus.
    gaussian_blur(ink_, tmp_, w_, h_, sigma, 2.5f);
    gaussian_blur(rule_, tmp_, w_, h_, sigma, 2.5f);
  }
}

void PageMaker::colour_and_light(int length, Rng& rng, Page& page) {
  // Colours and light.
  PageTraits& t = page.traits;
  const float paper = rng.uniform(185, 250), cream = rng.uniform(0.0f, 0.1f);
  const float paper_rgb[3] = {paper, paper * (1 - cream * 0.3f), paper * (1 - cream)};
  t.blue = rng.chance(0.4f);
  float ink_rgb[3];
  if (t.blue) ink_rgb[0] = rng.uniform(10, 60), ink_rgb[1] = rng.uniform(30, 90), ink_rgb[2] = rng.uniform(120, 200);
  else ink_rgb[0] = ink_rgb[1] = ink_rgb[2] = rng.uniform(15, 70);
  const float rule_level = rng.uniform(110, 200);
  const float rule_rgb[3] = {rule_level * 0.8f, rule_level * 0.9f, std::min(255.0f, rule_level * 1.15f)};
  const float table = rng.uniform(30, 110);
  const float table_rgb[3] = {table * 1.1f, table, table * 0.85f};

  const double ga = rng.uniform(0, float(2 * kPi));
  const float gradient = rng.uniform(0.0f, 0.4f);
  t.shadow = rng.chance(0.35f);
  const double sha = rng.uniform(0, float(2 * kPi));
  const float shadow_depth = rng.uniform(0.2f, 0.5f), shadow_soft = rng.uniform(0.005f, 0.15f) * w_;
  const float shadow_at = rng.uniform(-0.3f, 0.3f) * w_;
  const float noise = rng.uniform(1.0f, length ? 6.0f : 10.0f);
  const double diag = std::hypot(w_, h_);
  const double cx = w_ / 2.0, cy = h_ / 2.0;

  page.width = w_, page.height = h_;
  page.rgb.resize(size_t(w_) * h_ * 3);
  for (int y = 0; y < h_; ++y)
    for (int x = 0; x < w_; ++x) {
      const size_t i = size_t(y) * w_ + x;
      const double gx = x - cx, gy = y - cy;
      float light = 1.0f - gradient * float(0.5 + (std::cos(ga) * gx + std::sin(ga) * gy) / diag);
      if (t.shadow)
        light *= 1.0f - shadow_depth * smoothstep(-shadow_soft, shadow_soft,
                                                  float(std::cos(sha) * gx + std::sin(sha) * gy - shadow_at));
      const float grain = rng.normal() * noise;
      for (int ch = 0; ch < 3; ++ch) {
        float v;
        if (!inside_[i]) {
          v = table_rgb[ch];
        } else {
          const float base = paper_rgb[ch] * (1 - rule_[i]) + rule_rgb[ch] * rule_[i];
          v = base * (1 - ink_[i]) + ink_rgb[ch] * ink_[i];
        }
        page.rgb[i * 3 + size_t(ch)] = uint8_t(std::clamp(v * light + grain, 0.0f, 255.0f) + 0.5f);
      }
    }
}

}  // namespace scrawl::synth
