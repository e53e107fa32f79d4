// A 12-megapixel phone photo of a page, for `scrawl eval --strings`: the time read() takes must
// not grow with the megapixels (the segmenter reads a working copy).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "recognize/recognizer.h"
#include "synth/string_page.h"

namespace scrawl {

// The page's pixels scaled (bilinear) to w×h RGBA.
std::vector<uint8_t> phone_photo_rgba(const synth::Page& page, int w, int h);

struct PhonePhotoTiming {
  double best_seconds = 0;  // the fastest of three reads
  std::string got;          // the reading, or the error's message
  std::string written;
};

// A 1000×750 page of 5 digits (Rng(seed, 999999, 17)) as a 4000×3000 photo, read three times.
PhonePhotoTiming time_phone_photo(Recognizer& reader, synth::PageMaker& maker, uint64_t seed);

}  // namespace scrawl
