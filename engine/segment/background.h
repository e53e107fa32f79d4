// Reading a page, stage 2: evens out the lighting. Decides which side is ink (dark strokes
// on light paper, or light strokes on a dark board), estimates the paper's brightness
// everywhere and divides it out, so that gradients, vignetting and shadows leave the paper
// at darkness 0 and the ink stands out by the same ratio wherever it is.
//
// Polarity comes from thin structure (what a small closing fills in versus what a small
// opening removes), so that a shadow or the table around a page, which are large, do not
// sway it.
//
// The estimate works on a small copy that keeps each block's brightest pixel (thin strokes
// vanish there) and takes the lower of two guesses: a closing (max then min filter), which
// removes strokes but keeps shadow edges, and a fill of the dark regions that do not reach
// the image's border, which keeps what surrounds a photographed page (the table) as
// background however narrow a strip of it shows.
#pragma once
#include <cstdint>
#include <vector>

#include "morphology.h"

namespace scrawl {

class BackgroundFlattener {
 public:
  // The widest stroke the paper estimate removes, as a share of the image's longer side:
  // a bold marker digit that fills a small canvas still counts as ink, not as paper.
  static constexpr float kMaxStroke = 0.08f;
  // ...and half of it at least this share of the shorter side, up to kMaxStrokePixels: in a
  // small image the digit fills the frame (MNIST's strokes are ~0.15 of its 28 pixels).
  static constexpr float kMaxStrokeShort = 0.15f, kMaxStrokePixels = 12.0f;

  // Deviations from the local background smaller than this (of 255) are noise, not strokes.
  static constexpr float kStrokeContrast = 12.0f;

  // gray: w*h, 0..255; inverted in place when the ink is light. Returns the darkness, w*h:
  // 0 = as bright as the paper around it, 1 = black (or the ink's full contrast).
  // bold_strokes: strokes of any width are ink (no cap by the image's own closing), at the
  // cost of the edge where a page meets the table.
  const std::vector<float>& flatten(std::vector<uint8_t>& gray, int w, int h, bool bold_strokes = false);
  bool inverted() const { return inverted_; }
  // Whether the last image's background was flat (a canvas): one level, within two, around
  // the strokes, so nothing around the paper (a table) is in view.
  bool flat() const { return flat_; }

 private:
  // Which side is ink, in phases: a sparse copy of the image (probe_, pw×ph), its noise, then
  // an even or flat background's verdict if it gives one, else the thin structure's.
  bool light_ink(const std::vector<uint8_t>& gray, int w, int h);
  void sample_probe(const std::vector<uint8_t>& gray, int w, int h, int& pw, int& ph);
  int noise_contrast(int pw, int ph) const;
  bool even_background_says(int pw, int ph, int contrast, bool& light_ink);
  // Sets flat_, flat_level_ and flat_ink_level_; the ink's weight darker and lighter than the border's level.
  void judge_flat(const long long* hist, int pw, int ph, int contrast, double& flat_dark, double& flat_light);
  void structure(int r, int pw, int ph, int contrast, double& dark, double& light);
  bool structure_says(int w, int h, int pw, int ph, int contrast);
  // The phases of flatten() after light_ink().
  const std::vector<float>& flat_darkness(const std::vector<uint8_t>& gray, int w, int h);
  void close_image(const std::vector<uint8_t>& gray, int w, int h, int near);
  void estimate_paper(const std::vector<uint8_t>& gray, int w, int h, int block, int radius, int sw, int sh);
  void darkness_against_paper(const std::vector<uint8_t>& gray, int w, int h, int block, int sw, int sh,
                              float min_paper, bool bold_strokes);
  // Where what the paper estimate's cap (local_close_) takes for ink connects to the image's
  // border, a closing of radius `near` caps instead: a strip of the table between a page's
  // edge and the frame, as narrow as a bold stroke.
  void narrow_cap_at_frame(const std::vector<uint8_t>& gray, int w, int h, int near);

  Morphology<uint8_t> bytes_;
  Morphology<float> floats_;
  std::vector<uint8_t> probe_, probe_closed_, probe_opened_, local_close_, half_close_, narrow_close_, seen_;
  std::vector<int> stack_;
  std::vector<float> small_, closed_, tmp_, row_, tx_, darkness_;
  std::vector<int> x0_;
  bool inverted_ = false;
  bool flat_ = false;
  float flat_level_ = 0, flat_ink_level_ = 0;  // the flat background's and its ink's, before any inversion
};

}  // namespace scrawl
