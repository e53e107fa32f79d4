#include "digit_splitter.h"

#include <algorithm>
#include <cmath>

namespace scrawl {
namespace {

constexpr int kMaxAtomsPerDigit = 4;
// Groups wider than this many line heights may hold touching digits.
constexpr float kSplitWidth = 0.9f;
// A digit is at most this wide (in line heights)...
constexpr float kMaxDigitWidth = 1.5f;
// ...and its separate pieces lie at most this far apart.
constexpr float kMaxJoinGap = 0.12f;
// Cuts are at least this far (in line heights) from each other and from a group's ends.
constexpr float kCutSpacing = 0.18f;
// Groups both lower and narrower than this share of the line height are specks and dots.
constexpr float kSmall = 0.5f;

// The reading of a line maximises the sum, over its digits, of log(model confidence) plus a
// bonus per digit, less the costs below. The bonus is what lets two confident digits beat
// one over-confident reading of a touching pair; the cut cost (per stroke the cut crosses)
// is what stops a 0 or an 8 from being cut in half.
constexpr float kDigitBonus = 0.5f;
constexpr float kCutCostPerStroke = 0.35f;
// Putting two pieces that almost touch (gap -> 0) into different digits costs up to this.
constexpr float kCloseGapCost = 0.4f;
// Per line height of width beyond kWideFrom, and per line height of height missing below
// kLowFrom: MNIST's widest single digits are ~1.25 times as wide as tall.
constexpr float kWideFrom = 1.2f, kWideCost = 3.0f;
constexpr float kLowFrom = 0.6f, kLowCost = 2.0f;
// Strokes are at least this share of the digit height thick (MNIST's are ~0.12).
constexpr float kMinStroke = 0.035f;
// Leaving a speck or dot out of the reading.
constexpr float kSkipCost = 1.2f;

}  // namespace

void DigitSplitter::make_atoms(const InkSource& src, std::span<const Group> groups, const TextLine& line) {
  const int w = src.ink->width;
  const auto& labels = *src.labels;
  const auto& group_of = *src.group_of_label;
  const float H = float(line.height);
  atoms_.clear();
  split_cost_.clear();
  for (int g = line.first; g < line.first + line.count; ++g) {
    const Box& b = groups[size_t(g)].box;
    auto mine = [&](int x, int y) {
      if (x < b.x || y < b.y || x >= b.right() || y >= b.bottom()) return false;
      const int label = labels[size_t(y) * w + x];
      return label > 0 && group_of[size_t(label)] == g;
    };
    // Ink of this group per column, and its stroke width (2 · area / perimeter).
    profile_.assign(size_t(b.w), 0);
    int area = 0, edges = 0;
    for (int y = b.y; y < b.bottom(); ++y)
      for (int x = b.x; x < b.right(); ++x) {
        if (!mine(x, y)) continue;
        ++profile_[size_t(x - b.x)], ++area;
        edges += !mine(x - 1, y) + !mine(x + 1, y) + !mine(x, y - 1) + !mine(x, y + 1);
      }
    const float stroke = edges ? std::max(1.0f, 2.0f * float(area) / float(edges)) : 1.0f;
    // Hairlines (a page edge, a fold, a scratch) are far thinner than any pen stroke on
    // digits of this size.
    if (2.0f * float(area) / float(std::max(1, edges)) < kMinStroke * std::max(H, float(b.h))) continue;

    // Candidate cuts: the lowest local minima of the (lightly smoothed) profile.
    cuts_.clear();
    if (b.w > kSplitWidth * H) {
      const int margin = std::max(1, int(kCutSpacing * H));
      picked_.clear();
      auto at = [&](int i) { return profile_[size_t(std::clamp(i, 0, b.w - 1))]; };
      for (int x = margin; x < b.w - margin; ++x) {
        const int v = at(x - 1) + 2 * at(x) + at(x + 1);
        const int l = at(x - 2) + 2 * at(x - 1) + at(x), r = at(x) + 2 * at(x + 1) + at(x + 2);
        if (v <= l && v <= r) picked_.push_back(x);
      }
      std::stable_sort(picked_.begin(), picked_.end(), [&](int a, int c) { return profile_[size_t(a)] < profile_[size_t(c)]; });
      const int want = std::min(8, 2 * int(std::ceil(b.w / (0.5f * H))));
      for (int x : picked_) {
        if (int(cuts_.size()) >= want) break;
        bool far = true;
        for (int c : cuts_) far = far && std::abs(c - x) >= margin;
        if (far) cuts_.push_back(x);
      }
      std::sort(cuts_.begin(), cuts_.end());
    }

    // Atoms between consecutive cuts, each with the rows its ink spans.
    int x0 = 0;
    bool first = true;
    for (size_t k = 0; k <= cuts_.size(); ++k) {
      const int x1 = k < cuts_.size() ? cuts_[k] : b.w;
      int top = b.bottom(), bottom = b.y;
      for (int y = b.y; y < b.bottom(); ++y)
        for (int x = b.x + x0; x < b.x + x1; ++x)
          if (mine(x, y)) top = std::min(top, y), bottom = std::max(bottom, y + 1);
      if (bottom > top) {
        // What it costs to end a digit just before this atom.
        float cost = 0;
        if (!first) {
          cost = kCutCostPerStroke * float(profile_[size_t(x0)]) / stroke;
        } else if (!atoms_.empty()) {
          const float gap = float(b.x - atoms_.back().box.right());
          cost = kCloseGapCost * std::max(0.0f, 1.0f - gap / (kMaxJoinGap * H));
        }
        atoms_.push_back({g, b.x + x0, b.x + x1, Box{b.x + x0, top, x1 - x0, bottom - top}});
        split_cost_.push_back(cost);
        first = false;
      }
      x0 = x1;
    }
  }
}

void DigitSplitter::read_line(const InkSource& src, std::span<const Group> groups, const TextLine& line,
                              const DigitScorer& score, std::vector<FoundDigit>& out) {
  make_atoms(src, groups, line);
  const int n = int(atoms_.size());
  const float H = float(line.height);
  constexpr float kNone = -1e30f;
  best_.assign(size_t(n + 1), kNone);
  confidence_.assign(size_t(n + 1), 0.0f);
  from_.assign(size_t(n + 1), -1);
  best_[0] = 0;
  auto end_cost = [&](int j) { return j < n ? split_cost_[size_t(j)] : 0.0f; };

  auto small = [&](const Box& b) { return b.h < kSmall * H && b.w < kSmall * H; };
  for (int i = 0; i < n; ++i) {
    if (best_[size_t(i)] == kNone) continue;
    // Skip a speck or dot.
    if (small(atoms_[size_t(i)].box) && best_[size_t(i)] - kSkipCost > best_[size_t(i + 1)])
      best_[size_t(i + 1)] = best_[size_t(i)] - kSkipCost, from_[size_t(i + 1)] = -(i + 1) - 1;
    // Atoms i..j-1 as one digit.
    Box box;
    for (int j = i + 1; j <= std::min(n, i + kMaxAtomsPerDigit); ++j) {
      const Atom& a = atoms_[size_t(j - 1)];
      if (j > i + 1 && atoms_[size_t(j - 2)].group != a.group && a.box.x - box.right() > kMaxJoinGap * H) break;
      box = unite(box, a.box);
      const bool whole_group = j == i + 1 && (i == 0 || atoms_[size_t(i - 1)].group != a.group) &&
                               (j == n || atoms_[size_t(j)].group != a.group);
      if (box.w > kMaxDigitWidth * H && !whole_group) break;
      if (small(box)) continue;  // too small to be a digit on its own
      cutter_.cut(src, std::span<const Atom>(atoms_).subspan(size_t(i), size_t(j - i)), pixels_);
      const float confidence = score(pixels_);
      float s = std::log(std::max(1e-4f, confidence)) + kDigitBonus - end_cost(j);
      s -= kWideCost * std::max(0.0f, float(box.w) / H - kWideFrom);
      s -= kLowCost * std::max(0.0f, kLowFrom - float(box.h) / H);
      if (best_[size_t(i)] + s > best_[size_t(j)])
        best_[size_t(j)] = best_[size_t(i)] + s, from_[size_t(j)] = i, confidence_[size_t(j)] = confidence;
    }
  }
  if (best_[size_t(n)] == kNone) return;

  // Walk back from the end, then emit left to right.
  picked_.clear();
  for (int j = n; j > 0;) {
    const int f = from_[size_t(j)];
    if (f < 0) {
      j = -f - 2;  // skipped atom
      continue;
    }
    picked_.push_back(f), picked_.push_back(j);
    j = f;
  }
  for (int k = int(picked_.size()) - 2; k >= 0; k -= 2) {
    const int i = picked_[size_t(k)], j = picked_[size_t(k + 1)];
    FoundDigit d;
    d.box = cutter_.cut(src, std::span<const Atom>(atoms_).subspan(size_t(i), size_t(j - i)), d.pixels);
    d.confidence = confidence_[size_t(j)];
    out.push_back(d);
  }
}

}  // namespace scrawl
