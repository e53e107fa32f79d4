#include "lines.h"

#include <algorithm>
#include <numeric>

namespace scrawl {
namespace {

// A piece continues a line when its rows overlap those of the line's nearest full-height
// piece by this share of the shorter of the two...
constexpr float kSameLine = 0.4f;
// ...and lies no further from that piece than this many of its heights.
constexpr float kMaxGap = 4.0f;
// Lines that share this much of the shorter one's rows stand on one row, read left to right.
constexpr float kSameRow = 0.6f;
// A fragment joins the line of a tall piece at most this many of its heights away.
constexpr float kFragmentReach = 0.3f;
// Pieces of fewer pixels are specks, left out when judging how tall digits are.
constexpr int kNotSpeck = 20;
// Pieces whose columns overlap by this share of the narrower one belong to one digit...
constexpr float kSameDigit = 0.5f;
// ...and so before lines are followed, when one is above the other with at most this gap
// and they are together at most this tall (in digit heights).
constexpr float kStackGap = 0.25f, kStackHeight = 1.5f;

int overlap(int a0, int a1, int b0, int b1) { return std::min(a1, b1) - std::max(a0, b0); }

}  // namespace

void LineBuilder::build(std::span<const Piece> raw, int label_count) {
  const int big = digit_height(raw);
  join_stacked(raw, big);
  const std::span<const Piece> pieces = merged_;
  follow_lines(pieces, big);
  order_by_line();
  group_columns(pieces, label_count);

  // The pieces joined before lines were followed share their group.
  for (size_t i = 0; i < raw.size(); ++i)
    group_of_label_[size_t(raw[i].label)] = group_of_label_[size_t(merged_[size_t(merged_of_[i])].label)];

  // Groups are already left to right: each was opened by its leftmost piece, in x order.
  for (TextLine& line : lines_) line.height = typical_height(line);
}

int LineBuilder::digit_height(std::span<const Piece> raw) {
  // How tall digits are: the upper quartile of the pieces that are not specks (so that one
  // stray tall thing does not make fragments of every digit).
  heights_.clear();
  for (const Piece& p : raw)
    if (p.area >= kNotSpeck) heights_.push_back(p.box.h);
  int big = 0;
  if (!heights_.empty()) {
    std::nth_element(heights_.begin(), heights_.begin() + heights_.size() * 3 / 4, heights_.end());
    big = heights_[heights_.size() * 3 / 4];
  }
  return big;
}

int LineBuilder::root(int i) {
  while (parent_[size_t(i)] != i) i = parent_[size_t(i)] = parent_[size_t(parent_[size_t(i)])];
  return i;
}

void LineBuilder::join_stacked(std::span<const Piece> raw, int big) {
  // Pieces stacked one above the other with little between them, no taller together than
  // a digit, are one digit broken across (a 5's flag, the halves of a skipped stroke):
  // joined before lines are followed, so the halves cannot go to different lines.
  parent_.resize(raw.size());
  std::iota(parent_.begin(), parent_.end(), 0);
  stacked_.assign(raw.begin(), raw.end());
  for (size_t i = 0; i < raw.size(); ++i)
    for (size_t j = i + 1; j < raw.size(); ++j) {
      const int a = root(int(i)), b = root(int(j));
      if (a == b) continue;
      const Box &ba = stacked_[size_t(a)].box, &bb = stacked_[size_t(b)].box;
      const int gap = std::max(ba.y, bb.y) - std::min(ba.bottom(), bb.bottom());
      const Box both = unite(ba, bb);
      if (overlap(ba.x, ba.right(), bb.x, bb.right()) < kSameDigit * std::min(ba.w, bb.w) ||
          gap > kStackGap * float(big) || both.h > kStackHeight * float(big))
        continue;
      parent_[size_t(b)] = a;
      stacked_[size_t(a)].box = both;
      stacked_[size_t(a)].area += stacked_[size_t(b)].area;
    }
  merged_.clear();
  merged_of_.resize(raw.size());
  for (size_t i = 0; i < raw.size(); ++i)
    if (root(int(i)) == int(i)) merged_of_[i] = int(merged_.size()), merged_.push_back(stacked_[i]);
  for (size_t i = 0; i < raw.size(); ++i) merged_of_[i] = merged_of_[size_t(root(int(i)))];
}

void LineBuilder::follow_lines(std::span<const Piece> pieces, int big) {
  const int n = int(pieces.size());
  order_.resize(size_t(n));
  std::iota(order_.begin(), order_.end(), 0);
  std::sort(order_.begin(), order_.end(),
            [&](int a, int b) { return pieces[size_t(a)].box.x < pieces[size_t(b)].box.x; });

  // Follow lines left to right: first with the tall pieces (digits), then the small ones
  // (bars, dots, fragments of broken digits) join the line of a tall piece right next to
  // them, so that a dot between two lines never draws a digit away from its own line.
  tracks_.clear();
  track_of_.assign(size_t(n), -1);
  for (int phase = 0; phase < 2; ++phase)
    for (int i : order_) {
      const Box& b = pieces[size_t(i)].box;
      if ((b.h * 2 >= big) != (phase == 0)) continue;
      int best = phase == 0 ? line_for_tall(pieces, b) : line_for_fragment(pieces, i, big);
      if (best < 0) {
        best = int(tracks_.size());
        tracks_.push_back({});
      }
      Track& tr = tracks_[size_t(best)];
      tr.max_h = std::max(tr.max_h, b.h);
      tr.y_sum += b.y + 0.5 * b.h;
      ++tr.n;
      if (phase == 0) tr.box = tr.box.w ? unite(tr.box, b) : b;
      track_of_[size_t(i)] = best;
    }
}

int LineBuilder::line_for_tall(std::span<const Piece> pieces, const Box& b) const {
  int best = -1;
  float best_score = kSameLine;
  for (int t = 0; t < int(tracks_.size()); ++t) {
    // The line whose nearest tall piece overlaps this one's rows the most.
    const Box* ref = nullptr;
    int ref_dist = 0;
    for (int k : order_) {
      if (track_of_[size_t(k)] != t) continue;
      const Box& r = pieces[size_t(k)].box;
      if (r.h * 5 < tracks_[size_t(t)].max_h * 3) continue;  // a fragment itself
      const int dist = std::abs((r.x + r.right()) - (b.x + b.right()));
      if (!ref || dist < ref_dist) ref = &r, ref_dist = dist;
    }
    if (!ref || b.x - ref->right() > kMaxGap * ref->h || ref->x - b.right() > kMaxGap * ref->h) continue;
    const float ratio =
        float(overlap(b.y, b.bottom(), ref->y, ref->bottom())) / float(std::max(1, std::min(b.h, ref->h)));
    if (ratio >= best_score) best_score = ratio, best = t;
  }
  return best;
}

int LineBuilder::line_for_fragment(std::span<const Piece> pieces, int i, int big) const {
  const Box& b = pieces[size_t(i)].box;
  int best = -1;
  float best_score = -1e9f;
  for (int t = 0; t < int(tracks_.size()); ++t) {
    // A tall piece beside or just above or below it: the more rows shared the better.
    for (int k : order_) {
      if (track_of_[size_t(k)] != t || k == i) continue;
      const Box& r = pieces[size_t(k)].box;
      if (r.h * 2 < big) continue;
      if (b.x - r.right() > kFragmentReach * r.h || r.x - b.right() > kFragmentReach * r.h) continue;
      const int apart = std::max({0, r.y - b.bottom(), b.y - r.bottom()});
      if (apart > kFragmentReach * r.h) continue;
      const float score = float(overlap(b.y, b.bottom(), r.y, r.bottom())) / float(std::max(1, std::min(b.h, r.h))) -
                          float(apart) / float(r.h);
      if (score > best_score) best_score = score, best = t;
    }
  }
  return best;
}

void LineBuilder::order_by_line() {
  // Lines top to bottom by their mean height on the page.
  track_order_.resize(tracks_.size());
  std::iota(track_order_.begin(), track_order_.end(), 0);
  std::sort(track_order_.begin(), track_order_.end(), [&](int a, int b) {
    return tracks_[size_t(a)].y_sum / tracks_[size_t(a)].n < tracks_[size_t(b)].y_sum / tracks_[size_t(b)].n;
  });
  // Lines side by side, too far apart to be followed as one (two numbers on one row of a form),
  // left to right: a line sharing at least kSameRow of its rows with the first line of the row
  // above it in this order is on that row.
  track_row_.assign(tracks_.size(), 0);
  int row = 0, row_first = -1;
  for (const int t : track_order_) {
    const Box& b = tracks_[size_t(t)].box;
    bool same_row = false;
    if (row_first >= 0) {
      const Box& r = tracks_[size_t(row_first)].box;
      same_row = b.h && r.h && float(overlap(b.y, b.bottom(), r.y, r.bottom())) >= kSameRow * float(std::min(b.h, r.h));
    }
    if (!same_row) row += row_first >= 0, row_first = t;
    track_row_[size_t(t)] = row;
  }
  std::stable_sort(track_order_.begin(), track_order_.end(), [&](int a, int b) {
    const int ra = track_row_[size_t(a)], rb = track_row_[size_t(b)];
    return ra != rb ? ra < rb : tracks_[size_t(a)].box.x < tracks_[size_t(b)].box.x;
  });
  track_rank_.resize(tracks_.size());
  for (int r = 0; r < int(track_order_.size()); ++r) track_rank_[size_t(track_order_[size_t(r)])] = r;
  std::stable_sort(order_.begin(), order_.end(), [&](int a, int b) {
    return track_rank_[size_t(track_of_[size_t(a)])] < track_rank_[size_t(track_of_[size_t(b)])];
  });
}

void LineBuilder::group_columns(std::span<const Piece> pieces, int label_count) {
  // Join, within each line, pieces whose columns overlap (order_ is by line, then x).
  groups_.clear();
  lines_.clear();
  group_of_label_.assign(size_t(std::max(label_count, 1)), -1);
  int current_track = -1;
  for (int i : order_) {
    const Piece& p = pieces[size_t(i)];
    if (track_of_[size_t(i)] != current_track) {
      current_track = track_of_[size_t(i)];
      lines_.push_back({int(groups_.size()), 0, 0});
    }
    TextLine& line = lines_.back();
    int joined = -1;
    for (int g = line.first; g < line.first + line.count; ++g) {
      const Box& gb = groups_[size_t(g)].box;
      if (overlap(p.box.x, p.box.right(), gb.x, gb.right()) >= kSameDigit * std::min(p.box.w, gb.w)) joined = g;
    }
    if (joined < 0) {
      joined = int(groups_.size());
      groups_.push_back({});
      ++line.count;
    }
    groups_[size_t(joined)].box = unite(groups_[size_t(joined)].box, p.box);
    groups_[size_t(joined)].area += p.area;
    group_of_label_[size_t(p.label)] = joined;
  }
}

int LineBuilder::typical_height(const TextLine& line) {
  // Typical digit height per line: the median of its groups that are neither fragments nor
  // wide (touching digits, whose rows add up their different heights); failing those, of all.
  int tallest = 0;
  for (int g = line.first; g < line.first + line.count; ++g) tallest = std::max(tallest, groups_[size_t(g)].box.h);
  for (int pass = 0; pass < 2; ++pass) {
    heights_.clear();
    for (int g = line.first; g < line.first + line.count; ++g) {
      const Box& b = groups_[size_t(g)].box;
      if (b.h * 2 >= tallest && (pass == 1 || b.w <= b.h * 6 / 5)) heights_.push_back(b.h);
    }
    if (!heights_.empty()) break;
  }
  std::nth_element(heights_.begin(), heights_.begin() + heights_.size() / 2, heights_.end());
  return heights_[heights_.size() / 2];
}

}  // namespace scrawl
