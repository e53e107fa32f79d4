#include "real_writers_eval.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <utility>

#include "real_writers_scene.h"

namespace scrawl {

Result<RealWritersRun> read_real_writers(const std::vector<RealItem>& items, const std::vector<real::PenSample>& pens,
                                         const real::CvlDigits& cvl, uint64_t seed, int threads,
                                         const ReaderFactory& make_reader, bool keep_failures,
                                         const ReadProgress& progress) {
  RealWritersRun run;
  run.answers.resize(items.size());
  std::atomic<size_t> done{0};
  std::mutex failed_lock;
  const auto t0 = std::chrono::steady_clock::now();
  Status st = on_readers(items.size(), threads, make_reader, [&](Recognizer& rec, size_t i) -> Status {
    const RealItem& it = items[i];
    RealImage image = render_real_item(it, pens, cvl, seed);
    RealAnswer& answer = run.answers[i] = answer_of(rec.read(image.file));
    if (keep_failures && !read_right(it, answer)) {
      std::lock_guard<std::mutex> g(failed_lock);
      run.failures.push_back({it.kind, i, it.label < 0 ? "none" : std::to_string(it.label),
                              answer.text.empty() ? "nothing" : answer.text, std::move(image.traits),
                              std::move(image.file), image.jpeg});
    }
    const size_t d = ++done;
    if (progress) progress(d, items.size());
    return Ok{};
  });
  if (!st) return st.error();
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::sort(run.failures.begin(), run.failures.end(),
            [](const RealFailure& a, const RealFailure& b) { return a.item < b.item; });
  return run;
}

}  // namespace scrawl
