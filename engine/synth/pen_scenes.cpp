#include "pen_scenes.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "data/encode.h"
#include "paper_camera.h"
#include "pen_ink.h"

namespace scrawl::synth {
namespace {

using real::Stroke;

std::string format(const char* fmt, auto... args) {
  char buf[160];
  std::snprintf(buf, sizeof buf, fmt, args...);
  return buf;
}

const char* input_name(PenInput in) {
  return in == PenInput::kMouse ? "mouse" : in == PenInput::kFinger ? "finger" : "stylus";
}

// Where the writing goes: filling most of the frame, or small, anywhere in it (a corner too).
// `height` is the ink's, pen width included; now and then the ink runs up to the edge.
Placement place(const Extent& e, int w, int h, float height, float stroke, Rng& rng) {
  Placement p;
  p.stroke = stroke;
  const float margin = rng.chance(0.1f) ? 0.0f : 0.02f;
  const float room_w = float(w) * (1 - 2 * margin) - stroke, room_h = float(h) * (1 - 2 * margin) - stroke;
  p.height = std::min(height - stroke, room_h);
  if (width_at(e, p.height) > room_w) p.height *= room_w / width_at(e, p.height);
  p.height = std::max(p.height, 4.0f);
  const float width = width_at(e, p.height);
  const float x0 = margin * w + stroke / 2, y0 = margin * h + stroke / 2;
  p.x = rng.uniform(x0, std::max(x0, x0 + room_w - width));
  p.y = rng.uniform(y0, std::max(y0, y0 + room_h - p.height));
  return p;
}

}  // namespace

Scene canvas_drawing(const std::vector<Stroke>& strokes, Rng& rng) {
  static constexpr int kSizes[][2] = {{280, 280}, {280, 280}, {200, 200}, {400, 300},
                                      {560, 400}, {360, 480}, {128, 128}};
  const auto& size = kSizes[rng.below(7)];
  const int w = size[0], h = size[1];
  const PenInput input = PenInput(rng.below(3));
  const float height = (rng.chance(0.25f) ? rng.uniform(0.18f, 0.35f) : rng.uniform(0.4f, 0.9f)) * float(h);
  // Pen widths from 2% to 10% of the canvas width, but never so thick the digit drowns.
  float stroke = rng.uniform(0.02f, 0.10f) * float(w);
  if (input == PenInput::kFinger) stroke = std::max(stroke, 0.05f * float(w));
  stroke = std::max(1.5f, std::min(stroke, 0.16f * height));
  Placement p = place(extent_of(strokes), w, h, height, stroke, rng);
  std::vector<float> cover(size_t(w) * h, 0.0f);
  draw_strokes(strokes, p, input, rng, cover, w, h);

  // Most apps draw black on white; some leave the background transparent, some draw light on dark.
  const int style = rng.below(10);
  const bool transparent = style < 3, dark_background = style == 9;
  uint8_t ink[3] = {0, 0, 0};
  if (rng.chance(0.2f))
    ink[0] = uint8_t(rng.below(80)), ink[1] = uint8_t(rng.below(80)), ink[2] = uint8_t(120 + rng.below(136));
  std::vector<uint8_t> rgba(size_t(w) * h * 4);
  for (size_t i = 0; i < cover.size(); ++i) {
    const float c = cover[i];
    uint8_t* px = &rgba[i * 4];
    if (transparent) {
      for (int k = 0; k < 3; ++k) px[k] = ink[k];
      px[3] = uint8_t(std::lround(255 * c));
    } else {
      const float bg = dark_background ? 0.0f : 255.0f, fg = dark_background ? 255.0f : 0.0f;
      for (int k = 0; k < 3; ++k) px[k] = uint8_t(std::lround(bg + c * ((dark_background ? fg : float(ink[k])) - bg)));
      px[3] = 255;
    }
  }
  Scene s;
  s.width = w, s.height = h;
  s.file = encode_png_rgba(rgba, w, h);
  s.traits = format("canvas %dx%d %s, digit %.0f%% high, stroke %.1f%% of width%s", w, h, input_name(input),
                    100.0 * p.height / h, 100.0 * p.stroke / w,
                    transparent       ? ", transparent"
                    : dark_background ? ", light on dark"
                                      : "");
  return s;
}

Scene paper_photo(const std::vector<Stroke>& strokes, Rng& rng, int max_width) {
  const int w = 240 + rng.below(std::max(1, max_width - 240));
  const int h = std::clamp(int(float(w) * rng.uniform(0.75f, 1.35f)), 200, 1400);
  const float height = rng.uniform(0.25f, 0.7f) * float(h);
  const float stroke = std::max(1.5f, rng.uniform(0.03f, 0.13f) * height);  // a fine pen to a thick felt-tip
  Placement p = place(extent_of(strokes), w, h, height, stroke, rng);
  p.rotation = rng.uniform(-10, 10);
  std::vector<float> cover(size_t(w) * h, 0.0f);
  draw_strokes(strokes, p, PenInput::kStylus, rng, cover, w, h);
  const PhotoLook look = photo_look(rng);
  Scene s;
  s.width = w, s.height = h;
  s.file = photograph(cover, w, h, look, p.stroke, rng);
  s.traits = format(
      "photo %dx%d, digit %.0f%% high, stroke %.0f%% of it, %s ink, gradient %.2f, vignette %.2f, "
      "shadow %.2f, blur %.2f, JPEG %d",
      w, h, 100.0 * p.height / h, 100.0 * p.stroke / p.height, look.ink[2] > look.ink[0] + 40 ? "blue" : "black",
      double(look.gradient), double(look.vignette), double(look.shadow), double(look.blur), look.quality);
  return s;
}

namespace {

Stroke circle(float cx, float cy, float r, int n = 40) {
  Stroke s;
  for (int i = 0; i <= n; ++i) {
    const float a = 6.2832f * float(i) / float(n);
    s.push_back({cx + r * std::cos(a), cy + r * std::sin(a)});
  }
  return s;
}
Stroke poly(std::initializer_list<std::array<float, 2>> pts) { return Stroke(pts); }

// Drawings people make that are not digits, in a unit box (y down).
std::vector<Stroke> drawing(int kind, Rng& rng) {
  switch (kind) {
    case 0:  // a person: a circle (head) over a box (body), arms and legs
      return {circle(50, 18, 14),         poly({{32, 34}, {68, 34}, {68, 70}, {32, 70}, {32, 34}}),
              poly({{32, 40}, {12, 58}}), poly({{68, 40}, {88, 58}}),
              poly({{40, 70}, {36, 98}}), poly({{60, 70}, {64, 98}})};
    case 1:  // a house
      return {poly({{15, 45}, {85, 45}, {85, 95}, {15, 95}, {15, 45}}), poly({{10, 48}, {50, 8}, {90, 48}}),
              poly({{42, 95}, {42, 70}, {58, 70}, {58, 95}})};
    case 2: {  // a star
      Stroke s;
      for (int i = 0; i <= 5; ++i) {
        const float a = -1.5708f + 6.2832f * float(i * 2 % 5) / 5.0f;
        s.push_back({50 + 45 * std::cos(a), 50 + 45 * std::sin(a)});
      }
      return {s};
    }
    case 3:  // a smiley
      return {circle(50, 50, 45), circle(35, 38, 4, 12), circle(65, 38, 4, 12),
              poly({{28, 62}, {40, 72}, {50, 75}, {60, 72}, {72, 62}})};
    case 4:  // a frame with a cross (a logo, a checkbox ticked wrong)
      return {poly({{5, 5}, {95, 5}, {95, 95}, {5, 95}, {5, 5}}), poly({{5, 5}, {95, 95}}), poly({{95, 5}, {5, 95}})};
    case 5: {  // hatching: a scribble of parallel strokes
      std::vector<Stroke> out;
      const int n = 5 + rng.below(6);
      for (int i = 0; i < n; ++i) out.push_back(poly({{5, 5 + 90.0f * i / n}, {95, 10 + 90.0f * i / n}}));
      return out;
    }
    default: {  // a sun: a circle with rays
      std::vector<Stroke> out{circle(50, 50, 22)};
      for (int i = 0; i < 8; ++i) {
        const float a = 6.2832f * float(i) / 8;
        out.push_back(
            poly({{50 + 30 * std::cos(a), 50 + 30 * std::sin(a)}, {50 + 46 * std::cos(a), 50 + 46 * std::sin(a)}}));
      }
      return out;
    }
  }
}

}  // namespace

Scene not_a_digit(Rng& rng) {
  const int kind = rng.below(10);
  if (kind <= 6) {
    Scene s = rng.chance(0.5f) ? canvas_drawing(drawing(kind, rng), rng) : paper_photo(drawing(kind, rng), rng);
    static const char* names[] = {"a person", "a house", "a star", "a smiley", "a crossed frame", "hatching", "a sun"};
    s.traits = std::string(names[kind]) + ": " + s.traits;
    return s;
  }
  const int w = 64 + rng.below(500), h = 64 + rng.below(500);
  std::vector<uint8_t> rgb(size_t(w) * h * 3);
  Scene s;
  s.width = w, s.height = h;
  if (kind == 7) {  // pure noise, colour or grey
    const bool grey = rng.chance(0.5f);
    for (size_t i = 0; i < rgb.size(); i += 3) {
      const uint8_t g = uint8_t(rng.below(256));
      for (int k = 0; k < 3; ++k) rgb[i + k] = grey ? g : uint8_t(rng.below(256));
    }
    s.file = encode_png(rgb, w, h);
    s.traits = grey ? "grey noise" : "colour noise";
    return s;
  }
  // An empty page photographed: paper, light and camera, no ink (kind 8), or a few specks (9).
  std::vector<float> cover(size_t(w) * h, 0.0f);
  if (kind == 9)
    for (int i = 0, n = 1 + rng.below(6); i < n; ++i) {
      const int x = rng.below(w), y = rng.below(h);
      cover[size_t(y) * w + x] = 1;
    }
  const PhotoLook look = photo_look(rng);
  s.file = photograph(cover, w, h, look, 2.0f, rng);
  s.traits = kind == 8 ? "an empty page, photographed" : "a page with specks, photographed";
  return s;
}

}  // namespace scrawl::synth
