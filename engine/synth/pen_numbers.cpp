#include "pen_numbers.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "data/encode.h"
#include "data/gaussian_blur.h"
#include "paper_camera.h"
#include "pen_ink.h"

namespace scrawl::synth {

using real::Stroke;

std::vector<Stroke> lay_out_number(const std::vector<const real::PenSample*>& digits, float height, bool tight,
                                   Rng& rng) {
  std::vector<Stroke> out;
  float cursor = 0;
  float baseline = height;
  for (const real::PenSample* d : digits) {
    const Extent e = extent_of(d->strokes);
    // People do not write every digit the same size nor on one exact line.
    const float h = height * rng.uniform(0.85f, 1.1f);
    baseline += height * rng.uniform(-0.04f, 0.04f);
    const float unit = h / std::max(1e-3f, std::max(e.height(), 0.1f * e.width()));
    const float w = width_at(e, h);
    const float left = cursor + (w - e.width() * unit) / 2;  // a 1 drawn as a line keeps its room
    for (const Stroke& s : d->strokes) {
      Stroke t;
      t.reserve(s.size());
      for (const auto& p : s) t.push_back({left + (p[0] - e.x0) * unit, baseline - (e.y1 - p[1]) * unit});
      out.push_back(std::move(t));
    }
    const float gap = tight ? rng.uniform(-0.06f, 0.08f) : rng.uniform(0.08f, 0.45f);
    cursor += w + gap * height;
  }
  return out;
}

namespace {

// The strokes at their own scale on a sheet with these margins around their box (and room
// above and below for the lean a rotation gives a long line).
struct Sheet {
  int w = 0, h = 0;
  std::vector<float> cover;
};
Sheet ink_on_sheet(const std::vector<Stroke>& strokes, float stroke, float rotation, float left, float right, float top,
                   float bottom, Rng& rng) {
  const Extent e = extent_of(strokes);
  const float lean = std::abs(std::sin(rotation * 3.14159265f / 180)) * e.width() / 2;
  Sheet sheet;
  sheet.w = int(std::ceil(left + e.width() + stroke + right));
  sheet.h = int(std::ceil(2 * lean + top + e.height() + stroke + bottom));
  // draw_strokes fits a very wide writing by a tenth of its width: the height handed over is that.
  Placement p;
  p.height = std::max(e.height(), 0.1f * e.width());
  p.x = left + stroke / 2, p.y = lean + top + stroke / 2 - (p.height - e.height()) / 2;
  p.stroke = stroke, p.rotation = rotation;
  sheet.cover.assign(size_t(sheet.w) * sheet.h, 0.0f);
  draw_strokes(strokes, p, PenInput::kStylus, rng, sheet.cover, sheet.w, sheet.h);
  return sheet;
}

std::string describe(const char* fmt, auto... args) {
  char buf[200];
  std::snprintf(buf, sizeof buf, fmt, args...);
  return buf;
}

// A field cut from a 300 dpi scan of a form: grey, ballpoint ink on white, a little scanner
// blur and noise, saved as PNG or JPEG.
Scene scanned(const std::vector<Stroke>& strokes, float height, bool tight, Rng& rng) {
  const float stroke = std::max(1.5f, rng.uniform(0.05f, 0.12f) * height);
  const float rotation = rng.uniform(-2, 2);
  // Often the cut leaves the first or last digit a couple of pixels from the edge.
  const auto side = [&] { return rng.chance(0.3f) ? rng.uniform(1, 4) : rng.uniform(0.1f, 0.6f) * height; };
  const float left = side(), right = side();
  const float top = rng.uniform(0.08f, 0.5f) * height, bottom = rng.uniform(0.08f, 0.5f) * height;
  Sheet sheet = ink_on_sheet(strokes, stroke, rotation, left, right, top, bottom, rng);
  const int w = sheet.w, h = sheet.h;
  std::vector<float>& cover = sheet.cover;
  std::vector<float> tmp;
  const float blur = rng.uniform(0.3f, 0.9f);
  gaussian_blur(cover, tmp, w, h, blur, 3.0f);
  const float paper = rng.uniform(220, 252), ink = rng.uniform(10, 100), noise = rng.uniform(0.5f, 4);
  GrayImage img;
  img.width = w, img.height = h;
  img.pixels.resize(size_t(w) * h);
  for (size_t i = 0; i < cover.size(); ++i)
    img.pixels[i] = uint8_t(std::clamp(paper + cover[i] * (ink - paper) + noise * rng.normal(), 0.0f, 255.0f));
  const bool jpeg = rng.chance(0.4f);
  const int quality = 70 + rng.below(26);
  Scene s;
  s.width = w, s.height = h;
  s.file = jpeg ? encode_jpeg(img, quality) : encode_png(img);
  s.traits = describe("scan %dx%d, digits %.0f px, stroke %.0f%%, %s, margins %.0f/%.0f px, %s", w, h, double(height),
                      100.0 * stroke / height, tight ? "touching" : "spaced", double(left), double(right),
                      jpeg ? "JPEG" : "PNG");
  return s;
}

// The same paper photographed with a phone: the number fills much of the frame, at an angle.
Scene photographed(const std::vector<Stroke>& strokes, float height, bool tight, Rng& rng) {
  const float stroke = std::max(1.5f, rng.uniform(0.05f, 0.13f) * height);
  const float rotation = rng.uniform(-6, 6);
  const float mx = rng.uniform(0.2f, 1.5f) * height, my = rng.uniform(0.3f, 1.5f) * height;
  Sheet sheet = ink_on_sheet(strokes, stroke, rotation, mx, mx, my, my, rng);
  const int w = sheet.w, h = sheet.h;
  const PhotoLook look = photo_look(rng);
  Scene s;
  s.width = w, s.height = h;
  s.file = photograph(sheet.cover, w, h, look, stroke, rng);
  s.traits =
      describe("photo %dx%d, digits %.0f px, stroke %.0f%%, %s, %s ink, rotated %.1f, shadow %.2f, blur %.2f, JPEG %d",
               w, h, double(height), 100.0 * stroke / height, tight ? "touching" : "spaced",
               look.ink[2] > look.ink[0] + 40 ? "blue" : "black", double(rotation), double(look.shadow),
               double(look.blur), look.quality);
  return s;
}

// The number written one digit to a box of a form's printed row of boxes, or over its comb (a
// rule with short teeth between the digits' places), the printing black to light grey, 1 to 3
// pixels thick; a digit now and then touching a wall; cut from a 300 dpi scan.
Scene scanned_in_boxes(const std::vector<const real::PenSample*>& digits, float height, Rng& rng) {
  const int n = int(digits.size());
  const float cell_w = height * rng.uniform(1.0f, 1.4f), cell_h = height * rng.uniform(1.25f, 1.6f);
  const float line = std::floor(rng.uniform(1, 4)), teeth = rng.chance(0.5f) ? rng.uniform(0.2f, 0.4f) : 0.0f;
  const float stroke = std::max(1.5f, rng.uniform(0.05f, 0.12f) * height);
  const bool tight = rng.chance(0.4f);
  const float side = tight ? rng.uniform(0, 3) : rng.uniform(0.2f, 0.8f) * height;
  const float above = tight ? rng.uniform(0, 3) : rng.uniform(0.1f, 0.5f) * height;
  const int w = int(std::ceil(2 * side + float(n) * cell_w + line)), h = int(std::ceil(2 * above + cell_h + line));
  std::vector<float> cover(size_t(w) * h, 0.0f), print(size_t(w) * h, 0.0f), tmp;
  for (int i = 0; i < n; ++i) {
    const Extent e = extent_of(digits[size_t(i)]->strokes);
    float dh = height * rng.uniform(0.8f, 1.0f);
    const float room = 0.9f * cell_w - 2 * stroke;
    if (width_at(e, dh) > room) dh *= room / width_at(e, dh);
    const float dw = width_at(e, dh);
    Placement p;
    p.height = dh, p.stroke = stroke;
    // Within its box, now and then touching a wall or a rule.
    p.x = side + float(i) * cell_w + line + (cell_w - dw) / 2 + rng.uniform(-0.08f, 0.08f) * cell_w;
    p.y = above + line + (cell_h - dh) / 2 + rng.uniform(-0.1f, 0.1f) * cell_h;
    draw_strokes(digits[size_t(i)]->strokes, p, PenInput::kStylus, rng, cover, w, h);
  }
  const auto fill = [&](float x0, float y0, float x1, float y1) {
    for (int y = std::max(0, int(y0)); y < std::min(h, int(std::ceil(y1))); ++y)
      for (int x = std::max(0, int(x0)); x < std::min(w, int(std::ceil(x1))); ++x) print[size_t(y) * w + x] = 1;
  };
  const float right = side + float(n) * cell_w + line, bottom = above + cell_h;
  fill(side, bottom, right, bottom + line);
  if (!teeth) fill(side, above, right, above + line);
  for (int i = 0; i <= n; ++i) {
    const float x = side + float(i) * cell_w;
    fill(x, teeth ? bottom - teeth * cell_h : above, x + line, bottom);
  }
  const float blur = rng.uniform(0.3f, 0.9f);
  gaussian_blur(cover, tmp, w, h, blur, 3.0f);
  gaussian_blur(print, tmp, w, h, blur, 3.0f);
  const float paper = rng.uniform(220, 252), ink = rng.uniform(10, 100), printed = rng.uniform(0, 160);
  const float noise = rng.uniform(0.5f, 4);
  GrayImage img;
  img.width = w, img.height = h;
  img.pixels.resize(size_t(w) * h);
  for (size_t i = 0; i < cover.size(); ++i) {
    const float v = std::min(paper + cover[i] * (ink - paper), paper + print[i] * (printed - paper));
    img.pixels[i] = uint8_t(std::clamp(v + noise * rng.normal(), 0.0f, 255.0f));
  }
  const bool jpeg = rng.chance(0.4f);
  const int quality = 70 + rng.below(26);
  Scene s;
  s.width = w, s.height = h;
  s.file = jpeg ? encode_jpeg(img, quality) : encode_png(img);
  s.traits = describe("scan %dx%d, digits %.0f px, stroke %.0f%%, %s, printed %.0f px at grey %.0f, %s, %s", w, h,
                      double(height), 100.0 * stroke / height, teeth ? "over a comb" : "in boxes", double(line),
                      double(printed), tight ? "tight" : "loose", jpeg ? "JPEG" : "PNG");
  return s;
}

}  // namespace

Scene written_number(const std::vector<const real::PenSample*>& digits, NumberLook look, Rng& rng) {
  const bool tight = rng.chance(0.2f);
  const float height = look == NumberLook::kPhoto ? rng.uniform(40, 160) : rng.uniform(28, 90);
  if (look == NumberLook::kBoxes) return scanned_in_boxes(digits, height, rng);
  const auto strokes = lay_out_number(digits, height, tight, rng);
  return look == NumberLook::kScan ? scanned(strokes, height, tight, rng) : photographed(strokes, height, tight, rng);
}

}  // namespace scrawl::synth
