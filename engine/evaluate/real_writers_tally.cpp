#include "real_writers_tally.h"

#include <algorithm>

namespace scrawl {

RealAnswer answer_of(const Result<Reading>& r) {
  RealAnswer a;
  if (!r) {
    a.text = "error: " + r.error().message;
    a.digit = -1;  // no digit given: a refusal of noise is right for "none", wrong for a digit
    return a;
  }
  a.text = r->digit_text;
  a.digit = r->digits.empty() ? -1 : r->digits.size() == 1 ? r->digits[0].digit : -2;
  if (!r->digits.empty())
    a.confidence = std::max_element(r->digits.begin(), r->digits.end(), [](const ReadDigit& x, const ReadDigit& y) {
                     return x.confidence < y.confidence;
                   })->confidence;
  return a;
}

bool read_right(const RealItem& item, const RealAnswer& answer) {
  return item.label < 0 ? answer.digit == -1 : answer.digit == item.label;
}

namespace {

void count(RealTally& t, const RealItem& it, const RealAnswer& a) {
  ++t.n;
  if (it.label < 0) {
    if (a.digit != -1) ++t.wrong, t.sure_wrong += a.confidence >= kSureMisread;
    else ++t.right;
    return;
  }
  if (a.digit == it.label) ++t.right;
  else if (a.digit == -1) ++t.empty;
  else if (a.digit == -2) ++t.split;
  else ++t.wrong, t.sure_wrong += a.confidence >= kSureMisread;
}

}  // namespace

RealWritersTally tally_real_writers(const std::vector<RealItem>& items, const std::vector<RealAnswer>& answers) {
  RealWritersTally out;
  for (size_t i = 0; i < items.size(); ++i) {
    const RealItem& it = items[i];
    count(out.total[size_t(it.kind)], it, answers[i]);
    count(out.by_group[size_t(it.kind)][it.group], it, answers[i]);
  }
  return out;
}

}  // namespace scrawl
