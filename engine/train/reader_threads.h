// Readers on threads: the tools read thousands of images (evaluations, the reader's own cuts
// of real writers' digits for training), and a Recognizer keeps buffers that one thread at a
// time may use, so each thread gets a reader of its own.
#pragma once
#include <cstddef>
#include <functional>
#include <memory>

#include "core/status.h"
#include "recognize/recognizer.h"

namespace scrawl {

using ReaderFactory = std::function<Result<std::unique_ptr<Recognizer>>()>;
// Called from the reading threads with the images read so far and in all.
using ReadProgress = std::function<void(size_t done, size_t total)>;

// Runs job(reader, j) for every j below `count` on `threads` threads, each with a reader of
// its own from make_reader. The first error, of making a reader or of a job, stops the work
// and is returned. Jobs run in no fixed order: a job that draws random numbers seeds its own.
Status on_readers(size_t count, int threads, const ReaderFactory& make_reader,
                  const std::function<Status(Recognizer&, size_t)>& job);

// The threads an evaluation reads on: two, or one on a single core.
int evaluation_threads();

}  // namespace scrawl
