#include "real_writers_scene.h"

#include <algorithm>
#include <utility>

#include "core/rng.h"
#include "data/encode.h"
#include "synth/ink_crop.h"
#include "synth/pen_scenes.h"

namespace scrawl {

std::vector<uint8_t> enlarge_to_rgb(const uint8_t* src, int side, int factor) {
  const int n = side * factor;
  std::vector<uint8_t> rgb(size_t(n) * n * 3);
  for (int y = 0; y < n; ++y)
    for (int x = 0; x < n; ++x) {
      const float sx = std::clamp((x + 0.5f) / factor - 0.5f, 0.0f, side - 1.0f);
      const float sy = std::clamp((y + 0.5f) / factor - 0.5f, 0.0f, side - 1.0f);
      const int x0 = int(sx), y0 = int(sy), x1 = std::min(side - 1, x0 + 1), y1 = std::min(side - 1, y0 + 1);
      const float fx = sx - x0, fy = sy - y0;
      const float v = (1 - fy) * ((1 - fx) * src[y0 * side + x0] + fx * src[y0 * side + x1]) +
                      fy * ((1 - fx) * src[y1 * side + x0] + fx * src[y1 * side + x1]);
      for (int k = 0; k < 3; ++k) rgb[(size_t(y) * n + x) * 3 + k] = uint8_t(v + 0.5f);
    }
  return rgb;
}

RealImage render_real_item(const RealItem& it, const std::vector<real::PenSample>& pens, const real::CvlDigits& cvl,
                           uint64_t seed) {
  Rng rng(seed, uint64_t(it.kind) + 1, it.index);
  RealImage out;
  if (it.kind == RealKind::kScan) {
    const uint8_t* src = cvl.digits.image(it.index);
    const bool enlarged = it.index % 2;
    out.traits = enlarged ? "scan 84x84 (enlarged 3x)" : "scan 28x28";
    out.file = enlarged ? encode_png(enlarge_to_rgb(src, 28, 3), 84, 84)
                        : encode_png(enlarge_to_rgb(src, 28, 1), 28, 28);
    return out;
  }
  if (it.kind == RealKind::kCrop) {
    const synth::CropStyle style = crop_style(it.index);
    const GrayImage crop = synth::cut_to_ink(cvl.digits.image(it.index), synth::standard_crop_look(style));
    out.traits = std::string("scan cut to its ink, ") + synth::crop_style_name(style) + ", " +
                 std::to_string(crop.width) + "x" + std::to_string(crop.height);
    out.file = encode_png(crop);
    return out;
  }
  synth::Scene s = it.kind == RealKind::kCanvas  ? synth::canvas_drawing(pens[it.index].strokes, rng)
                   : it.kind == RealKind::kPhoto ? synth::paper_photo(pens[it.index].strokes, rng)
                                                 : synth::not_a_digit(rng);
  out.jpeg = s.file.size() > 2 && s.file[0] == 0xFF && s.file[1] == 0xD8;
  out.traits = std::move(s.traits);
  out.file = std::move(s.file);
  return out;
}

}  // namespace scrawl
