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
  grow_kept(box);
  crop_.assign(size_t(box.w) * box.h, 0.0f);
  for (int y = 0; y < box.h; ++y)
    for (int x = 0; x < box.w; ++x) {
      const size_t at = size_t(box.y + y) * w + size_t(box.x + x), here = size_t(y) * box.w + x;
      if (keep_[here] || (labels[at] == 0 && near_[here])) crop_[here] = ink.ink[at];
    }
  normalizer_.normalize(crop_.data(), box.w, box.h, box.w, out);
  return box;
}

void DigitCutter::grow_kept(const Box& box) {
  const int W = box.w, H = box.h;
  row_grown_.assign(size_t(W) * H, 0);
  for (int y = 0; y < H; ++y) {
    const uint8_t* k = keep_.data() + size_t(y) * W;
    uint8_t* r = row_grown_.data() + size_t(y) * W;
    for (int x = 0; x < W; ++x) r[x] = k[x] | (x > 0 ? k[x - 1] : 0) | (x + 1 < W ? k[x + 1] : 0);
  }
  near_.assign(size_t(W) * H, 0);
  for (int y = 0; y < H; ++y) {
    const uint8_t* up = y > 0 ? row_grown_.data() + size_t(y - 1) * W : nullptr;
    const uint8_t* mid = row_grown_.data() + size_t(y) * W;
    const uint8_t* down = y + 1 < H ? row_grown_.data() + size_t(y + 1) * W : nullptr;
    uint8_t* n = near_.data() + size_t(y) * W;
    for (int x = 0; x < W; ++x) n[x] = mid[x] | (up ? up[x] : 0) | (down ? down[x] : 0);
  }
}

}  // namespace scrawl
