// `scrawl eval --real`'s reading: every item rendered (real_writers_scene.h) and read through
// read(), as an upload is, on several threads; the images read wrongly kept for a gallery.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "real_writers_items.h"
#include "real_writers_tally.h"
#include "train/reader_threads.h"

namespace scrawl {

struct RealFailure {
  RealKind kind;
  size_t item;
  std::string want, got, traits;  // "none" or the digit; "nothing" when no digit was found
  std::vector<uint8_t> file;
  bool jpeg;
};

struct RealWritersRun {
  std::vector<RealAnswer> answers;    // per item
  std::vector<RealFailure> failures;  // with keep_failures, in item order
  double seconds = 0;                 // render, decode and read, all threads
};

Result<RealWritersRun> read_real_writers(const std::vector<RealItem>& items, const std::vector<real::PenSample>& pens,
                                         const real::CvlDigits& cvl, uint64_t seed, int threads,
                                         const ReaderFactory& make_reader, bool keep_failures,
                                         const ReadProgress& progress = {});

}  // namespace scrawl
