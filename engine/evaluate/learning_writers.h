// The writers `npm run eval:learning` teaches the model: real writers with many digits of each
// kind (their pen trajectories drawn on a canvas), and synthetic writers, MNIST test digits
// each bent the same way for one writer (a hard slant, sideways, wavy...), a hand the shipped
// model reads worse than most. Every sample is what the page keeps when a person corrects a
// reading: the 28×28 input the reader made of the image.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "data/mnist.h"
#include "learn/personal_trainer.h"
#include "real/pen_samples.h"
#include "recognize/recognizer.h"

namespace scrawl {

struct WriterSamples {
  std::string name;  // "unipen:syn-W012", "synthetic:sideways"
  std::vector<learn::Sample> samples;
};

// Every pen writer with at least `min_per_digit` samples of each digit.
std::vector<WriterSamples> real_learning_writers(const std::vector<real::PenSample>& pens, Recognizer& reader,
                                                 int min_per_digit, uint64_t seed);

// The five synthetic writers, `per_digit` digits of each kind apiece (none shared).
std::vector<WriterSamples> synthetic_learning_writers(const DigitSet& mnist_test, Recognizer& reader, int per_digit);

}  // namespace scrawl
