#include "digit_splitter.h"

#include <algorithm>
#include <cmath>

namespace scrawl {
namespace {

constexpr int kMaxAtomsPerDigit = 5;
// Groups wider than this many line heights may hold touching digits.
constexpr float kSplitWidth = 0.6f, kLoneSplitWidth = 1.5f;
// A digit is at most this wide (in line heights)...
constexpr float kMaxDigitWidth = 1.5f;
// ...and its separate pieces lie at most this far apart.
constexpr float kMaxJoinGap = 0.12f;
// Cuts are at least this far (in line heights) from each other and from a group's ends.
constexpr float kCutSpacing = 0.2f;
// Groups both lower and narrower than this share of the line height are specks and dots.
constexpr float kSmall = 0.5f;

// The reading of a line maximises the sum, over its digits, of log(model confidence) plus a
// bonus per digit, less the costs below. The bonus is what lets two confident digits beat
// one over-confident reading of a touching pair; the cut cost (a part for any cut, a part
// per stroke it crosses) and the one-digit check (which knows half a 0 when it sees one)
// are what stop a 0 or an 8 from being cut in half.
constexpr float kDigitBonus = 0.5f;
constexpr float kCutCost = 0.1f, kCutCostPerStroke = 0.3f;
// The one-digit check's say: this times log(its probability of one whole digit).
constexpr float kOneDigitWeight = 0.5f;
// Putting two pieces that almost touch (gap -> 0) into different digits costs up to this.
constexpr float kCloseGapCost = 0.4f;
// Per line height of width beyond kWideFrom, and per line height of height missing below
// kLowFrom. Half of MNIST's digits are under 0.8 times as wide as tall, 90% under 1.1.
constexpr float kWideFrom = 0.9f, kWideCost = 2.5f;
constexpr float kLowFrom = 0.75f, kLowCost = 3.0f;
// Strokes are at least this share of the digit height thick (MNIST's are ~0.12)...
constexpr float kMinStroke = 0.035f;
// ...and on a flat background, where no hairline (a page edge, a fold) can be, this: a thin
// pen on a canvas the digit fills draws strokes 2% of its height wide.
constexpr float kMinCanvasStroke = 0.018f;
constexpr float kMinStrokePixels = 1.5f;
// Leaving a speck or dot out of the reading.
constexpr float kSkipCost = 1.2f;
// ...and one standing apart from the ink on both sides (a number's point or dash, at least
// kApartGap line heights from its neighbours): leaving it out is worth this much, so that a
// digit beside it is read without it (a "0." is a 0 and a point, not a wider 0).
constexpr float kSkipApartCost = -0.1f, kApartGap = 0.05f;
// The score of a reading that reaches no atom.
constexpr float kNone = -1e30f;

}  // namespace

float DigitSplitter::digit_height(const InkSource& src, std::span<const Group> groups, const TextLine& line) {
  // A line of digits that all touch is one wide group, as tall as its highest digit top to
  // its lowest digit bottom. Over a stretch about one digit wide the ink spans one digit's
  // height: the median of those spans is the digit height.
  const int w = src.ink->width;
  spans_.clear();
  bool wide_only = true;
  for (int g = line.first; g < line.first + line.count; ++g) {
    const Box& b = groups[size_t(g)].box;
    if (b.w * 5 <= b.h * 6) {
      wide_only = false;
      continue;
    }
    top_.assign(size_t(b.w), b.bottom());
    bottom_.assign(size_t(b.w), b.y);
    for (int y = b.y; y < b.bottom(); ++y)
      for (int x = b.x; x < b.right(); ++x) {
        const int label = (*src.labels)[size_t(y) * w + x];
        if (label <= 0 || (*src.group_of_label)[size_t(label)] != g) continue;
        top_[size_t(x - b.x)] = std::min(top_[size_t(x - b.x)], y);
        bottom_[size_t(x - b.x)] = std::max(bottom_[size_t(x - b.x)], y + 1);
      }
    const int window = std::max(3, b.h / 2);
    for (int x0 = 0; x0 + window <= b.w; x0 += std::max(1, window / 2)) {
      int t = b.bottom(), bt = b.y;
      for (int x = x0; x < x0 + window; ++x) t = std::min(t, top_[size_t(x)]), bt = std::max(bt, bottom_[size_t(x)]);
      if (bt > t) spans_.push_back(bt - t);
    }
  }
  if (!wide_only || spans_.empty()) return float(line.height);
  std::nth_element(spans_.begin(), spans_.begin() + spans_.size() / 2, spans_.end());
  return std::min(float(line.height), float(spans_[spans_.size() / 2]));
}

float DigitSplitter::GroupInk::stroke_width(const Box& b) const {
  const GroupInk& mine = *this;
  int area = 0, edges = 0;
  for (int y = b.y; y < b.bottom(); ++y)
    for (int x = b.x; x < b.right(); ++x) {
      if (!mine(x, y)) continue;
      ++area;
      edges += (x == b.x || !mine(x - 1, y)) + (x + 1 == b.right() || !mine(x + 1, y)) + (y == b.y || !mine(x, y - 1)) +
               (y + 1 == b.bottom() || !mine(x, y + 1));
    }
  return 2.0f * float(area) / float(std::max(1, edges));
}

void DigitSplitter::make_atoms(const InkSource& src, std::span<const Group> groups, const TextLine& line, float H) {
  atoms_.clear();
  split_cost_.clear();
  paths_.clear();
  path_of_.clear();
  for (int g = line.first; g < line.first + line.count; ++g) {
    const Box& b = groups[size_t(g)].box;
    const GroupInk mine{*src.labels, *src.group_of_label, src.ink->width, g};
    // Hairlines (a page edge, a fold, a scratch) are far thinner than any pen stroke on
    // digits of this size.
    const float width = mine.stroke_width(b);
    if (width < kMinStrokePixels || width < (src.flat ? kMinCanvasStroke : kMinStroke) * std::max(H, float(b.h)))
      continue;

    std::span<const CutPath> cuts;
    // A group alone on its line sets the line height itself; it is more likely one wide
    // digit than touching ones unless it is very wide.
    const float split_width = line.count == 1 ? kLoneSplitWidth : kSplitWidth;
    if (b.w > split_width * H) {
      const int spacing = std::max(2, int(kCutSpacing * H));
      // About one cut per quarter of a line height of width.
      const int max_cuts = std::clamp(int(std::lround(4.0f * float(b.w) / H)) - 1, 1, 12);
      cuts = cut_finder_.find(src, g, b, spacing, max_cuts);
    }
    // The line keeps its own copy of the cuts (the finder's is for one group only).
    const size_t first_path = paths_.size();
    for (const CutPath& c : cuts)
      paths_.insert(paths_.end(), cut_finder_.columns().begin() + c.offset,
                    cut_finder_.columns().begin() + c.offset + b.h);
    add_atoms(mine, b, cuts, first_path, H);
  }
  // Point the atoms at the line's copy of their cuts.
  for (size_t i = 0; i < atoms_.size(); ++i) {
    atoms_[i].left = path_of_[i].first >= 0 ? paths_.data() + path_of_[i].first : nullptr;
    atoms_[i].right = path_of_[i].second >= 0 ? paths_.data() + path_of_[i].second : nullptr;
  }
}

void DigitSplitter::add_atoms(const GroupInk& mine, const Box& b, std::span<const CutPath> cuts, size_t first_path,
                              float H) {
  const int* paths = cut_finder_.columns().data();  // for the atoms' boxes just below
  // Atoms between consecutive cuts, each with the rows its ink spans.
  for (size_t k = 0; k <= cuts.size(); ++k) {
    Atom a;
    a.group = mine.group;
    a.path_top = b.y;
    a.left = k > 0 ? paths + cuts[k - 1].offset : nullptr;
    a.right = k < cuts.size() ? paths + cuts[k].offset : nullptr;
    const int left_path = k > 0 ? int(first_path + (k - 1) * size_t(b.h)) : -1;
    const int right_path = k < cuts.size() ? int(first_path + k * size_t(b.h)) : -1;
    int x0 = b.right(), x1 = b.x, y0 = b.bottom(), y1 = b.y;
    for (int y = b.y; y < b.bottom(); ++y)
      for (int x = b.x; x < b.right(); ++x)
        if (a.contains(x, y) && mine(x, y))
          x0 = std::min(x0, x), x1 = std::max(x1, x + 1), y0 = std::min(y0, y), y1 = std::max(y1, y + 1);
    if (x1 <= x0) continue;
    a.box = {x0, y0, x1 - x0, y1 - y0};
    // What it costs to end a digit just before this atom.
    float cost = 0;
    if (a.left) {
      cost = kCutCost + kCutCostPerStroke * cuts[k - 1].crossings;
    } else if (!atoms_.empty()) {
      const float gap = float(b.x - atoms_.back().box.right());
      cost = kCloseGapCost * std::max(0.0f, 1.0f - gap / (kMaxJoinGap * H));
    }
    atoms_.push_back(a);
    split_cost_.push_back(cost);
    path_of_.push_back({left_path, right_path});
  }
}

void DigitSplitter::read_line(const InkSource& src, std::span<const Group> groups, const TextLine& line,
                              const DigitScorer& score, std::vector<FoundDigit>& out, std::span<const float> walls) {
  skipped_.clear();
  const float H = digit_height(src, groups, line);
  make_atoms(src, groups, line, H);
  // (Ink the boxes cannot part, more pieces in a box than a digit is cut into, is read freely.)
  walls_ = walls;
  if (!best_reading(src, score, H)) {
    if (walls_.empty()) return;
    walls_ = {};
    if (!best_reading(src, score, H)) return;
  }
  emit_reading(src, out);
}

int DigitSplitter::printed_box_of(const Box& b) const {
  const float middle = float(b.x) + 0.5f * float(b.w);
  const int k = int(std::upper_bound(walls_.begin(), walls_.end(), middle) - walls_.begin());
  // Into the walls on either side by at most kIntoWall of a box's width (a digit's stroke may
  // run on into its wall, or a sliver of its neighbour's join it).
  const float step = (walls_.back() - walls_.front()) / float(std::max<size_t>(1, walls_.size() - 1));
  const float slack = kIntoWall * step;
  if (k > 0 && float(b.x) < walls_[size_t(k - 1)] - slack) return -1;
  if (k < int(walls_.size()) && float(b.right()) > walls_[size_t(k)] + slack) return -1;
  return k;
}

bool DigitSplitter::best_reading(const InkSource& src, const DigitScorer& score, float H) {
  const int n = int(atoms_.size());
  best_.assign(size_t(n + 1), kNone);
  confidence_.assign(size_t(n + 1), 0.0f);
  one_digit_.assign(size_t(n + 1), 1.0f);
  from_.assign(size_t(n + 1), -1);
  printed_box_.assign(size_t(n + 1), -1);
  best_[0] = 0;
  last_cut_i_ = -1;
  auto end_cost = [&](int j) { return j < n ? split_cost_[size_t(j)] : 0.0f; };

  auto small = [&](const Box& b) { return b.h < kSmall * H && b.w < kSmall * H; };
  const auto apart = [&](int i) {
    const Box& b = atoms_[size_t(i)].box;
    const float gap = kApartGap * H;
    return (i == 0 || float(b.x - atoms_[size_t(i - 1)].box.right()) >= gap) &&
           (i + 1 == n || float(atoms_[size_t(i + 1)].box.x - b.right()) >= gap);
  };
  for (int i = 0; i < n; ++i) {
    if (best_[size_t(i)] == kNone) continue;
    // Skip a speck or dot.
    const float skip_cost = apart(i) ? kSkipApartCost : kSkipCost;
    if (small(atoms_[size_t(i)].box) && best_[size_t(i)] - skip_cost > best_[size_t(i + 1)])
      best_[size_t(i + 1)] = best_[size_t(i)] - skip_cost, from_[size_t(i + 1)] = -(i + 1) - 1,
                       printed_box_[size_t(i + 1)] = printed_box_[size_t(i)];
    // Atoms i..j-1 as one digit.
    Box box;
    for (int j = i + 1; j <= std::min(n, i + kMaxAtomsPerDigit); ++j) {
      const Atom& a = atoms_[size_t(j - 1)];
      // (In a printed box, its pieces are one digit however far apart: a stroke broken by the
      // scan, or cut where it ran along a wall.)
      if (j > i + 1 && atoms_[size_t(j - 2)].group != a.group && a.box.x - box.right() > kMaxJoinGap * H &&
          walls_.empty())
        break;
      box = unite(box, a.box);
      const bool whole_group = j == i + 1 && (i == 0 || atoms_[size_t(i - 1)].group != a.group) &&
                               (j == n || atoms_[size_t(j)].group != a.group);
      if (box.w > kMaxDigitWidth * H && !whole_group) break;
      if (small(box)) continue;  // too small to be a digit on its own
      // In a row of printed boxes, a digit lies in one box, and the digit before it in another.
      const int printed = walls_.empty() ? -1 : printed_box_of(box);
      if (!walls_.empty() && (printed < 0 || printed == printed_box_[size_t(i)])) continue;
      const float wide = kWideCost * std::max(0.0f, float(box.w) / H - kWideFrom);
      const float low = kLowCost * std::max(0.0f, kLowFrom - float(box.h) / H);
      // What the cut-out scores with both models sure of it (their logs at most 0).
      const float sure = kDigitBonus - end_cost(j) - wide - low;
      // (A margin keeps float rounding from dropping a cut-out that ties.)
      if (!every_cut_ && best_[size_t(j)] != kNone && best_[size_t(i)] + sure + 1e-3f <= best_[size_t(j)]) continue;
      const Box cut_box = cutter_.cut(src, std::span<const Atom>(atoms_).subspan(size_t(i), size_t(j - i)), pixels_);
      last_cut_i_ = i, last_cut_j_ = j, last_cut_box_ = cut_box;
      const CandidateScore scored = score(Cutout{pixels_, cut_box, cutter_.mask()});
      float s = std::log(std::max(1e-4f, scored.digit)) +
                kOneDigitWeight * std::log(std::max(1e-4f, scored.one_digit)) + kDigitBonus - end_cost(j);
      s -= wide;
      s -= low;
      if (best_[size_t(i)] + s > best_[size_t(j)])
        best_[size_t(j)] = best_[size_t(i)] + s, from_[size_t(j)] = i, confidence_[size_t(j)] = scored.digit,
        one_digit_[size_t(j)] = scored.one_digit, printed_box_[size_t(j)] = printed;
    }
  }
  return best_[size_t(n)] != kNone;
}

void DigitSplitter::emit_reading(const InkSource& src, std::vector<FoundDigit>& out) {
  // Walk back from the end, then emit left to right.
  picked_.clear();
  for (int j = int(atoms_.size()); j > 0;) {
    const int f = from_[size_t(j)];
    if (f < 0) {
      j = -f - 2;  // skipped atom
      skipped_.push_back(atoms_[size_t(j)].box);
      continue;
    }
    picked_.push_back(f), picked_.push_back(j);
    j = f;
  }
  for (int k = int(picked_.size()) - 2; k >= 0; k -= 2) {
    const int i = picked_[size_t(k)], j = picked_[size_t(k + 1)];
    FoundDigit d;
    if (i == last_cut_i_ && j == last_cut_j_) {
      d.box = last_cut_box_, d.pixels = pixels_;
    } else {
      d.box = cutter_.cut(src, std::span<const Atom>(atoms_).subspan(size_t(i), size_t(j - i)), d.pixels);
      last_cut_i_ = -1;  // the cutter's mask is this one's now
    }
    d.confidence = confidence_[size_t(j)];
    d.one_digit = one_digit_[size_t(j)];
    d.strokes = count_strokes(d.box, cutter_.mask());
    out.push_back(d);
  }
}

int DigitSplitter::count_strokes(const Box& box, std::span<const uint8_t> mask) {
  const auto pieces = strokes_.find(mask.data(), box.w, box.h);
  int largest = 0;
  for (const Component& c : pieces) largest = std::max(largest, c.area);
  return int(std::count_if(pieces.begin(), pieces.end(),
                           [&](const Component& c) { return float(c.area) >= kStrokeShare * float(largest); }));
}

}  // namespace scrawl
