// `scrawl eval --numbers`'s reading: every number written as a scan and as a photo
// (synth::written_number) and read through read(), as an upload is, on several threads.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "train/reader_threads.h"
#include "written_numbers_items.h"

namespace scrawl {

struct WrittenNumbersRun {
  // Per image (number i / 2 in look i % 2): the reading (or "error: " and why) and how it was made.
  std::vector<std::string> got, traits;
  std::vector<std::vector<uint8_t>> wrong_files;  // with keep_wrong, the file of each image whose digits were
                                                  // read wrongly (others empty)
  double seconds = 0;                             // write, encode, decode and read, all threads
};

Result<WrittenNumbersRun> read_written_numbers(const std::vector<WrittenNumber>& numbers, uint64_t seed, int threads,
                                               const ReaderFactory& make_reader, bool keep_wrong,
                                               const ReadProgress& progress = {});

}  // namespace scrawl
