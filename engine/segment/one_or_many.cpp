#include "one_or_many.h"

#include <algorithm>

namespace scrawl {

bool OneOrMany::weigh(const InkSource& src, std::span<const Group> groups, std::span<const int> used_groups,
                      const DigitScorer& score, std::vector<FoundDigit>& found) {
  if (used_groups.empty()) return false;
  int largest = 0;
  for (int g : used_groups) largest = std::max(largest, groups[size_t(g)].area);
  atoms_.clear();
  Box box;
  for (int g : used_groups) {
    if (float(groups[size_t(g)].area) < kSpeckShare * float(largest)) continue;
    Atom a;
    a.group = g;
    a.box = groups[size_t(g)].box;
    atoms_.push_back(a);
    box = unite(box, a.box);
  }
  if (atoms_.empty() || int(atoms_.size()) > kMaxPieces || float(box.w) > kMaxAspect * float(box.h)) return false;
  // One digit's pieces lie close together: each near another one (a 7's bar, an 8's loops).
  if (atoms_.size() > 1) {
    const float reach = kMaxGap * float(box.h);
    for (const Atom& a : atoms_) {
      bool near = false;
      for (const Atom& b : atoms_) {
        if (&a == &b) continue;
        const int gx = std::max({0, b.box.x - a.box.right(), a.box.x - b.box.right()});
        const int gy = std::max({0, b.box.y - a.box.bottom(), a.box.y - b.box.bottom()});
        near = near || float(std::max(gx, gy)) <= reach;
      }
      if (!near) return false;
    }
  }
  // Already one digit covering the same ink: nothing to weigh.
  if (found.size() == 1 && found[0].box.w * found[0].box.h * 10 >= box.w * box.h * 8) return false;

  const Box cut = cutter_.cut(src, atoms_, pixels_);
  const CandidateScore s = score(Cutout{pixels_, cut, cutter_.mask()});
  const bool many = found.size() > 1;
  if (s.digit < (many ? kMinDigitOverMany : kMinDigit) || s.one_digit < (many ? kMinOneDigitOverMany : kMinOneDigit))
    return false;
  found.clear();
  found.push_back(FoundDigit{pixels_, cut, 0, s.digit, s.one_digit});
  return true;
}

}  // namespace scrawl
