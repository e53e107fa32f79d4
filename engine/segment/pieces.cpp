#include "pieces.h"

#include <algorithm>
#include <cmath>

#include "../single_digit.h"

namespace scrawl {
namespace {

// A component at least this long (share of the image's side along it) whose mean thickness
// is under this share of its length is a line, not a digit nor a string of touching digits.
constexpr float kLineLength = 0.25f;
constexpr float kLineThinness = 0.012f;
// Components whose longer side is under this share of the image's longer side are specks.
constexpr float kSpeck = 0.006f;
// A roundish component filling more than this share of its box is a blob (a stain, a thumb).
constexpr float kSolidFill = 0.8f;

bool is_line(const Component& c, int w, int h) {
  const bool across = c.box.w >= c.box.h;
  const int length = across ? c.box.w : c.box.h;
  const int side = across ? w : h;
  return length >= kLineLength * side && float(c.area) / float(length) <= std::max(1.5f, kLineThinness * length);
}

}  // namespace

bool PieceFinder::erase_thin_lines(InkMap& ink, std::span<const Component> comps) {
  const int w = ink.width, h = ink.height;
  const auto& labels = finder_.labels();
  bool erased = false;
  for (const Component& c : comps) {
    if (!is_line(c, w, h)) continue;
    const bool across = c.box.w >= c.box.h;
    const int length = across ? c.box.w : c.box.h, breadth = across ? c.box.h : c.box.w;
    // Pixels of this component per column (per row for an upright line).
    counts_.assign(size_t(length), 0);
    for (int j = 0; j < breadth; ++j)
      for (int i = 0; i < length; ++i) {
        const int x = across ? c.box.x + i : c.box.x + j, y = across ? c.box.y + j : c.box.y + i;
        counts_[size_t(i)] += labels[size_t(y) * w + x] == c.label;
      }
    const int thickness = std::max(1, int(std::lround(float(c.area) / float(length))));
    for (int i = 0; i < length; ++i) {
      if (counts_[size_t(i)] > 2 * thickness + 1) continue;
      for (int j = 0; j < breadth; ++j) {
        const int x = across ? c.box.x + i : c.box.x + j, y = across ? c.box.y + j : c.box.y + i;
        const size_t p = size_t(y) * w + x;
        if (labels[p] == c.label) ink.mask[p] = 0, ink.ink[p] = 0;
      }
      erased = true;
    }
  }
  return erased;
}

std::span<const Piece> PieceFinder::find(InkMap& ink) {
  const int w = ink.width, h = ink.height;
  erase_long_lines(ink.ink, ink.mask, w, h);
  auto comps = finder_.find(ink.mask.data(), w, h);
  if (erase_thin_lines(ink, comps)) comps = finder_.find(ink.mask.data(), w, h);

  const int speck = std::max(3, int(std::lround(kSpeck * float(std::max(w, h)))));
  pieces_.clear();
  for (const Component& c : comps) {
    const Box& b = c.box;
    if (std::max(b.w, b.h) < speck || c.area < 5) continue;
    if ((b.x == 0 && b.right() == w) || (b.y == 0 && b.bottom() == h)) continue;  // a border or frame
    if (is_line(c, w, h)) continue;
    const bool roundish = std::min(b.w, b.h) >= 0.6f * std::max(b.w, b.h);
    if (roundish && float(c.area) > kSolidFill * float(b.w) * float(b.h) && std::min(b.w, b.h) > 2 * speck) continue;
    pieces_.push_back({c.label, c.area, b});
  }
  return pieces_;
}

}  // namespace scrawl
