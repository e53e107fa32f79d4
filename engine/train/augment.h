// Training-time distortions that mirror what users feed the app. Each is switchable.
// A digit is rendered onto a larger canvas as a GrayImage (dark ink on light paper or the
// reverse), so that training sees it through exactly the preprocessing inference uses.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/image.h"
#include "core/rng.h"

namespace scrawl {

struct AugmentOptions {
  bool affine = true;     // at strength 1: rotation ±15°, scale 0.8–1.2 per axis, shear ±0.25, shift
  bool elastic = true;    // smooth random displacement field (Simard et al. 2003), half of the time;
                          // amplitude 20–34 px at strength 1
  bool thickness = true;  // strokes thicker (finger on a phone) or thinner (fine pen)
  bool blur = true;       // mild Gaussian blur, a fifth of the time
  bool noise = true;      // sensor noise or salt and pepper, a fifth of the time
  bool polarity = true;   // dark ink on light paper half of the time, with random paper/ink levels
  bool broken = true;     // a thin gap across the strokes (a pen that skipped, a crease), a tenth of the time
  bool neighbour = true;  // a sliver (a tenth to a quarter) of another digit touching one side, as a
                          // cut through touching digits leaves it, a tenth of the time
  bool crossed = true;    // a 0 with a slash or a bar through it, as many writers cross their 0s
                          // and MNIST's writers do not, a quarter of the 0s
  // Asked for by name only ("all" is the set above, as the shipped models were trained):
  bool stretched = false;  // the ink stretched to fill a square, as some scanners' software saves
                           // digits (a 1 as wide as it is tall), a tenth of the time
  bool bilevel = false;    // black and white only, as a bilevel scanner leaves it, a tenth of the time
  float strength = 0.5f;   // scales the geometric distortions (affine ranges, elastic amplitude)

  bool any() const {
    return affine || elastic || thickness || blur || noise || polarity || broken || neighbour || crossed || stretched ||
           bilevel;
  }
  // "all", "none" or a comma list such as "affine,thickness" (all and more: every name listed).
  static bool parse(const std::string& list, AugmentOptions& out);
  // The distortions that are on, as parse() reads them: "all", "none" or a comma list.
  std::string list() const;
  // list(), and the strength where it is not the default.
  std::string describe() const;
};

class Augmenter {
 public:
  static constexpr int kCanvas = 40;
  explicit Augmenter(AugmentOptions options) : opt_(options) {}
  // digit: 28×28, 0 = background, 255 = ink (MNIST's own convention). is_zero: the digit is one
  // whole 0, which `crossed` may cross.
  void render(const uint8_t* digit, Rng& rng, GrayImage& out, bool is_zero = false);

 private:
  // From output to source coordinates around the centre: (a b; c d) · (p - centre - t).
  struct InverseAffine {
    float a = 1, b = 0, c = 0, d = 1, tx = 0, ty = 0;
  };
  // The phases of render(), in order, on src_ (the digit on the canvas) into a_.
  InverseAffine random_affine(Rng& rng) const;
  void random_displacement(Rng& rng);  // dx_, dy_: the elastic distortion
  void warp(const InverseAffine& map, bool elastic);
  void change_thickness(Rng& rng);
  void stretch_to_square();  // a_'s ink box resampled to fill a square around the centre
  void on_paper(Rng& rng, GrayImage& out);

  AugmentOptions opt_;
  std::vector<float> src_, a_, b_, dx_, dy_;
};

}  // namespace scrawl
