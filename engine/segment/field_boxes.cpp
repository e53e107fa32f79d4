#include "field_boxes.h"

#include <algorithm>
#include <cmath>

namespace scrawl {
namespace {

// A wall is at least this tall, and across at most this share of its height (a thin pen's
// line, blurred, on a small scan: 4 pixels).
constexpr int kMinHeight = 5;
constexpr float kThinShare = 0.15f, kMinThin = 6.0f;
// Its centre strays at most this far (pixels, or share of its height) from a straight line
// leaning at most this much (a photo held askew).
constexpr float kStray = 1.5f, kStrayShare = 0.03f, kLean = 0.15f;
// Rows of the wall with more than one run of ink (JPEG's ringing) it may have.
constexpr float kOtherRows = 0.1f;
// Walls of a row differ in height by at most this share, and stand at steps within this share
// of a whole number of the usual step (a wall that a digit touches is not among them).
constexpr float kSameHeight = 0.2f, kSameStep = 0.2f, kMissedWall = 0.4f;
// Free walls stand at most this many steps apart in a row of boxes whose other walls digits touch.
constexpr int kMostStepsInGap = 4;
// A wall meets a rule at both ends (a row of boxes), or it is a comb's tooth, at most this
// share of the step between teeth tall: 1s written in a row on an underline stand taller than
// they stand apart.
constexpr float kCombTooth = 0.75f;
// A row of boxes is at least this many times as wide as it is tall; a comb (a rule along the
// bottom alone) this many. Their rules run straight along this share of their width (within
// kRuleStray pixels of a line sloping at most kRuleSlope) and are at most this share of their
// height thick (kMinRuleThick pixels at least).
constexpr float kBoxRowAspect = 1.5f, kCombAspect = 3.0f, kRuleAlong = 0.5f, kRuleStray = 1.5f, kRuleSlope = 0.1f;
constexpr float kRuleThick = 0.08f;
constexpr int kMinRuleThick = 6;
// A run across a rule more than this many pixels longer than the rule is printed is a stroke's
// (chosen on the development writers: 1, 2 and 3 tried).
constexpr float kRuleRunSlack = 1.0f;

float median(std::vector<float>& v) {
  std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
  return v[v.size() / 2];
}

}  // namespace

bool FieldBoxes::is_upright_bar(const Component& c, const std::vector<int>& labels, int w) {
  const Box& b = c.box;
  if (b.h < kMinHeight) return false;
  const float thin = std::max(kMinThin, kThinShare * float(b.h));
  if (float(b.w) > thin + kLean * float(b.h)) return false;
  centres_.clear();
  int other_rows = 0;
  for (int y = b.y; y < b.bottom(); ++y) {
    const int* row = labels.data() + size_t(y) * w;
    int first = -1, last = -1, runs = 0;
    bool in = false;
    for (int x = b.x; x < b.right(); ++x) {
      const bool mine = row[x] == c.label;
      if (mine && !in) ++runs;
      if (mine) last = x, first = first < 0 ? x : first;
      in = mine;
    }
    if (runs != 1) {
      ++other_rows;
      continue;
    }
    if (float(last - first + 1) > thin) return false;
    centres_.push_back(float(y - b.y));
    centres_.push_back(0.5f * float(first + last));
  }
  const size_t n = centres_.size() / 2;
  if (float(other_rows) > kOtherRows * float(b.h) || n < 2) return false;
  // The centres' least-squares line x = a + slope·y.
  double sy = 0, sx = 0, syy = 0, sxy = 0;
  for (size_t i = 0; i < n; ++i) {
    const double y = centres_[2 * i], x = centres_[2 * i + 1];
    sy += y, sx += x, syy += y * y, sxy += x * y;
  }
  const double var = double(n) * syy - sy * sy;
  const double slope = var > 0 ? (double(n) * sxy - sx * sy) / var : 0.0;
  if (std::abs(slope) > kLean) return false;
  lean_ = float(slope);
  const double a = (sx - slope * sy) / double(n);
  const float stray = std::max(kStray, kStrayShare * float(b.h));
  for (size_t i = 0; i < n; ++i)
    if (std::abs(double(centres_[2 * i + 1]) - (a + slope * centres_[2 * i])) > stray) return false;
  return true;
}

bool FieldBoxes::cleared_beside(const Box& b, int y_from, int y_to, const InkMap& ink,
                                std::span<const uint8_t> before) {
  const int w = ink.width, h = ink.height;
  // A little way to either side of the box's columns.
  const int reach = std::max(3, b.w);
  for (int y = std::max(0, y_from); y < std::min(h, y_to); ++y) {
    int left = 0, right = 0;
    for (int x = std::max(0, b.x - reach); x < b.x; ++x)
      left += before[size_t(y) * w + x] && !ink.mask[size_t(y) * w + x];
    for (int x = b.right(); x < std::min(w, b.right() + reach); ++x)
      right += before[size_t(y) * w + x] && !ink.mask[size_t(y) * w + x];
    if (std::max(left, right) >= 3) return true;
  }
  return false;
}

int FieldBoxes::cleared_rules_met(const Box& b, const InkMap& ink, std::span<const uint8_t> before) {
  // Beside each end, a few rows up or down.
  const int rows = 4;
  return int(cleared_beside(b, b.y - rows, b.y + 2, ink, before)) +
         int(cleared_beside(b, b.bottom() - 2, b.bottom() + rows, ink, before));
}

void FieldBoxes::keep_even_row(std::vector<Wall>& walls, std::vector<float>& scratch, bool teeth, float hint) {
  // Two free walls are a row where the rules' teeth stood at even steps.
  const size_t fewest = hint > 0 ? 2 : size_t(kMinWalls);
  if (walls.size() < fewest) return walls.clear();
  scratch.clear();
  for (const Wall& wall : walls) scratch.push_back(float(wall.box.h));
  const float height = median(scratch);
  std::erase_if(walls, [&](const Wall& wall) { return std::abs(float(wall.box.h) - height) > kSameHeight * height; });
  if (walls.size() < fewest) return walls.clear();
  std::sort(walls.begin(), walls.end(), [](const Wall& a, const Wall& b) { return a.centre < b.centre; });
  // The chain of walls a whole number of steps apart that holds the most walls less kMissedWall
  // for each step of it without one, the step one of the gaps between neighbours (the shortest
  // of equals): a digit's upright stroke as tall as the teeth stands between two of them, off
  // the step (a step of half the gap would take it in, and miss every other wall), and the walls
  // that digits touch leave gaps of two steps.
  float step = 0;
  const auto on_step = [&](const Wall& a, const Wall& b) {
    const float steps = (b.centre - a.centre) / step;
    return steps >= 0.5f && std::abs(steps - std::round(steps)) <= kSameStep;
  };
  size_t best_start = 0, best_length = 0;
  float best_step = 0, best_score = 0;
  for (size_t k = 1; k < walls.size(); ++k) {
    step = walls[k].centre - walls[k - 1].centre;
    if (step < 0.3f * height) continue;
    for (size_t i = 0; i < walls.size(); ++i) {
      size_t last = i, length = 1;
      for (size_t j = i + 1; j < walls.size(); ++j)
        if (on_step(walls[last], walls[j])) last = j, ++length;
      const float steps = std::round((walls[last].centre - walls[i].centre) / step);
      const float score = float(length) - kMissedWall * (steps + 1 - float(length));
      if (score > best_score || (score == best_score && step < best_step))
        best_start = i, best_length = length, best_step = step, best_score = score;
    }
  }
  const auto all_on_step = [&] {
    bool all = true;
    for (size_t k = 1; k < walls.size() && all; ++k) all = on_step(walls[k - 1], walls[k]);
    return all;
  };
  // Where digits touch most walls, the few left free may stand several steps apart, some gaps
  // even (2, 2 and 3 steps: a chain of the even ones leaves the last wall out). The step the
  // rules' teeth stood at, touched walls among them, is the row's where it puts every free
  // wall on it.
  bool placed = false;
  if (hint > 0) {
    step = hint;
    placed = all_on_step();
    if (placed) best_start = 0, best_length = walls.size(), best_step = step;
    else if (walls.size() < size_t(kMinWalls)) return walls.clear();
  }
  // Otherwise, where no neighbouring pair gives a chain (free walls 3 and 4 steps apart), the
  // step is the longest whole share of the shortest gap that puts every free wall on it.
  if (!placed && best_length < size_t(kMinWalls)) {
    float shortest = walls.back().centre - walls.front().centre;
    for (size_t k = 1; k < walls.size(); ++k) shortest = std::min(shortest, walls[k].centre - walls[k - 1].centre);
    for (int parts = 1; parts <= kMostStepsInGap && best_length < size_t(kMinWalls); ++parts) {
      step = shortest / float(parts);
      if (step < 0.3f * height) break;
      if (all_on_step()) best_start = 0, best_length = walls.size(), best_step = step;
    }
  }
  if (best_length < fewest) return walls.clear();
  step = best_step;
  size_t kept = 0, last = best_start;
  walls[kept++] = walls[best_start];
  for (size_t j = best_start + 1; j < walls.size(); ++j)
    if (on_step(walls[last], walls[j])) last = j, walls[kept++] = walls[j];
  walls.resize(kept);
  if (teeth && height > kCombTooth * step) walls.clear();
  step_ = step;
}

bool FieldBoxes::has_teeth(const Component& c, const std::vector<int>& labels, int w, const Rule& rule, bool comb) {
  const Box& b = c.box;
  teeth_.clear();
  int start = -1, tallest = 0, top = 0;
  for (int x = b.x; x <= b.right(); ++x) {
    // How far the component's ink runs up from the rule in this column.
    int up = 0;
    if (x < b.right()) {
      const int at = int(std::lround(rule.a + rule.slope * float(x)));
      for (int y = std::min(b.bottom(), at + rule.thick) - 1; y >= std::max(b.y, at - rule.thick); --y)
        if (labels[size_t(y) * w + x] == c.label) {
          int first = y;
          while (first > b.y && labels[size_t(first - 1) * w + x] == c.label) --first;
          up = std::max(up, at - rule.thick - first);
          y = first;
        }
    }
    if (up >= kMinHeight) {
      if (start < 0) start = x, tallest = 0, top = b.bottom();
      tallest = std::max(tallest, up);
      top = std::min(top, int(std::lround(rule.a + rule.slope * float(x))) - rule.thick - up);
      continue;
    }
    if (start < 0) continue;
    const int width = x - start;
    if (float(width) <= std::max(kMinThin, kThinShare * float(tallest)) + kLean * float(tallest))
      teeth_.push_back({0, Box{start, top, width, tallest}, 0.5f * float(start + x - 1)});
    start = -1;
  }
  keep_even_row(teeth_, values_, comb);
  return !teeth_.empty();
}

bool FieldBoxes::fit_rule(const Component& c, const std::vector<int>& labels, int w, bool top, Rule& rule) {
  const Box& b = c.box;
  const int thick = std::max(kMinRuleThick, int(kRuleThick * float(b.h)));
  // Each column's outermost pixel of the component on that side, where its run there is thin.
  edge_.clear();
  for (int x = b.x; x < b.right(); ++x) {
    int y = top ? b.y : b.bottom() - 1;
    const int step = top ? 1 : -1;
    while (y >= b.y && y < b.bottom() && labels[size_t(y) * w + x] != c.label) y += step;
    if (y < b.y || y >= b.bottom()) continue;
    int run = 0;
    for (int k = y; k >= b.y && k < b.bottom() && labels[size_t(k) * w + x] == c.label; k += step) ++run;
    if (run <= thick) edge_.push_back({float(x), float(y)});
  }
  if (float(edge_.size()) < kRuleAlong * float(b.w)) return false;
  // A straight line through them, fitted twice: the second time to those near the first fit.
  for (int pass = 0; pass < 2; ++pass) {
    double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (const auto& [x, y] : edge_) {
      if (pass && std::abs(y - (rule.a + rule.slope * x)) > kRuleStray) continue;
      n += 1, sx += x, sy += y, sxx += double(x) * x, sxy += double(x) * y;
    }
    const double var = n * sxx - sx * sx;
    if (n < 2 || var <= 0) return false;
    rule.slope = float((n * sxy - sx * sy) / var);
    rule.a = float((sy - double(rule.slope) * sx) / n);
  }
  if (std::abs(rule.slope) > kRuleSlope) return false;
  int along = 0;
  for (const auto& [x, y] : edge_) along += std::abs(y - (rule.a + rule.slope * x)) <= kRuleStray;
  rule.thick = thick;
  return float(along) >= kRuleAlong * float(b.w);
}

bool FieldBoxes::erase_rule(InkMap& ink, const Component& c, const std::vector<int>& labels, const Rule& rule) {
  const int w = ink.width;
  const Box& b = c.box;
  // The component's run in each column that meets the rule's line (first, end; none: -1).
  runs_.clear();
  for (int x = b.x; x < b.right(); ++x) {
    const int at = int(std::lround(rule.a + rule.slope * float(x)));
    int y = -1;
    for (int d = 0; d <= rule.thick && y < 0; ++d) {
      if (at + d >= b.y && at + d < b.bottom() && labels[size_t(at + d) * w + x] == c.label) y = at + d;
      else if (at - d >= b.y && at - d < b.bottom() && labels[size_t(at - d) * w + x] == c.label) y = at - d;
    }
    int first = y, end = y + 1;
    if (y >= 0) {
      while (first > b.y && labels[size_t(first - 1) * w + x] == c.label) --first;
      while (end < b.bottom() && labels[size_t(end) * w + x] == c.label) ++end;
    }
    runs_.push_back({first, end});
  }
  // How thick the rule is printed: most columns hold the rule alone.
  values_.clear();
  for (const auto& [first, end] : runs_)
    if (first >= 0) values_.push_back(float(end - first));
  if (values_.empty()) return false;
  const float printed = median(values_);
  bool erased = false;
  for (int x = b.x; x < b.right(); ++x) {
    // A run thicker than the rule is printed is a stroke: crossing it (a wall, a digit touching
    // it) or running along it (a 2's foot written on the line), and it stays.
    const auto [first, end] = runs_[size_t(x - b.x)];
    if (first < 0 || float(end - first) > printed + kRuleRunSlack) continue;
    for (int k = first; k < end; ++k) ink.mask[size_t(k) * w + x] = 0, ink.ink[size_t(k) * w + x] = 0;
    erased = true;
  }
  return erased;
}

bool FieldBoxes::erase_rules(InkMap& ink, std::span<const uint8_t> before, std::span<const Component> comps,
                             const std::vector<int>& labels) {
  bool erased = false;
  teeth_step_ = 0;
  int widest = 0;
  for (const Component& c : comps) {
    const Box& b = c.box;
    if (b.h < kMinHeight || float(b.w) < kBoxRowAspect * float(b.h)) continue;
    // A row of boxes: a rule along its top and one along its bottom. A comb, or a rule with
    // writing on it: along its bottom only, far longer than what stands on it.
    Rule top_rule, bottom_rule;
    const bool bottom = fit_rule(c, labels, ink.width, false, bottom_rule);
    if (!bottom) continue;
    // (A comb's rule seen from above, between its teeth, is no top rule: a box is a box high.)
    bool top = fit_rule(c, labels, ink.width, true, top_rule) &&
               bottom_rule.a - top_rule.a >= std::max(float(kMinHeight), 0.5f * float(b.h));
    // A top rule across the whole image (a tight crop of the field) was cleared before: the
    // walls hang from where it was, as tall as a box, not a comb's short teeth.
    const bool top_cleared = !top && walls_hang_from_cleared_rule(c, labels, ink, before, bottom_rule);
    top = top || top_cleared;
    if (!top && float(b.w) < kCombAspect * float(b.h)) continue;
    // Walls or teeth stand on the bottom rule at even steps; a lone stroke (a 5's bar) has none.
    if (!has_teeth(c, labels, ink.width, bottom_rule, !top)) continue;
    if (b.w > widest) teeth_step_ = step_, widest = b.w;
    if (top && !top_cleared) erased = erase_rule(ink, c, labels, top_rule) || erased;
    erased = erase_rule(ink, c, labels, bottom_rule) || erased;
  }
  return erased;
}

bool FieldBoxes::walls_hang_from_cleared_rule(const Component& c, const std::vector<int>& labels, const InkMap& ink,
                                              std::span<const uint8_t> before, const Rule& bottom_rule) {
  if (!has_teeth(c, labels, ink.width, bottom_rule, false)) return false;
  int hanging = 0;
  for (const Wall& wall : teeth_) hanging += cleared_beside(wall.box, wall.box.y - 4, wall.box.y + 2, ink, before);
  return 2 * hanging > int(teeth_.size());
}

Box FieldBoxes::erase_walls(InkMap& ink, std::span<const uint8_t> before, std::span<const Component> comps,
                            const std::vector<int>& labels) {
  walls_.clear();
  wall_columns_.clear();
  int hanging = 0;  // walls that meet a rule at one end only: a comb's teeth
  for (const Component& c : comps) {
    if (!is_upright_bar(c, labels, ink.width)) continue;
    const int ends = cleared_rules_met(c.box, ink, before);
    if (ends) walls_.push_back({c.label, c.box, float(c.sum_x / std::max(1, c.area)), lean_}), hanging += ends == 1;
  }
  keep_even_row(walls_, values_, 2 * hanging > int(walls_.size()), teeth_step_);
  Box extent{};
  for (const Wall& wall : walls_) {
    extent = extent.w ? unite(extent, wall.box) : wall.box;
    for (int y = wall.box.y; y < wall.box.bottom(); ++y)
      for (int x = wall.box.x; x < wall.box.right(); ++x) {
        const size_t p = size_t(y) * ink.width + x;
        if (labels[p] == wall.label) ink.mask[p] = 0, ink.ink[p] = 0;
      }
  }
  for (const Wall& wall : walls_) wall_columns_.push_back(wall.centre);
  if (!walls_.empty()) erase_walls_at_digits(ink, before);
  std::sort(wall_columns_.begin(), wall_columns_.end());
  return extent;
}

void FieldBoxes::erase_walls_at_digits(InkMap& ink, std::span<const uint8_t> before) {
  const int w = ink.width, h = ink.height;
  // The row's walls: where they stand, how they lean, how wide they are, from the free ones.
  values_.clear();
  for (const Wall& wall : walls_) values_.push_back(wall.lean);
  const float lean = median(values_);
  values_.clear();
  for (const Wall& wall : walls_) values_.push_back(float(wall.box.w) - std::abs(lean) * float(wall.box.h));
  const int width = std::max(1, int(std::lround(median(values_))));
  // Their tops and bottoms along the row, which slopes where the form was held askew.
  const auto fit = [&](auto end) {
    double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (const Wall& wall : walls_) {
      const double x = wall.centre, y = end(wall);
      n += 1, sx += x, sy += y, sxx += x * x, sxy += x * y;
    }
    const double var = n * sxx - sx * sx, slope = var > 0 ? (n * sxy - sx * sy) / var : 0.0;
    return std::pair<double, double>{(sy - slope * sx) / n, slope};
  };
  const auto [top_a, top_slope] = fit([](const Wall& wall) { return double(wall.box.y); });
  const auto [bottom_a, bottom_slope] = fit([](const Wall& wall) { return double(wall.box.bottom()); });
  // (A wall's centre, its mean column, is where it crosses its middle row.)
  const float first = walls_.front().centre, last = walls_.back().centre;
  // The free walls stand whole steps of keep_even_row's apart.
  const float step = (last - first) / std::max(1.0f, std::round((last - first) / std::max(1.0f, step_)));
  if (step < 2.0f) return;
  // Every step between the free walls, and beyond them as far as a rule was cleared at their
  // foot: a wall that a digit touches (a rule a digit touches is split, its walls in rows apart).
  const float from = first - step * std::floor(first / step), to = float(w - 1);
  for (float x = from; x <= to; x += step) {
    bool free = false;
    for (const Wall& wall : walls_) free = free || std::abs(wall.centre - x) < 0.5f * step;
    if (free) continue;
    const int cx = int(std::lround(x));
    const int top = int(std::lround(top_a + top_slope * x)), bottom = int(std::lround(bottom_a + bottom_slope * x));
    const float mid = 0.5f * float(top + bottom);
    if (x < first || x > last) {
      bool ruled = false;
      for (int y = std::max(0, bottom - 3); y < std::min(h, bottom + 4) && !ruled; ++y)
        for (int dx = -width - 2; dx <= width + 2 && !ruled; ++dx) {
          const int px = cx + dx;
          ruled = px >= 0 && px < w && before[size_t(y) * w + px] && !ink.mask[size_t(y) * w + px];
        }
      if (!ruled) continue;
    }
    wall_columns_.push_back(x);
    for (int y = std::max(0, top); y < std::min(h, bottom); ++y) {
      // The run of ink on this row at the wall's column; as thin as a wall, it is the wall.
      const int at = int(std::lround(x + lean * (float(y) - mid)));
      int px = -1;
      for (int d = 0; d <= width / 2 + 1 && px < 0; ++d) {
        if (at - d >= 0 && at - d < w && ink.mask[size_t(y) * w + at - d]) px = at - d;
        else if (at + d >= 0 && at + d < w && ink.mask[size_t(y) * w + at + d]) px = at + d;
      }
      if (px < 0) continue;
      int a = px, b = px + 1;
      while (a > 0 && ink.mask[size_t(y) * w + a - 1]) --a;
      while (b < w && ink.mask[size_t(y) * w + b]) ++b;
      if (b - a > width + 2) continue;
      for (int k = a; k < b; ++k) ink.mask[size_t(y) * w + k] = 0, ink.ink[size_t(y) * w + k] = 0;
    }
  }
}

}  // namespace scrawl
