#include "digit_cutout.h"

#include <algorithm>

namespace scrawl {

namespace {

// Whether an atom of the digit holds the page pixel (sx, sy) of group g.
bool in_atoms(std::span<const Atom> atoms, int g, int sx, int sy) {
  for (const Atom& a : atoms)
    if (a.group == g && a.contains(sx, sy)) return true;
  return false;
}

}  // namespace

Box DigitCutter::cut(const InkSource& src, std::span<const Atom> atoms, DigitPixels& out) {
  const InkMap& ink = *src.ink;
  const std::vector<int>& labels = *src.labels;
  const std::vector<int>& group_of = *src.group_of_label;
  Box box;
  for (const Atom& a : atoms) box = unite(box, a.box);
  const int w = ink.width;

  // Which pixels of the box are this digit's ink.
  keep_.assign(size_t(box.w) * box.h, 0);
  for (int y = 0; y < box.h; ++y)
    for (int x = 0; x < box.w; ++x) {
      const int sx = box.x + x, sy = box.y + y;
      const int label = labels[size_t(sy) * w + sx];
      if (label > 0 && in_atoms(atoms, group_of[size_t(label)], sx, sy)) keep_[size_t(y) * box.w + x] = 1;
    }

  // Copy their ink, and that of the unlabelled pixels touching them (the strokes' soft edges).
  crop_.assign(size_t(box.w) * box.h, 0.0f);
  for (int y = 0; y < box.h; ++y)
    for (int x = 0; x < box.w; ++x) {
      const size_t at = size_t(box.y + y) * w + size_t(box.x + x);
      const bool take = keep_[size_t(y) * box.w + x] || (labels[at] == 0 && touches_kept(box, x, y));
      if (take) crop_[size_t(y) * box.w + x] = ink.ink[at];
    }
  normalizer_.normalize(crop_.data(), box.w, box.h, box.w, out);
  return box;
}

bool DigitCutter::touches_kept(const Box& box, int x, int y) const {
  bool take = false;
  for (int dy = -1; dy <= 1 && !take; ++dy)
    for (int dx = -1; dx <= 1 && !take; ++dx) {
      const int nx = x + dx, ny = y + dy;
      take = nx >= 0 && ny >= 0 && nx < box.w && ny < box.h && keep_[size_t(ny) * box.w + nx];
    }
  return take;
}

}  // namespace scrawl
