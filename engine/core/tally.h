// Counting values into bins, as histograms of an image's greys or darkness are made. A plain
// `++counts[bin]` makes each count wait for the one before when runs of one value follow each
// other (a canvas's paper, an even scan: most pixels), so a histogram took longer than the
// passes around it. Four tables, taken in turn and summed at the end, keep four counts in
// flight.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>

namespace scrawl {

template <int kBins>
class Tally {
 public:
  // Counts bin_of(i) for each i < n (each a bin below kBins).
  template <class BinOf>
  void add(size_t n, BinOf bin_of) {
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
      ++parts_[0][size_t(bin_of(i))];
      ++parts_[1][size_t(bin_of(i + 1))];
      ++parts_[2][size_t(bin_of(i + 2))];
      ++parts_[3][size_t(bin_of(i + 3))];
    }
    for (; i < n; ++i) ++parts_[0][size_t(bin_of(i))];
  }
  // The count of bin b so far.
  long long operator[](int b) const {
    return (long long)parts_[0][size_t(b)] + parts_[1][size_t(b)] + parts_[2][size_t(b)] + parts_[3][size_t(b)];
  }
  // Every bin's count, added to counts[0, kBins).
  template <class Count>
  void add_to(Count* counts) const {
    for (int b = 0; b < kBins; ++b) counts[b] += Count((*this)[b]);
  }

 private:
  // Each table counts at most a quarter of the values, and an image holds at most 50 million
  // pixels (decode/decode.h): 32 bits are plenty.
  std::array<std::array<uint32_t, size_t(kBins)>, 4> parts_{};
};

}  // namespace scrawl
