#include "separators.h"

#include <algorithm>

namespace scrawl {
namespace {

// In digit heights (H) of the line, measured from its digits' typical top and baseline.
// A point or comma: no side longer than kDotMost, none shorter than kDotLeast (a speck of
// dust or grain is smaller), its middle in the lowest part of the line, below kLowFrom.
constexpr float kDotMost = 0.4f, kDotLeast = 0.08f, kLowFrom = 0.65f;
// A comma is a point with a tail: this many times as tall as wide, reaching below the baseline.
constexpr float kCommaTall = 1.5f, kCommaBelow = 0.08f;
// A dash: at least this many times as wide as high, from kDashShortest to kDashLongest wide,
// lower than kDashHighest, its middle between kMidFrom and kMidTo.
constexpr float kDashFlat = 1.6f, kDashShortest = 0.16f, kDashLongest = 2.0f, kDashHighest = 0.35f;
constexpr float kMidFrom = 0.2f, kMidTo = 0.85f;
// Two dashes one above the other, less than this apart, are an equals sign.
constexpr float kEqualsGap = 0.5f;
// Marks are read between the first digit and this far beyond the last one: a mark before a
// number is a currency sign or a stray stroke, not one of these.
constexpr float kTrailing = 1.5f;
constexpr int kLeastPixels = 2;

int median(std::vector<int>& v) {
  std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
  return v[v.size() / 2];
}

}  // namespace

void SeparatorFinder::find(std::span<const FoundDigit> digits, std::span<const Box> left_out, int line,
                           std::vector<Mark>& out) {
  if (digits.size() < 2 || left_out.empty()) return;
  values_.clear();
  for (const FoundDigit& d : digits) values_.push_back(d.box.h);
  const float H = float(median(values_));
  values_.clear();
  for (const FoundDigit& d : digits) values_.push_back(d.box.y);
  const float top = float(median(values_));
  values_.clear();
  for (const FoundDigit& d : digits) values_.push_back(d.box.bottom());
  const float base = float(median(values_));
  const float from = float(digits.front().box.x + digits.front().box.w / 2);
  const float to = float(digits.back().box.right()) + kTrailing * H;

  found_.clear();
  for (const Box& b : left_out) {
    const float cx = float(b.x) + 0.5f * float(b.w), cy = float(b.y) + 0.5f * float(b.h);
    if (cx < from || cx > to) continue;
    const float longer = float(std::max(b.w, b.h)), shorter = float(std::min(b.w, b.h));
    if (shorter < float(kLeastPixels)) continue;
    const bool flat = float(b.w) >= kDashFlat * float(b.h);
    if (flat && float(b.w) <= kDashLongest * H && float(b.h) <= kDashHighest * H && cy >= top + kMidFrom * H &&
        cy <= top + kMidTo * H && float(b.w) >= kDashShortest * H) {
      found_.push_back({'-', b, line});
      continue;
    }
    if (longer > kDotMost * H || longer < kDotLeast * H || cy < top + kLowFrom * H) continue;
    const bool comma = float(b.h) >= kCommaTall * float(b.w) && float(b.bottom()) > base + kCommaBelow * H;
    found_.push_back({comma ? ',' : '.', b, line});
  }
  std::sort(found_.begin(), found_.end(), [](const Mark& a, const Mark& b) { return a.box.x < b.box.x; });
  // Two dashes stacked are one equals sign.
  for (size_t i = 0; i < found_.size(); ++i) {
    if (found_[i].symbol != '-') continue;
    for (size_t j = i + 1; j < found_.size(); ++j) {
      Mark& other = found_[j];
      if (other.symbol != '-') continue;
      const Box& a = found_[i].box;
      const int overlap = std::min(a.right(), other.box.right()) - std::max(a.x, other.box.x);
      const int gap = std::max(other.box.y - a.bottom(), a.y - other.box.bottom());
      if (overlap * 2 >= std::min(a.w, other.box.w) && float(gap) < kEqualsGap * H) {
        found_[i].symbol = '=', found_[i].box = unite(a, other.box);
        other.symbol = 0;
      }
    }
  }
  for (const Mark& m : found_)
    if (m.symbol) out.push_back(m);
}

}  // namespace scrawl
