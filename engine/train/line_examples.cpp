#include "line_examples.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "data/gaussian_blur.h"
#include "decode/decode.h"
#include "segment/resample.h"
#include "synth/pen_ink.h"
#include "synth/pen_numbers.h"

namespace scrawl {

// One digit laid out on the line: its matte, and where and at what scale it goes.
struct LineExampleMaker::PlacedGlyph {
  const float* alpha;
  int w, h, stride;
  float x, y, scale;
};

// The marks around the digits: after[i] after digit i (1 '.', 2 ','), and before and after the
// number (leading 1 '-', 2 '='; trailing 1 '-', 2 '=', 3 '/-', 4 '.-').
struct LineExampleMaker::MarkPlan {
  std::vector<int> after;
  int trailing = 0, leading = 0;
};

// The digits and marks along the line, and the canvas' extent they need.
struct LineExampleMaker::LineLayout {
  std::vector<PlacedGlyph> placed;
  std::vector<float> mnist_alpha;            // the MNIST digits' mattes, which `placed` points into
  std::vector<std::pair<float, int>> marks;  // x, kind (1 '.', 2 ',', 3 '-', 4 '=', 5 '/-', 6 '.-')
  float margin = 0, baseline = 0, x = 0;     // x: where the line ends
};

namespace {

using PlacedGlyph = LineExampleMaker::PlacedGlyph;
using MarkPlan = LineExampleMaker::MarkPlan;

int median_grey(const GrayImage& img) {
  int histogram[256] = {};
  for (uint8_t v : img.pixels) ++histogram[v];
  long seen = 0;
  for (int v = 0; v < 256; ++v)
    if ((seen += histogram[v]) * 2 >= long(img.pixels.size())) return v;
  return 255;
}

// Draws `src` into `dst` through x' = sx x + shear y, rotated by `angle` about the centre,
// with a margin of paper around it (bilinear, paper outside the source).
void warp(const GrayImage& src, Rng& rng, int pad_x, int pad_y, GrayImage& dst) {
  const float sx = rng.uniform(0.8f, 1.2f), shear = rng.uniform(-0.25f, 0.25f), angle = rng.uniform(-0.05f, 0.05f);
  const float paper = float(median_grey(src));
  const float extra = std::fabs(shear) * float(src.height);
  const int w = int(float(src.width) * sx + extra) + 2 * pad_x, h = src.height + 2 * pad_y;
  dst = GrayImage(std::max(1, w), std::max(1, h));
  const float cx = float(dst.width) / 2, cy = float(dst.height) / 2, ca = std::cos(angle), sa = std::sin(angle);
  const float shift = shear < 0 ? extra : 0.0f;
  for (int y = 0; y < dst.height; ++y) {
    for (int x = 0; x < dst.width; ++x) {
      // Undo the rotation, then the shear and the stretch.
      const float rx = ca * (float(x) - cx) + sa * (float(y) - cy) + cx;
      const float ry = -sa * (float(x) - cx) + ca * (float(y) - cy) + cy;
      const float v = ry - float(pad_y);
      const float u = (rx - float(pad_x) - shift - shear * v) / sx;
      const int x0 = int(std::floor(u)), y0 = int(std::floor(v));
      const float fx = u - float(x0), fy = v - float(y0);
      auto at = [&](int xx, int yy) {
        return xx < 0 || yy < 0 || xx >= src.width || yy >= src.height ? paper : float(src.at(xx, yy));
      };
      const float g = (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) +
                      fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
      dst.at(x, y) = uint8_t(std::clamp(std::lround(g), 0L, 255L));
    }
  }
}

// Ink as a matte over a grey canvas.
struct Canvas {
  int w, h;
  std::vector<float> alpha;
  Canvas(int w_, int h_) : w(w_), h(h_), alpha(size_t(w_) * h_, 0.0f) {}
  void add(int x, int y, float a) {
    if (x < 0 || y < 0 || x >= w || y >= h) return;
    float& p = alpha[size_t(y) * w + x];
    p = std::max(p, std::clamp(a, 0.0f, 1.0f));
  }
  void disc(float cx, float cy, float r) {
    for (int y = int(cy - r - 1); y <= int(cy + r + 1); ++y)
      for (int x = int(cx - r - 1); x <= int(cx + r + 1); ++x)
        add(x, y, r + 0.5f - std::hypot(float(x) - cx, float(y) - cy));
  }
  void stroke(float x0, float y0, float x1, float y1, float r) {
    const int steps = std::max(1, int(std::hypot(x1 - x0, y1 - y0) * 2));
    for (int i = 0; i <= steps; ++i) {
      const float t = float(i) / float(steps);
      disc(x0 + t * (x1 - x0), y0 + t * (y1 - y0), r);
    }
  }
};

// The darkest of a pixel and its eight neighbours in a 28×28 image.
int darkest_around(const uint8_t* img, int xx, int yy) {
  int v = img[yy * 28 + xx];
  for (int dy = -1; dy <= 1; ++dy)
    for (int dx = -1; dx <= 1; ++dx)
      if (yy + dy >= 0 && yy + dy < 28 && xx + dx >= 0 && xx + dx < 28)
        v = std::max<int>(v, img[(yy + dy) * 28 + xx + dx]);
  return v;
}

// An MNIST digit's ink box as a matte appended to `alphas`, scaled to h_here pixels tall.
PlacedGlyph mnist_glyph(const uint8_t* img, float h_here, Rng& rng, std::vector<float>& alphas) {
  int x0 = 28, x1 = 0, y0 = 28, y1 = 0;
  for (int yy = 0; yy < 28; ++yy)
    for (int xx = 0; xx < 28; ++xx)
      if (img[yy * 28 + xx] > 40)
        x0 = std::min(x0, xx), x1 = std::max(x1, xx + 1), y0 = std::min(y0, yy), y1 = std::max(y1, yy + 1);
  if (x1 <= x0) x0 = 0, x1 = 28, y0 = 0, y1 = 28;
  const size_t at = alphas.size();
  // Now and then a bolder pen (felt-tip): the strokes grown by a pixel of MNIST's 28.
  const float pen = rng.uniform();
  const bool bold = pen<0.3f, thin = pen> 0.75f;  // thin: a fine pen on a large page
  for (int yy = y0; yy < y1; ++yy) {
    for (int xx = x0; xx < x1; ++xx) {
      const int v = bold ? darkest_around(img, xx, yy) : img[yy * 28 + xx];
      const float a = float(v) / 255.0f;
      alphas.push_back(thin ? std::clamp((a - 0.55f) * 2.5f, 0.0f, 1.0f) : a);
    }
  }
  return {alphas.data() + at, x1 - x0, y1 - y0, x1 - x0, 0, 0, h_here / float(y1 - y0)};
}

// Group marks: after the thousands (25.000), or a decimal comma before the last two; and a
// dash or two before or after the number.
MarkPlan plan_marks(int n, Rng& rng) {
  MarkPlan plan;
  plan.after.assign(size_t(n), 0);
  if (n >= 4 && rng.chance(0.5f)) {
    const int kind = rng.chance(0.6f) ? 1 : 2;
    for (int at = n - 3; at > 0; at -= 3) plan.after[size_t(at - 1)] = kind;
  } else if (n >= 3 && rng.chance(0.15f)) {
    plan.after[size_t(n - 3)] = 2;
  }
  plan.trailing = rng.chance(0.35f) ? 1 + rng.below(4) : 0;  // - = /- .-
  plan.leading = rng.chance(0.1f) ? 1 + rng.below(2) : 0;    // - =
  return plan;
}

void draw_glyphs(const std::vector<PlacedGlyph>& placed, Canvas& ink) {
  for (const PlacedGlyph& p : placed) {
    const int ow = std::max(1, int(std::lround(float(p.w) * p.scale))),
              oh = std::max(1, int(std::lround(float(p.h) * p.scale)));
    std::vector<float> scaled(size_t(ow) * oh);
    resample_area(p.alpha, p.w, p.h, p.stride, scaled.data(), ow, oh);
    for (int yy = 0; yy < oh; ++yy)
      for (int xx = 0; xx < ow; ++xx) ink.add(int(p.x) + xx, int(p.y) + yy, scaled[size_t(yy) * ow + xx]);
  }
}

void draw_marks(const std::vector<std::pair<float, int>>& marks, float baseline, float height, float stroke, Rng& rng,
                Canvas& ink) {
  for (auto [mx, kind] : marks) {
    const float r = std::max(0.8f, stroke * 0.6f);
    const float mid = baseline - height * 0.45f, len = height * rng.uniform(0.3f, 0.6f);
    switch (kind) {
      case 1: ink.disc(mx, baseline - r, r * 1.3f); break;
      case 2:
        ink.disc(mx, baseline - r, r * 1.3f), ink.stroke(mx, baseline - r, mx - r * 2, baseline + r * 3, r * 0.8f);
        break;
      case 3: ink.stroke(mx, mid, mx + len, mid + rng.uniform(-2, 2), r); break;
      case 4:
        ink.stroke(mx, mid - height * 0.12f, mx + len, mid - height * 0.12f, r);
        ink.stroke(mx, mid + height * 0.12f, mx + len, mid + height * 0.12f, r);
        break;
      case 5:
        ink.stroke(mx, baseline, mx + height * 0.3f, baseline - height * 0.9f, r);
        ink.stroke(mx + height * 0.3f, mid, mx + height * 0.3f + len, mid, r);
        break;
      default: ink.disc(mx, baseline - r, r * 1.3f), ink.stroke(mx + r * 3, mid, mx + r * 3 + len, mid, r); break;
    }
  }
}

// The field's printed lines: an underline the digits stand on or cross, now and then a box.
void draw_printed_line(float baseline, float height, Rng& rng, Canvas& ink) {
  const int W = ink.w, H = ink.h;
  const float printed = rng.uniform(0.3f, 0.9f);
  if (rng.chance(0.3f)) {
    const float y = baseline + height * rng.uniform(-0.08f, 0.12f), t = rng.uniform(0.5f, 1.6f);
    for (int xx = 0; xx < W; ++xx)
      for (int yy = int(y - t); yy <= int(y + t); ++yy)
        if (yy >= 0 && yy < H) ink.alpha[size_t(yy) * W + xx] = std::max(ink.alpha[size_t(yy) * W + xx], printed);
  }
}

// The ink on paper of any grey, with noise, a printed pattern now and then, light falling
// across the page (a gradient, the edge of a shadow) and a soft focus.
GrayImage on_paper(Canvas& ink, float height, Rng& rng) {
  const int W = ink.w, H = ink.h;
  const float paper = rng.uniform(150.0f, 250.0f), dark = rng.uniform(0.0f, std::min(120.0f, paper - 60.0f));
  const float noise = rng.uniform(0.0f, 10.0f);
  const bool pattern = rng.chance(0.3f);
  const float period = rng.uniform(3.0f, 9.0f), depth = rng.uniform(10.0f, 50.0f), slope = rng.uniform(-1.0f, 1.0f);
  const float shade = rng.chance(0.3f) ? rng.uniform(10.0f, 70.0f) : 0.0f, turn = rng.uniform(0.0f, 6.2832f);
  const bool shadow_edge = rng.chance(0.3f);
  const float gx = std::cos(turn) / float(W), gy = std::sin(turn) / float(H);
  if (rng.chance(0.25f)) {
    std::vector<float> tmp;
    gaussian_blur(ink.alpha, tmp, W, H, rng.uniform(0.5f, 0.03f * height + 0.6f), 3.0f);
  }
  GrayImage canvas(W, H);
  for (int yy = 0; yy < H; ++yy) {
    for (int xx = 0; xx < W; ++xx) {
      float g = paper + noise * rng.normal();
      if (pattern) g -= depth * 0.5f * (1.0f + std::sin((float(xx) + slope * float(yy)) * 6.2832f / period));
      if (shade > 0) {
        const float along = (float(xx) - W / 2.0f) * gx + (float(yy) - H / 2.0f) * gy;  // -1 .. 1
        g -= shadow_edge ? (along > 0 ? shade : 0.0f) : shade * (along + 1) / 2;
      }
      const float a = ink.alpha[size_t(yy) * W + xx];
      g = g * (1 - a) + std::min(dark, g - 30.0f) * a;
      canvas.at(xx, yy) = uint8_t(std::clamp(std::lround(g), 0L, 255L));
    }
  }
  return canvas;
}

}  // namespace

LineExampleMaker::LineExampleMaker(const std::vector<WrittenLine>& lines, const DigitSet* mnist, LineShares shares)
    : lines_(&lines), mnist_(mnist), shares_(shares) {
  for (const WrittenLine& line : lines) {
    if (line.boxes.size() != line.digits.size()) continue;
    const int paper = median_grey(line.image);
    for (size_t i = 0; i < line.boxes.size(); ++i) {
      const Box b = line.boxes[i];
      const int x0 = std::max(0, b.x), y0 = std::max(0, b.y);
      const int x1 = std::min(line.image.width, b.right()), y1 = std::min(line.image.height, b.bottom());
      if (x1 - x0 < 3 || y1 - y0 < 5) continue;
      int ink = 255;
      for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) ink = std::min<int>(ink, line.image.at(x, y));
      const float span = float(std::max(24, paper - ink));
      Glyph g{x1 - x0, y1 - y0, {}};
      g.alpha.resize(size_t(g.w) * g.h);
      for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x)
          g.alpha[size_t(y - y0) * g.w + (x - x0)] =
              std::clamp((float(paper - line.image.at(x, y)) / span - 0.15f) / 0.85f, 0.0f, 1.0f);
      glyphs_[line.digits[i] - '0'].push_back(std::move(g));
    }
  }
  if (mnist_)
    for (size_t i = 0; i < mnist_->size(); ++i) mnist_of_[mnist_->labels[i]].push_back(uint32_t(i));
}

