// Readers on threads (train/reader_threads.h) and the reader's own cuts of drawn shapes
// (train/real_cutouts.h): every job once, the first error returned, the same examples whatever
// the threads.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "train/reader_threads.h"
#include "train/real_cutouts.h"

namespace scrawl {
namespace {

Result<std::unique_ptr<Recognizer>> built_in() { return Recognizer::from_embedded(); }

TEST(OnReaders, RunsEveryJobOnceWithAReaderPerThread) {
  std::vector<std::atomic<int>> runs(50);
  std::atomic<int> readers{0};
  const ReaderFactory make = [&] {
    ++readers;
    return built_in();
  };
  auto st = on_readers(runs.size(), 2, make, [&](Recognizer&, size_t j) -> Status {
    ++runs[j];
    return Ok{};
  });
  ASSERT_TRUE(st.ok()) << st.error().message;
  for (const auto& r : runs) EXPECT_EQ(r.load(), 1);
  EXPECT_EQ(readers.load(), 2);
  EXPECT_TRUE(on_readers(0, 0, make, [](Recognizer&, size_t) -> Status { return Ok{}; }).ok());
  EXPECT_GE(evaluation_threads(), 1);
  EXPECT_LE(evaluation_threads(), 2);
}

TEST(OnReaders, StopsAtTheFirstErrorAndReturnsIt) {
  std::atomic<int> runs{0};
  auto st = on_readers(1000, 2, built_in, [&](Recognizer&, size_t j) -> Status {
    ++runs;
    if (j == 3) return make_error(ErrorCode::kBadArgument, "job 3 failed");
    // A job takes a while, as a reading does: the other thread cannot run out every job while
    // the one that failed waits to be scheduled (jobs that return at once could, on a busy
    // machine).
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return Ok{};
  });
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().message, "job 3 failed");
  EXPECT_LT(runs.load(), 1000);

  const ReaderFactory broken = [] {
    return Result<std::unique_ptr<Recognizer>>(make_error(ErrorCode::kIo, "no model"));
  };
  auto none = on_readers(10, 2, broken, [](Recognizer&, size_t) -> Status { return Ok{}; });
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().message, "no model");
}

TEST(RealCutouts, DrawnShapesAreNotOneDigitAndTheSameOnAnyThreads) {
  LabelledCutouts one, two;
  ASSERT_TRUE(cut_drawn_shapes(6, built_in, 5, 1, one).ok());
  ASSERT_TRUE(cut_drawn_shapes(6, built_in, 5, 2, two).ok());
  EXPECT_EQ(one.labels, two.labels);
  ASSERT_EQ(one.pixels.size(), two.pixels.size());
  for (size_t i = 0; i < one.pixels.size(); ++i) EXPECT_EQ(one.pixels[i], two.pixels[i]);
  EXPECT_FALSE(one.labels.empty());  // some drawings are read as a digit or two
  EXPECT_EQ(one.count(1), one.labels.size());
  EXPECT_EQ(one.pixels.size(), one.digits.size());
}

// Shapes cut to their ink as a scanner's crop only add cut-outs after those of the scenes.
TEST(RealCutouts, InkCropsOfShapesOnlyAddCutOuts) {
  LabelledCutouts plain, with_crops;
  ASSERT_TRUE(cut_drawn_shapes(24, built_in, 5, 2, plain).ok());
  ASSERT_TRUE(cut_drawn_shapes(24, built_in, 5, 2, with_crops, true).ok());
  ASSERT_GT(with_crops.pixels.size(), plain.pixels.size());
  for (size_t i = 0; i < plain.pixels.size(); ++i) EXPECT_EQ(with_crops.pixels[i], plain.pixels[i]);
  EXPECT_EQ(with_crops.count(1), with_crops.labels.size());
}

TEST(RealCutouts, SayWhatIsMissingFromTheRealDataFolder) {
  LabelledCutouts out;
  auto st = cut_real_writers("/nonexistent-scrawl-data", built_in, 1, 1, out);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.error().message.find("strokes"), std::string::npos) << st.error().message;
  EXPECT_TRUE(out.labels.empty());
}

}  // namespace
}  // namespace scrawl
