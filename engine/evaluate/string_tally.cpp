#include "string_tally.h"

#include <algorithm>
#include <vector>

namespace scrawl {

Edits edit_distance(const std::string& want, const std::string& got) {
  const size_t n = want.size(), m = got.size();
  std::vector<size_t> d((n + 1) * (m + 1));
  auto at = [&](size_t i, size_t j) -> size_t& { return d[i * (m + 1) + j]; };
  for (size_t i = 0; i <= n; ++i) at(i, 0) = i;
  for (size_t j = 0; j <= m; ++j) at(0, j) = j;
  for (size_t i = 1; i <= n; ++i)
    for (size_t j = 1; j <= m; ++j)
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (want[i - 1] != got[j - 1])});
  Edits e;
  for (size_t i = n, j = m; i > 0 || j > 0;) {
    if (i > 0 && j > 0 && at(i, j) == at(i - 1, j - 1) + (want[i - 1] != got[j - 1])) {
      e.substituted += want[i - 1] != got[j - 1];
      --i, --j;
    } else if (i > 0 && at(i, j) == at(i - 1, j) + 1) {
      ++e.deleted, --i;
    } else {
      ++e.inserted, --j;
    }
  }
  return e;
}

std::string digits_of(const std::string& text) {
  std::string out;
  for (char c : text)
    if (c >= '0' && c <= '9') out += c;
  return out;
}

void StringTally::add(const std::string& want, const std::string& got) {
  ++strings;
  exact += want == got;
  const Edits e = edit_distance(want, got);
  edits.substituted += e.substituted, edits.deleted += e.deleted, edits.inserted += e.inserted;
  errors += e.total();
  chars += want.size();
}

}  // namespace scrawl
