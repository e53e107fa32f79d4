#include "reader_threads.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace scrawl {

Status on_readers(size_t count, int threads, const ReaderFactory& make_reader,
                  const std::function<Status(Recognizer&, size_t)>& job) {
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::optional<Error> error;
  std::mutex lock;
  const auto fail = [&](Error e) {
    std::lock_guard<std::mutex> g(lock);
    if (!error) error = std::move(e);
    failed = true;
  };
  auto work = [&]() {
    auto rec = make_reader();
    if (!rec) return fail(rec.error());
    for (size_t j; !failed && (j = next++) < count;)
      if (Status st = job(**rec, j); !st) return fail(st.error());
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < std::max(1, threads); ++t) pool.emplace_back(work);
  for (auto& t : pool) t.join();
  if (error) return *error;
  return Ok{};
}

int evaluation_threads() { return int(std::max(1u, std::min(2u, std::thread::hardware_concurrency()))); }

}  // namespace scrawl
