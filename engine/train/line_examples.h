// Training lines for the line model (recognize/line_reader.h), as the model sees them
// (segment/line_normalizer.h), each with the digits written on it:
// - real amounts (the training cheques), warped a little, cropped a little differently,
//   their contrast and noise changed;
// - new numbers composed from the real amounts' digits (cut by their boxes, with their ink
//   as a matte) and from MNIST digits: spacing from gaps to overlaps, small raised zeros,
//   separators (. , - = /-), an underline touching the digits, printed patterns, on paper of
//   any grey; so the model meets digit sequences, touching pairs and marks the cheques lack;
// - numbers written in one real writer's hand, from the training writers' pen trajectories
//   (synth/pen_numbers.h), long ones too, as on forms, with the same marks and paper;
// - now and then a line with marks and no digit, read as nothing.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/box.h"
#include "core/image.h"
#include "core/rng.h"
#include "data/mnist.h"
#include "real/pen_samples.h"
#include "segment/line_normalizer.h"

namespace scrawl {

struct WrittenLine {
  GrayImage image;
  std::string digits;
  std::vector<Box> boxes;  // one per digit (may be empty: then the line is never cut)
};

struct LineShares {
  float real = 0.45f;      // real lines, augmented
  float no_digit = 0.03f;  // marks only
  // The rest are composed; of their digits this share are MNIST's (the others the real lines').
  float mnist_digits = 0.4f;
  // Of the composed lines, this share are written in one pen writer's hand (when there are any).
  float pen_lines = 0.4f;
  // Of those, this share are whole scans or phone photos of the number (synth/pen_numbers.h),
  // decoded as an upload is, instead of ink composed on paper here.
  float pen_scenes = 0.5f;
};

class LineExampleMaker {
 public:
  // `mnist` may be null (then every composed digit is a real line's); both must outlive this.
  LineExampleMaker(const std::vector<WrittenLine>& lines, const DigitSet* mnist, LineShares shares = {});

  // One example: kLineHeight × kLineWidth floats, and its digits (0–9) in `labels`.
  void make(Rng& rng, float* frame, std::vector<int>& labels);
  // Writers whose pen trajectories compose lines too (only those models may learn from: the
  // caller picks them). Kept by reference.
  void use_pen_writers(const std::vector<real::PenSample>& samples);
  void real(size_t line, Rng& rng, float* frame, std::vector<int>& labels);
  void composed(Rng& rng, float* frame, std::vector<int>& labels, bool no_digit);

  size_t real_count() const { return lines_->size(); }
  size_t glyph_count() const;
  size_t pen_writer_count() const { return pen_writers_.size(); }

  // The parts of a composed line, defined where they are made (line_examples.cpp).
  struct PlacedGlyph;
  struct MarkPlan;
  struct LineLayout;

 private:
  struct Glyph {
    int w = 0, h = 0;
    std::vector<float> alpha;  // ink 1, paper 0
  };
  void finish(const GrayImage& canvas, Rng& rng, float* frame);
  using PenWriter = std::array<std::vector<const real::PenSample*>, 10>;
  void pen_scene(const PenWriter& writer, Rng& rng, float* frame, std::vector<int>& labels);
  // The phases of composed(): its digits, then where each goes.
  void pick_digits(const PenWriter* pen, Rng& rng, std::vector<int>& labels) const;
  LineLayout lay_out(const std::vector<int>& labels, const PenWriter* pen, float height, const MarkPlan& plan,
                     Rng& rng);
  PlacedGlyph pen_glyph(const std::vector<const real::PenSample*>& samples, int i, float h_here, Rng& rng);
  PlacedGlyph real_glyph(int d, float h_here, Rng& rng) const;

  const std::vector<WrittenLine>* lines_;
  const DigitSet* mnist_;
  LineShares shares_;
  std::vector<Glyph> glyphs_[10];                                                 // the real lines' digits, by label
  std::vector<uint32_t> mnist_of_[10];                                            // MNIST digits, by label
  std::vector<std::array<std::vector<const real::PenSample*>, 10>> pen_writers_;  // by writer, then label
  std::vector<const real::PenSample*> pen_number_;
  std::vector<std::vector<float>> pen_glyphs_;  // this line's pen digits, drawn
  LineNormalizer normalizer_;
  GrayImage warped_;
};

}  // namespace scrawl