void LineExampleMaker::use_pen_writers(const std::vector<real::PenSample>& samples) {
  std::map<std::string, size_t> index;
  for (const real::PenSample& s : samples) {
    if (s.label < 0 || s.label > 9) continue;
    auto [it, fresh] = index.try_emplace(s.writer, pen_writers_.size());
    if (fresh) pen_writers_.emplace_back();
    pen_writers_[it->second][size_t(s.label)].push_back(&s);
  }
}

size_t LineExampleMaker::glyph_count() const {
  size_t n = 0;
  for (const auto& g : glyphs_) n += g.size();
  return n;
}

void LineExampleMaker::make(Rng& rng, float* frame, std::vector<int>& labels) {
  const float pick = rng.uniform();
  if (!lines_->empty() && pick < shares_.real) return real(size_t(rng.below(int(lines_->size()))), rng, frame, labels);
  composed(rng, frame, labels, pick > 1.0f - shares_.no_digit);
}

void LineExampleMaker::real(size_t i, Rng& rng, float* frame, std::vector<int>& labels) {
  const WrittenLine& line = (*lines_)[i];
  labels.clear();
  for (char c : line.digits) labels.push_back(c - '0');
  // A crop a little tighter or looser than the field's: never into a digit.
  int left = 0, top = 0, right = line.image.width, bottom = line.image.height;
  if (!line.boxes.empty()) {
    int bx0 = right, by0 = bottom, bx1 = 0, by1 = 0;
    for (const Box& b : line.boxes)
      bx0 = std::min(bx0, b.x), by0 = std::min(by0, b.y), bx1 = std::max(bx1, b.right()),
      by1 = std::max(by1, b.bottom());
    auto cut = [&](int room) { return room > 2 && rng.chance(0.5f) ? rng.below(room - 1) : 0; };
    left = cut(bx0), top = cut(by0);
    right -= cut(line.image.width - bx1), bottom -= cut(line.image.height - by1);
  }
  GrayImage crop(std::max(1, right - left), std::max(1, bottom - top));
  for (int y = 0; y < crop.height; ++y)
    for (int x = 0; x < crop.width; ++x)
      crop.at(x, y) = line.image.at(std::min(left + x, line.image.width - 1), std::min(top + y, line.image.height - 1));
  warp(crop, rng, rng.below(8), rng.below(6), warped_);
  finish(warped_, rng, frame);
}

