// Training examples made from MNIST training digits the way a reader cuts written numbers:
// what the segmenter must not take for one digit (two digits that touch or overlap, a piece
// of a digit, a digit with a piece of its neighbour: the one-digit check's negatives) and what
// is still one digit (a digit with a gap, or with a sliver of its neighbour: the digit model's
// `broken` and `neighbour` augmentations). All in MNIST's own form (28×28, ink fitted into the
// middle 20×20), so the trainer distorts and prepares them exactly as it does single digits.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/rng.h"
#include "data/mnist.h"

namespace scrawl {

// A whole digit with a thin gap across its strokes: still one digit (28×28, MNIST's form).
void break_strokes(const uint8_t* digit, Rng& rng, uint8_t* out);

class NotOneDigitMaker {
 public:
  // Still one digit, as the reader cuts it from a number whose digits touch: all of `digit`
  // with a sliver (a tenth to a third) of a neighbour touching its left or right side.
  void with_neighbour_sliver(const DigitSet& set, size_t digit, size_t pool_begin, size_t pool_end, Rng& rng,
                             uint8_t* out);

  // digit: the index of the first digit; partners are drawn from [pool_begin, pool_end).
  // out: 28×28, 0 = background, 255 = ink.
  void make(const DigitSet& set, size_t digit, size_t pool_begin, size_t pool_end, Rng& rng, uint8_t* out);

 private:
  struct Canvas {
    int w = 0, h = 0;
    std::vector<float> ink;
    float& at(int x, int y) { return ink[size_t(y) * size_t(w) + size_t(x)]; }
  };
  void pair(const uint8_t* a, const uint8_t* b, bool draw_b, Rng& rng);
  void cut(Rng& rng, float from, float to, bool keep_left, float max_slope = 0.3f);
  void fit(uint8_t* out);

  Canvas canvas_;
  int a_width_ = 0, b_left_ = 0, b_width_ = 0;  // the last pair's layout
  std::vector<float> crop_, scaled_, fitted_;
};

}  // namespace scrawl
