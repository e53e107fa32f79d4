// What `scrawl eval --numbers` writes: numbers of 5 to 10 digits, each made of one real
// writer's own pen samples (real/pen_samples.h), to be handed over as a scan and as a photo
// (synth/pen_numbers.h).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "real/pen_samples.h"
#include "real/writer_split.h"
#include "synth/pen_numbers.h"

namespace scrawl {

struct WrittenNumber {
  std::vector<const real::PenSample*> digits;  // into the samples given, in writing order
  std::string text;                            // the digits written
  std::string source;                          // the writer's data set: "unipen", "uji", ...
};

struct WrittenNumbers {
  std::vector<WrittenNumber> numbers;
  size_t writers = 0;  // of the part with at least 5 samples; none: no numbers either
};

// Writers, not samples, are drawn evenly: a few UNIPEN contributors gave thousands of digits.
// Only writers with 5 samples or more write numbers.
WrittenNumbers pick_written_numbers(const std::vector<real::PenSample>& pens, real::WriterUse use, size_t count,
                                    uint64_t seed);

// Every number is read twice: image i is number i / 2 in look i % 2.
inline constexpr synth::NumberLook kNumberLooks[] = {synth::NumberLook::kScan, synth::NumberLook::kPhoto};
inline constexpr const char* kNumberLookNames[] = {"scan", "photo"};

}  // namespace scrawl
