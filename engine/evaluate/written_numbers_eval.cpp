#include "written_numbers_eval.h"

#include <atomic>
#include <chrono>
#include <utility>

#include "string_tally.h"

namespace scrawl {

Result<WrittenNumbersRun> read_written_numbers(const std::vector<WrittenNumber>& numbers, uint64_t seed, int threads,
                                               const ReaderFactory& make_reader, bool keep_wrong,
                                               const ReadProgress& progress) {
  const size_t images = numbers.size() * kLooks;
  WrittenNumbersRun run;
  run.got.resize(images);
  run.traits.resize(images);
  run.wrong_files.resize(keep_wrong ? images : 0);
  std::atomic<size_t> done{0};
  const auto t0 = std::chrono::steady_clock::now();
  Status st = on_readers(images, threads, make_reader, [&](Recognizer& rec, size_t i) -> Status {
    Rng rng(seed, 43 + i % kLooks, i / kLooks);
    synth::Scene scene = synth::written_number(numbers[i / kLooks].digits, kNumberLooks[i % kLooks], rng);
    auto r = rec.read(scene.file);
    run.got[i] = r ? r->digit_text : "error: " + r.error().message;
    run.traits[i] = std::move(scene.traits);
    if (keep_wrong && digits_of(run.got[i]) != numbers[i / kLooks].text) run.wrong_files[i] = std::move(scene.file);
    const size_t d = ++done;
    if (progress) progress(d, images);
    return Ok{};
  });
  if (!st) return st.error();
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return run;
}

}  // namespace scrawl