void LineExampleMaker::composed(Rng& rng, float* frame, std::vector<int>& labels, bool no_digit) {
  labels.clear();
  // A pen writer's line is in their hand alone, and as long as a zip code or an account number.
  const auto* pen = !no_digit && !pen_writers_.empty() && rng.chance(shares_.pen_lines)
                        ? &pen_writers_[size_t(rng.below(int(pen_writers_.size())))]
                        : nullptr;
  if (pen && rng.chance(shares_.pen_scenes)) return pen_scene(*pen, rng, frame, labels);
  if (!no_digit) pick_digits(pen, rng, labels);
  const float height = rng.uniform(22.0f, 44.0f);  // a digit's height in pixels
  const float stroke = height * rng.uniform(0.04f, 0.1f);
  const MarkPlan plan = plan_marks(int(labels.size()), rng);

  // Lay out the glyphs first to know the canvas' width.
  LineLayout layout = lay_out(labels, pen, height, plan, rng);
  if (no_digit) layout.x += height * rng.uniform(1.0f, 4.0f);
  const int W = int(layout.x + layout.margin) + 1, H = int(layout.baseline + height * rng.uniform(0.15f, 0.5f)) + 1;
  Canvas ink(W, H);
  draw_glyphs(layout.placed, ink);
  draw_marks(layout.marks, layout.baseline, height, stroke, rng, ink);
  draw_printed_line(layout.baseline, height, rng, ink);
  warp(on_paper(ink, height, rng), rng, 0, 0, warped_);
  finish(warped_, rng, frame);
}

