#include "cut_paths.h"

#include <algorithm>
#include <numeric>

namespace scrawl {
namespace {

// What a sideways step costs, in strokes crossed: paths stay straight unless bending saves.
constexpr float kBendCost = 0.02f;
// What a stroke width of ink along a cut adds, beyond the strokes it crosses.
constexpr float kPerLength = 0.15f;

}  // namespace

float CutFinder::stroke_width() const {
  // The median length of the horizontal and of the vertical runs of ink; across a stroke a
  // run is its width, along it longer, so the smaller median is the width.
  auto median_run = [&](bool across) {
    auto& runs = const_cast<std::vector<int>&>(runs_);
    runs.clear();
    const int outer = across ? box_h_ : box_w_, inner = across ? box_w_ : box_h_;
    for (int o = 0; o < outer; ++o) {
      int run = 0;
      for (int i = 0; i <= inner; ++i) {
        const bool on = i < inner && (across ? mine(i, o) : mine(o, i));
        if (on) ++run;
        else if (run) runs.push_back(run), run = 0;
      }
    }
    if (runs.empty()) return 1.0f;
    std::nth_element(runs.begin(), runs.begin() + runs.size() / 2, runs.end());
    return float(runs[runs.size() / 2]);
  };
  return std::max(1.0f, std::min(median_run(true), median_run(false)));
}

std::span<const CutPath> CutFinder::find(const InkSource& src, int group, const Box& box, int spacing, int max_cuts) {
  mask_group(src, group, box);
  const float stroke = stroke_width();

  // One cheapest path per starting band, every few columns.
  candidates_.clear();
  columns_.clear();
  const int band = std::max(1, spacing * 3 / 4), step = std::max(2, spacing / 3);
  for (int centre = spacing; centre <= box.w - spacing; centre += step) {
    const int lo = std::max(1, centre - band), hi = std::min(box.w - 1, centre + band);
    fill_costs(lo, hi - lo + 1, stroke);
    candidates_.push_back(trace_cheapest(lo, hi - lo + 1, stroke));
  }
  choose_cuts(spacing, max_cuts);
  // Columns relative to the page, as the atoms use them.
  for (const CutPath& c : cuts_)
    for (int y = 0; y < box.h; ++y) columns_[size_t(c.offset + y)] += box.x;
  return cuts_;
}

void CutFinder::mask_group(const InkSource& src, int group, const Box& box) {
  const int w = src.ink->width;
  box_w_ = box.w, box_h_ = box.h;
  mask_.assign(size_t(box.w) * box.h, 0);
  for (int y = 0; y < box.h; ++y)
    for (int x = 0; x < box.w; ++x) {
      const int label = (*src.labels)[size_t(box.y + y) * w + size_t(box.x + x)];
      mask_[size_t(y) * box.w + x] = label > 0 && (*src.group_of_label)[size_t(label)] == group;
    }
}

void CutFinder::fill_costs(int lo, int bw, float stroke) {
  cost_.assign(size_t(bw) * box_h_, 0.0f);
  from_.assign(size_t(bw) * box_h_, 0);
  // Cost in strokes: entering ink costs one, running along it a little per pixel.
  const float per_pixel = kPerLength / stroke;
  for (int y = 0; y < box_h_; ++y)
    for (int i = 0; i < bw; ++i) {
      const bool on = mine(lo + i, y);
      float best = on ? 1.0f : 0.0f;
      int came = i;
      if (y > 0) best = cheapest_from_above(lo, bw, i, y, on, came);
      cost_[size_t(y) * bw + i] = best + (on ? per_pixel : 0.0f);
      from_[size_t(y) * bw + i] = came;
    }
}

float CutFinder::cheapest_from_above(int lo, int bw, int i, int y, bool on, int& came) const {
  float best = 1e9f;
  for (int d = -1; d <= 1; ++d) {
    const int j = i + d;
    if (j < 0 || j >= bw) continue;
    const float c = cost_[size_t(y - 1) * bw + j] + (d ? kBendCost : 0.0f) + (on && !mine(lo + j, y - 1) ? 1.0f : 0.0f);
    if (c < best) best = c, came = j;
  }
  return best;
}

CutPath CutFinder::trace_cheapest(int lo, int bw, float stroke) {
  const int h = box_h_;
  int end = 0;
  for (int i = 1; i < bw; ++i)
    if (cost_[size_t(h - 1) * bw + i] < cost_[size_t(h - 1) * bw + end]) end = i;
  CutPath cut;
  cut.offset = int(columns_.size());
  columns_.resize(columns_.size() + size_t(h));
  int ink = 0, runs = 0;
  long sum = 0;
  bool was_ink = false;
  for (int y = h - 1, i = end; y >= 0; --y) {
    columns_[size_t(cut.offset + y)] = lo + i;
    const bool on = mine(lo + i, y);
    ink += on, runs += on && !was_ink, was_ink = on;
    sum += lo + i;
    i = from_[size_t(y) * bw + i];
  }
  // Strokes crossed, each once however long it runs along the cut (two digits touching
  // along a curve are cut through one long stretch of ink), plus a little per length.
  cut.crossings = float(runs) + kPerLength * std::max(0.0f, float(ink) / stroke - float(runs));
  cut.mean_x = int(sum / h);
  return cut;
}

void CutFinder::choose_cuts(int spacing, int max_cuts) {
  // The cheapest, far enough apart, then left to right without crossing.
  order_.resize(candidates_.size());
  std::iota(order_.begin(), order_.end(), 0);
  std::stable_sort(order_.begin(), order_.end(),
                   [&](int a, int b) { return candidates_[size_t(a)].crossings < candidates_[size_t(b)].crossings; });
  cuts_.clear();
  for (int k : order_) {
    if (int(cuts_.size()) >= max_cuts) break;
    const CutPath& c = candidates_[size_t(k)];
    bool far = true;
    for (const CutPath& p : cuts_) far = far && std::abs(p.mean_x - c.mean_x) >= spacing;
    if (far) cuts_.push_back(c);
  }
  std::sort(cuts_.begin(), cuts_.end(), [](const CutPath& a, const CutPath& b) { return a.mean_x < b.mean_x; });
  for (size_t k = 1; k < cuts_.size(); ++k)
    for (int y = 0; y < box_h_; ++y) {
      int& x = columns_[size_t(cuts_[k].offset + y)];
      x = std::max(x, columns_[size_t(cuts_[k - 1].offset + y)] + 1);
    }
}

}  // namespace scrawl
