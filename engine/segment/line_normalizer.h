// A line of handwriting as the line model sees it: a fixed kLineHeight × kLineWidth frame,
// ink 1 and paper 0 (light ink on a dark board too), the lighting evened out and a sloping
// line sheared level. The band of the region that holds its ink (all but a sliver of it at
// either end), with a margin, is scaled to the frame's height and laid from its left edge, so
// the digits come out the same size however loosely the region was drawn around them; a line
// wider than the frame at that scale is squeezed to fit. Training and reading both prepare
// lines here, so the model meets the same input in both.
#pragma once
#include <cstdint>
#include <vector>

#include "core/block_means.h"
#include "core/box.h"
#include "core/image.h"

namespace scrawl {

inline constexpr int kLineHeight = 32, kLineWidth = 192;

// Which side of the paper's grey the ink is: found from the region's own greys, or given by a
// reader that judged the whole image (a photo's dark vignette can outweigh a faint pen's ink in
// a region's greys and pass for a dark board).
enum class InkSide { kFind, kDark, kLight };

class LineNormalizer {
 public:
  struct Placed {
    int width = 0;  // frame columns the line takes (the rest is paper)
    Box source;     // the part of the image laid into them
  };
  // Writes kLineHeight * kLineWidth floats to `out`. `region` is clipped to the image; an
  // empty region gives an empty (all-paper) frame.
  Placed prepare(const GrayImage& image, Box region, float* out, InkSide ink = InkSide::kFind);
  // The line last prepared laid out again `stretch` times as wide (the frame's width at most),
  // without preparing it again: the same ink seen as written a little narrower or wider.
  Placed lay_out(float stretch, float* out);

  // A line sloping by more than kLevelFrom (rows per column) is sheared level; one sloping by
  // more than kLevelUpTo is taken as it is (no photo is held that crooked; a fit that steep
  // comes from a digit or two, not a line).
  static constexpr double kLevelFrom = 0.02, kLevelUpTo = 0.15;
  // A region taller than this is averaged down by a whole factor to at most this many rows
  // first: the frame is kLineHeight rows, and a 12-megapixel photo's line is hundreds.
  static constexpr int kMostRows = 256;

 private:
  // prepare() on the region [x0, x0 + w) × [y0, y0 + h) of `image`, which holds it.
  Placed prepare_region(const GrayImage& image, int x0, int y0, int w, int h, float* out, InkSide ink);
  uint8_t grey(const GrayImage& image, int x, int y) const {
    return inverted_ ? uint8_t(255 - image.at(x, y)) : image.at(x, y);
  }
  void even_out_light(const GrayImage& image, int x0, int y0, int w, int h);  // fills light_
  void level_slope(int w, int h);  // shears ink_ (w×h) so the line runs level

  bool inverted_ = false;  // the region's ink is lighter than its paper
  // The last line prepared: its region's origin and size, and the ink's band with its margin,
  // in the pixels of the image it was prepared from; source pixels per such pixel, and where
  // that image's origin lies in the source image, which is source_w_ × source_h_.
  int x0_ = 0, y0_ = 0, w_ = 0, h_ = 0;
  int bx0_ = 0, by0_ = 0, bw_ = 0, bh_ = 0;
  int scale_ = 1, offset_x_ = 0, offset_y_ = 0, source_w_ = 0, source_h_ = 0;
  GrayImage reduced_;                   // a tall region averaged down
  BlockMeans shrink_;                   // that averages it down
  std::vector<float> blocks_, sorted_;  // the paper's brightness per block
  std::vector<float> light_;            // the region with the paper evened out, 0..255
  std::vector<float> sheared_;
  std::vector<float> ink_;       // the region as ink levels
  std::vector<float> scaled_;    // the band scaled to the frame's height
  std::vector<int> histogram_;   // 256 bins
  std::vector<double> profile_;  // ink per row, then per column
};

}  // namespace scrawl