void LineExampleMaker::pick_digits(const PenWriter* pen, Rng& rng, std::vector<int>& labels) const {
  // How many digits, as amounts are written: mostly 3 to 6, thousands often in round zeros;
  // only digits there is a glyph of.
  std::vector<int> have;
  for (int d = 0; d < 10; ++d)
    if (pen ? !(*pen)[size_t(d)].empty() : !glyphs_[d].empty() || (mnist_ && !mnist_of_[d].empty())) have.push_back(d);
  if (have.empty()) return;
  static constexpr int kLengths[] = {1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 7, 7, 8};
  const int n = pen ? 3 + rng.below(8) : kLengths[rng.below(int(std::size(kLengths)))];
  const bool zero = have.front() == 0;
  const int zeros = !pen && zero && rng.chance(0.5f) ? rng.below(std::min(n, 4)) : 0;
  for (int i = 0; i < n; ++i) {
    int d = i >= n - zeros ? 0 : have[size_t(rng.below(int(have.size())))];
    if (!pen && i == 0 && d == 0 && have.size() > 1) d = have[size_t(1 + rng.below(int(have.size()) - 1))];
    labels.push_back(d);
  }
}

LineExampleMaker::LineLayout LineExampleMaker::lay_out(const std::vector<int>& labels, const PenWriter* pen,
                                                       float height, const MarkPlan& plan, Rng& rng) {
  const int n = int(labels.size());
  LineLayout layout;
  layout.mnist_alpha.reserve(size_t(n) * 784);
  pen_glyphs_.resize(std::max(pen_glyphs_.size(), size_t(n)));
  layout.margin = height * rng.uniform(0.1f, 0.5f);
  const float top = height * rng.uniform(0.15f, 0.5f);
  float x = layout.margin + (plan.leading ? height * 0.6f : 0.0f);
  layout.baseline = top + height;
  if (plan.leading) layout.marks.push_back({layout.margin, plan.leading == 1 ? 3 : 4});
  for (int i = 0; i < n; ++i) {
    const int d = labels[size_t(i)];
    const bool from_mnist = mnist_ && !mnist_of_[d].empty() && (glyphs_[d].empty() || rng.chance(shares_.mnist_digits));
    float h_here = height * rng.uniform(0.85f, 1.05f);
    if (d == 0 && rng.chance(0.25f)) h_here *= rng.uniform(0.5f, 0.8f);  // "2oo": small zeros
    PlacedGlyph p = pen          ? pen_glyph((*pen)[size_t(d)], i, h_here, rng)
                    : from_mnist ? mnist_glyph(mnist_->image(mnist_of_[d][size_t(rng.below(int(mnist_of_[d].size())))]),
                                               h_here, rng, layout.mnist_alpha)
                                 : real_glyph(d, h_here, rng);
    p.x = x;
    p.y = layout.baseline - float(p.h) * p.scale + height * rng.uniform(-0.08f, 0.08f);
    layout.placed.push_back(p);
    const float w_here = float(p.w) * p.scale;
    // Digits touching or overlapping, written close, or spaced out as on a form.
    x += w_here + height * (rng.chance(0.7f) ? rng.uniform(-0.12f, 0.3f) : rng.uniform(0.3f, 0.9f));
    if (plan.after[size_t(i)]) {
      layout.marks.push_back({x, plan.after[size_t(i)]});
      x += height * 0.3f;
    }
  }
  // mnist_alpha never reallocated (reserved), so the pointers into it hold.
  if (plan.trailing) {
    layout.marks.push_back({x + height * 0.1f, 2 + plan.trailing});
    x += height * 0.9f;
  }
  layout.x = x;
  return layout;
}

