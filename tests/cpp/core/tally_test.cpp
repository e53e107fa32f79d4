#include "core/tally.h"

#include <gtest/gtest.h>

#include <vector>

#include "core/rng.h"

namespace scrawl {
namespace {

TEST(Tally, CountsWhatOneCounterAtATimeCounts) {
  Rng rng(3);
  for (const size_t n : {size_t(0), size_t(1), size_t(3), size_t(4), size_t(7), size_t(1001)}) {
    std::vector<int> values(n);
    // Long runs of one value, as a canvas's paper gives, and scattered values.
    for (size_t i = 0; i < n; ++i) values[i] = i % 97 < 60 ? 255 : rng.below(256);
    long long plain[256] = {};
    for (int v : values) ++plain[v];
    Tally<256> tally;
    tally.add(n, [&](size_t i) { return values[i]; });
    tally.add(n / 2, [&](size_t i) { return values[i]; });  // a second call adds to the first
    for (size_t i = 0; i < n / 2; ++i) ++plain[values[i]];
    long long counted[256] = {};
    tally.add_to(counted);
    for (int b = 0; b < 256; ++b) {
      ASSERT_EQ(counted[b], plain[b]) << "bin " << b << " of " << n << " values";
      ASSERT_EQ(tally[b], plain[b]);
    }
  }
}

}  // namespace
}  // namespace scrawl
