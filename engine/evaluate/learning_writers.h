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

// How many synthetic hands there are, and digit (MNIST's form: 28×28, 255 = ink) written in
// hand `hand`, black on a white 280×280 canvas.
size_t synthetic_hand_count();
GrayImage in_synthetic_hand(const uint8_t* digit, size_t hand);

// The five synthetic writers, `per_digit` digits of each kind apiece (none shared).
std::vector<WriterSamples> synthetic_learning_writers(const DigitSet& mnist_test, Recognizer& reader, int per_digit);

// The same five hands writing digits drawn by code (learn/drawn_digits.h) instead of MNIST's:
// writers for tests that need no data set.
// only: one hand by its name ("sideways"), or "" for all five.
std::vector<WriterSamples> drawn_learning_writers(Recognizer& reader, int per_digit, uint64_t seed,
                                                  const std::string& only = "");

}  // namespace scrawl