LineExampleMaker::PlacedGlyph LineExampleMaker::pen_glyph(const std::vector<const real::PenSample*>& samples, int i,
                                                          float h_here, Rng& rng) {
  // The writer's digit drawn at this height with a pen of this line's width.
  const real::PenSample& sample = *samples[size_t(rng.below(int(samples.size())))];
  const synth::Extent e = synth::extent_of(sample.strokes);
  const float pen_width = std::max(1.2f, h_here * rng.uniform(0.05f, 0.12f));
  const int gw = int(std::ceil(synth::width_at(e, h_here) + pen_width)) + 2,
            gh = int(std::ceil(h_here + pen_width)) + 2;
  std::vector<float>& alpha = pen_glyphs_[size_t(i)];
  alpha.assign(size_t(gw) * gh, 0.0f);
  synth::Placement where;
  where.x = where.y = 1 + pen_width / 2, where.height = h_here, where.stroke = pen_width;
  synth::draw_strokes(sample.strokes, where, synth::PenInput::kStylus, rng, alpha, gw, gh);
  return {alpha.data(), gw, gh, gw, 0, 0, 1.0f};
}

LineExampleMaker::PlacedGlyph LineExampleMaker::real_glyph(int d, float h_here, Rng& rng) const {
  const Glyph& g = glyphs_[d][size_t(rng.below(int(glyphs_[d].size())))];
  return {g.alpha.data(), g.w, g.h, g.w, 0, 0, h_here / float(g.h)};
}

