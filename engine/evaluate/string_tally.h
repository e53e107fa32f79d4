// How far a reading of a number is from what was written: the edit distance split into digits
// read wrongly, left out and made up, and the running tally over many numbers (exact rate and
// character error rate) that `scrawl eval --strings`, `--amounts` and `--numbers` print.
#pragma once
#include <cstddef>
#include <string>

namespace scrawl {

// Levenshtein distance from `want` to `got` (every character counts, spaces too: a line break
// that is not there is an error).
struct Edits {
  size_t substituted = 0, deleted = 0, inserted = 0;
  size_t total() const { return substituted + deleted + inserted; }
};
Edits edit_distance(const std::string& want, const std::string& got);

// The digits of a reading alone: separators and line breaks are not in the labels of amounts
// and numbers, so only the digits are compared.
std::string digits_of(const std::string& text);

struct StringTally {
  size_t strings = 0, exact = 0, errors = 0, chars = 0;
  Edits edits;
  void add(const std::string& want, const std::string& got);
  double exact_rate() const { return strings ? double(exact) / double(strings) : 0; }
  // Edits over the characters written: a reading that makes up digits can pass 100%.
  double cer() const { return chars ? double(errors) / double(chars) : 0; }
};

}  // namespace scrawl
