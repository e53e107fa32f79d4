// The table `scrawl eval --numbers` prints, per look (scan, photo, boxes): how many numbers are read
// exactly and the character error rate, by length and by the writers' data set, and the
// readings split over two lines or with no digit at all.
#pragma once
#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "string_tally.h"
#include "written_numbers_items.h"

namespace scrawl {

struct NumbersLookTally {
  StringTally total;
  std::map<std::string, StringTally> by_length;  // by length_group
  std::map<std::string, StringTally> by_source;  // by WrittenNumber::source
  size_t split = 0, empty = 0;
};

// "5", "6-7" or "8-10" digits.
const char* length_group(size_t digits);

// got[i] is the reading of number i / kLooks in look i % kLooks. Only its digits are compared; a
// reading with a space is one split over lines (an error message is not).
std::array<NumbersLookTally, kLooks> tally_written_numbers(const std::vector<WrittenNumber>& numbers,
                                                           const std::vector<std::string>& got);

}  // namespace scrawl