void LineExampleMaker::pen_scene(const PenWriter& writer, Rng& rng, float* frame, std::vector<int>& labels) {
  std::vector<int> have;
  for (int d = 0; d < 10; ++d)
    if (!writer[size_t(d)].empty()) have.push_back(d);
  const int n = 3 + rng.below(8);
  labels.clear();
  pen_number_.clear();
  for (int i = 0; i < n; ++i) {
    const int d = have[size_t(rng.below(int(have.size())))];
    const auto& samples = writer[size_t(d)];
    labels.push_back(d);
    pen_number_.push_back(samples[size_t(rng.below(int(samples.size())))]);
  }
  const synth::Scene scene =
      synth::written_number(pen_number_, rng.chance(0.5f) ? synth::NumberLook::kScan : synth::NumberLook::kPhoto, rng);
  auto image = decode_image(scene.file);
  if (!image) {  // (never: the file was just encoded) an empty frame, read as nothing
    std::fill(frame, frame + kLineHeight * kLineWidth, 0.0f);
    labels.clear();
    return;
  }
  finish(*image, rng, frame);
}

void LineExampleMaker::finish(const GrayImage& canvas, Rng& rng, float* frame) {
  normalizer_.prepare(canvas, Box{0, 0, canvas.width, canvas.height}, frame);
  const float contrast = rng.uniform(0.75f, 1.15f), noise = rng.chance(0.3f) ? rng.uniform(0.0f, 0.06f) : 0.0f;
  for (int i = 0; i < kLineHeight * kLineWidth; ++i)
    frame[i] = std::clamp(frame[i] * contrast + (noise > 0 ? noise * rng.normal() : 0.0f), 0.0f, 1.0f);
}

}  // namespace scrawl
