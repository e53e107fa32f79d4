#include "not_one_digit.h"

#include <algorithm>
#include <cmath>

#include "segment/digit_normalizer.h"
#include "segment/resample.h"

namespace scrawl {
namespace {

constexpr int kSide = 28;
constexpr float kInk = 0.1f;

struct Span {
  int x = 0, y = 0, w = 0, h = 0;
};

Span ink_box(const float* ink, int w, int h) {
  int x0 = w, y0 = h, x1 = -1, y1 = -1;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      if (ink[size_t(y) * size_t(w) + size_t(x)] > kInk)
        x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
  if (x1 < 0) return {};
  return {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
}

int ink_width(const uint8_t* d) {
  int x0 = kSide, x1 = -1;
  for (int y = 0; y < kSide; ++y)
    for (int x = 0; x < kSide; ++x)
      if (float(d[y * kSide + x]) > kInk * 255.0f) x0 = std::min(x0, x), x1 = std::max(x1, x);
  return x1 < 0 ? 0 : x1 - x0 + 1;
}

}  // namespace

// Draws digit a, then digit b to its right at about the same height, touching, overlapping or
// a hair apart, as neighbours in a handwritten number are (or leaves b out, drawing a alone).
void NotOneDigitMaker::pair(const uint8_t* a, const uint8_t* b, bool draw_b, Rng& rng) {
  auto load = [&](const uint8_t* d, float scale, int& w, int& h, std::vector<float>& into) {
    crop_.assign(size_t(kSide) * kSide, 0.0f);
    for (int i = 0; i < kSide * kSide; ++i) crop_[size_t(i)] = float(d[i]) / 255.0f;
    const Span s = ink_box(crop_.data(), kSide, kSide);
    w = std::max(1, int(std::lround(float(std::max(1, s.w)) * scale)));
    h = std::max(1, int(std::lround(float(std::max(1, s.h)) * scale)));
    into.assign(size_t(w) * size_t(h), 0.0f);
    resample_area(crop_.data() + s.y * kSide + s.x, std::max(1, s.w), std::max(1, s.h), kSide, into.data(), w, h);
  };
  int wa, ha, wb, hb;
  std::vector<float> ink_a;
  load(a, 1.0f, wa, ha, ink_a);
  // b at 0.8–1.2 times a's height
  {
    crop_.assign(size_t(kSide) * kSide, 0.0f);
    for (int i = 0; i < kSide * kSide; ++i) crop_[size_t(i)] = float(b[i]) / 255.0f;
    const Span s = ink_box(crop_.data(), kSide, kSide);
    load(b, rng.uniform(0.8f, 1.2f) * float(ha) / float(std::max(1, s.h)), wb, hb, scaled_);
  }
  const int gap = int(std::lround(rng.uniform(-0.35f * float(std::min(wa, wb)), 0.12f * float(ha))));
  const int dy = int(std::lround(rng.uniform(-0.12f, 0.12f) * float(ha)));
  a_width_ = wa;
  b_left_ = std::max(0, wa + gap);
  b_width_ = wb;
  canvas_.w = std::max(wa, b_left_ + wb);
  canvas_.h = ha + hb + 2 * std::abs(dy) + 2;
  canvas_.ink.assign(size_t(canvas_.w) * size_t(canvas_.h), 0.0f);
  const int a_top = hb + std::abs(dy);
  const int b_top = a_top + ha + dy - hb;
  for (int y = 0; y < ha; ++y)
    for (int x = 0; x < wa; ++x) canvas_.at(x, a_top + y) = ink_a[size_t(y) * size_t(wa) + size_t(x)];
  if (!draw_b) return;
  for (int y = 0; y < hb; ++y)
    for (int x = 0; x < wb; ++x) {
      float& p = canvas_.at(b_left_ + x, b_top + y);
      p = std::max(p, scaled_[size_t(y) * size_t(wb) + size_t(x)]);
    }
}

// Clears the ink on one side of a cut through columns [from, to), slanted by up to max_slope.
void NotOneDigitMaker::cut(Rng& rng, float from, float to, bool keep_left, float max_slope) {
  const float x0 = rng.uniform(from, to);
  const float slope = rng.uniform(-max_slope, max_slope);
  for (int y = 0; y < canvas_.h; ++y) {
    const float at = x0 + slope * (float(y) - 0.5f * float(canvas_.h));
    for (int x = 0; x < canvas_.w; ++x)
      if ((float(x) >= at) == keep_left) canvas_.at(x, y) = 0.0f;
  }
}

// Fits the ink into the middle 20×20 of a 28×28 image, as MNIST's digits are.
void NotOneDigitMaker::fit(uint8_t* out) {
  std::fill(out, out + kSide * kSide, uint8_t(0));
  const Span s = ink_box(canvas_.ink.data(), canvas_.w, canvas_.h);
  if (s.w == 0) return;
  const float r = float(kDigitBox) / float(std::max(s.w, s.h));
  const int w = std::clamp(int(std::lround(float(s.w) * r)), 1, kDigitBox);
  const int h = std::clamp(int(std::lround(float(s.h) * r)), 1, kDigitBox);
  fitted_.assign(size_t(w) * size_t(h), 0.0f);
  resample_area(canvas_.ink.data() + size_t(s.y) * size_t(canvas_.w) + size_t(s.x), s.w, s.h, canvas_.w, fitted_.data(),
                w, h);
  const int ox = (kSide - w) / 2, oy = (kSide - h) / 2;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      out[(oy + y) * kSide + ox + x] =
          uint8_t(std::clamp(fitted_[size_t(y) * size_t(w) + size_t(x)] * 255.0f + 0.5f, 0.0f, 255.0f));
}

void NotOneDigitMaker::with_neighbour_sliver(const DigitSet& set, size_t digit, size_t pool_begin, size_t pool_end,
                                             Rng& rng, uint8_t* out) {
  const uint8_t* a = set.image(digit);
  // Any piece of a neighbour as thin as a 1 is a whole 1, not a sliver: draw another.
  const uint8_t* b = set.image(pool_begin + size_t(rng.below(int(pool_end - pool_begin))));
  for (int tries = 0; tries < 8 && ink_width(b) < 10; ++tries)
    b = set.image(pool_begin + size_t(rng.below(int(pool_end - pool_begin))));
  // Cut straight, just beyond the digit's own ink, so all of it stays.
  const float sliver = rng.uniform(0.1f, 0.25f);
  if (rng.chance(0.5f)) {
    pair(a, b, true, rng);  // the neighbour on the right: keep its left edge
    const float at = float(a_width_) + sliver * float(b_width_);
    cut(rng, at, at, true, 0.0f);
  } else {
    pair(b, a, true, rng);  // the neighbour on the left: keep its right edge
    const float at = float(b_left_) - sliver * float(a_width_);
    cut(rng, at, at, false, 0.0f);
  }
  fit(out);
}

void break_strokes(const uint8_t* digit, Rng& rng, uint8_t* out) {
  std::copy(digit, digit + kSide * kSide, out);
  // A straight gap, 1 to 2 pixels wide, through a point near the middle, at any angle.
  const float cx = rng.uniform(9.0f, 19.0f), cy = rng.uniform(9.0f, 19.0f);
  const float angle = rng.uniform(0.0f, 3.14159265f);
  const float nx = -std::sin(angle), ny = std::cos(angle);
  const float half = rng.uniform(0.5f, 1.0f);
  for (int y = 0; y < kSide; ++y)
    for (int x = 0; x < kSide; ++x)
      if (std::abs((float(x) - cx) * nx + (float(y) - cy) * ny) < half) out[y * kSide + x] = 0;
}

void NotOneDigitMaker::make(const DigitSet& set, size_t digit, size_t pool_begin, size_t pool_end, Rng& rng,
                            uint8_t* out) {
  const uint8_t* a = set.image(digit);
  const uint8_t* b = set.image(pool_begin + size_t(rng.below(int(pool_end - pool_begin))));
  float kind = rng.uniform();
  // A digit as thin as a 1 has no piece that is not itself a 1: it is only ever paired.
  // (MNIST's digits are 20 pixels tall.)
  if (kind >= 0.45f && kind < 0.75f && ink_width(a) < 10) kind = 0;
  pair(a, b, !(kind >= 0.45f && kind < 0.75f), rng);
  if (kind < 0.45f) return fit(out);  // two digits as one
  if (kind < 0.75f) {
    // A piece of digit a: its left or right part.
    cut(rng, 0.3f * float(a_width_), 0.7f * float(a_width_), rng.chance(0.5f));
    return fit(out);
  }
  // A digit with a piece of its neighbour: all of a and the left part of b, or the right
  // part of a and all of b.
  if (rng.chance(0.5f))
    cut(rng, float(b_left_) + 0.25f * float(b_width_), float(b_left_) + 0.6f * float(b_width_), true);
  else cut(rng, 0.4f * float(a_width_), 0.75f * float(a_width_), false);
  fit(out);
}

}  // namespace scrawl
