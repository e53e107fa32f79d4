#include "ink_crop.h"

#include <algorithm>

namespace scrawl::synth {

const char* crop_style_name(CropStyle style) {
  static const char* const kNames[] = {"grey", "b&w", "filled"};
  return kNames[int(style)];
}

CropLook standard_crop_look(CropStyle style) {
  CropLook look;
  look.style = style;
  look.margin = style == CropStyle::kGrey ? 1 : 0;
  return look;
}

CropLook random_crop_look(Rng& rng) {
  CropLook look;
  look.style = CropStyle(rng.below(3));
  look.ink_below = uint8_t(96 + rng.below(81));
  look.margin = rng.below(3);
  look.filled_side = 12 + rng.below(13);
  return look;
}

GrayImage cut_to_ink(const uint8_t* digit, const CropLook& look) {
  constexpr int kSide = 28;
  int x0 = kSide, y0 = kSide, x1 = -1, y1 = -1;
  for (int y = 0; y < kSide; ++y)
    for (int x = 0; x < kSide; ++x)
      if (digit[y * kSide + x] < look.ink_below)
        x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
  if (x1 < 0) x0 = y0 = 0, x1 = y1 = kSide - 1;
  if (look.style == CropStyle::kFilled) {
    const int side = std::max(2, look.filled_side);
    const float bw = float(x1 - x0 + 1), bh = float(y1 - y0 + 1);
    GrayImage out(side, side);
    for (int y = 0; y < side; ++y)
      for (int x = 0; x < side; ++x) {
        const float sx = std::clamp(float(x0) + (x + 0.5f) * bw / float(side) - 0.5f, float(x0), float(x1));
        const float sy = std::clamp(float(y0) + (y + 0.5f) * bh / float(side) - 0.5f, float(y0), float(y1));
        const int ax = int(sx), ay = int(sy), bx = std::min(x1, ax + 1), by = std::min(y1, ay + 1);
        const float fx = sx - float(ax), fy = sy - float(ay);
        const auto at = [&](int xx, int yy) { return float(digit[yy * kSide + xx]); };
        out.at(x, y) = uint8_t((1 - fy) * ((1 - fx) * at(ax, ay) + fx * at(bx, ay)) +
                               fy * ((1 - fx) * at(ax, by) + fx * at(bx, by)) + 0.5f);
      }
    return out;
  }
  x0 = std::max(0, x0 - look.margin), y0 = std::max(0, y0 - look.margin);
  x1 = std::min(kSide - 1, x1 + look.margin), y1 = std::min(kSide - 1, y1 + look.margin);
  GrayImage out(x1 - x0 + 1, y1 - y0 + 1);
  const bool grey = look.style == CropStyle::kGrey;
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) {
      const uint8_t v = digit[(y + y0) * kSide + x + x0];
      out.at(x, y) = grey ? v : (v < look.ink_below ? 0 : 255);
    }
  return out;
}

}  // namespace scrawl::synth
