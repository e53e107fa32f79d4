// What `scrawl eval --numbers` writes: numbers of 5 to 10 digits, each made of one real
// writer's own pen samples (real/pen_samples.h), to be handed over as a scan, as a photo and
// as a scan of a form's printed boxes (synth/pen_numbers.h).
#pragma once
#include <cstddef>
#include <cstdint>
#include <iterator>
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

// Every number is read once in each look: image i is number i / kLooks in look i % kLooks.
inline constexpr synth::NumberLook kNumberLooks[] = {synth::NumberLook::kScan, synth::NumberLook::kPhoto,
                                                     synth::NumberLook::kBoxes};
inline constexpr size_t kLooks = std::size(kNumberLooks);
inline constexpr const char* kNumberLookNames[kLooks] = {"scan", "photo", "boxes"};

}  // namespace scrawl
