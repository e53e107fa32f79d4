// Training examples for the one-digit check cut by the reader itself. Pages are written with
// MNIST training digits (synth::PageMaker) and read by the segmenter; every candidate digit it
// weighs is labelled by whose ink it holds (Page::owner): one whole digit, or not one (two
// digits, a piece of one, a speck, a ruled line, the table's edge). The check then learns from
// the cuts the reader really makes, beside the composed pairs and pieces of not_one_digit.h.
#pragma once
#include <cstdint>
#include <vector>

#include "core/rng.h"
#include "data/mnist.h"
#include "segment/digit_normalizer.h"

namespace scrawl {

struct LabelledCutouts {
  std::vector<DigitPixels> pixels;  // as the model reads them
  std::vector<uint8_t> labels;      // the one-digit check's classes: 0 one whole digit, 1 not one
  std::vector<uint8_t> digits;      // for one whole digit, which digit it is (the written one)
  size_t count(uint8_t label) const {
    size_t n = 0;
    for (uint8_t l : labels) n += l == label;
    return n;
  }
};

// What a candidate holds, as shares of each written digit's ink. Candidates between the two
// rules (a digit with a larger sliver of its neighbour, most of a digit) are left out.
// Returns 0 (one whole digit), 1 (not one) or -1 (left out).
int label_cutout(float largest_share, float second_share);

// Reads `pages` pages of 3 to 10 digits drawn from `digits` (page k from Rng(seed, k)) and
// appends every candidate that gets a label, in page order. threads: pages read at once.
void cut_pages(const DigitSet& digits, int pages, uint64_t seed, int threads, LabelledCutouts& out);

}  // namespace scrawl
