#include "written_numbers_tally.h"

namespace scrawl {

const char* length_group(size_t n) { return n <= 5 ? "5" : n <= 7 ? "6-7" : "8-10"; }

std::array<NumbersLookTally, kLooks> tally_written_numbers(const std::vector<WrittenNumber>& numbers,
                                                           const std::vector<std::string>& got) {
  std::array<NumbersLookTally, kLooks> looks;
  for (size_t i = 0; i < got.size(); ++i) {
    const WrittenNumber& n = numbers[i / kLooks];
    NumbersLookTally& t = looks[i % kLooks];
    const std::string read = digits_of(got[i]);
    t.total.add(n.text, read);
    t.by_length[length_group(n.text.size())].add(n.text, read);
    t.by_source[n.source].add(n.text, read);
    t.split += got[i].find(' ') != std::string::npos && got[i].rfind("error", 0) != 0;
    t.empty += read.empty();
  }
  return looks;
}

}  // namespace scrawl
