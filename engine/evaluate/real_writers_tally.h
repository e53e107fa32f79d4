// How each item of `scrawl eval --real` was read, and the table made of it: per kind of input
// and per source, the items read right, those where no digit was found (empty), more than one
// (split), another digit (misread), and the misreads the reader was sure of.
#pragma once
#include <array>
#include <map>
#include <string>
#include <vector>

#include "real_writers_items.h"
#include "recognize/recognizer.h"

namespace scrawl {

struct RealAnswer {
  std::string text;      // the reading, or "error: " and why
  int digit = -2;        // the one digit read; -1 none (a refusal too), -2 several
  float confidence = 0;  // of the surest digit read
};
RealAnswer answer_of(const Result<Reading>& reading);

// An image of no digit is read right when no digit is found, a digit when exactly it is.
bool read_right(const RealItem& item, const RealAnswer& answer);

// A misread this sure is one the app would show without a doubt.
inline constexpr float kSureMisread = 0.8f;

struct RealTally {
  size_t n = 0, right = 0, empty = 0, split = 0, wrong = 0, sure_wrong = 0;
};
struct RealWritersTally {
  std::array<RealTally, kRealKinds> total;
  std::array<std::map<std::string, RealTally>, kRealKinds> by_group;  // by RealItem::group
};

// answers[i] is how items[i] was read. For images of no digit any digit found is wrong.
RealWritersTally tally_real_writers(const std::vector<RealItem>& items, const std::vector<RealAnswer>& answers);

}  // namespace scrawl
