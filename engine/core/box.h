// An axis-aligned box in an image's pixels: where a piece of ink, a digit or a line is.
#pragma once

namespace scrawl {

struct Box {
  int x = 0, y = 0, w = 0, h = 0;
  int right() const { return x + w; }
  int bottom() const { return y + h; }
  bool operator==(const Box&) const = default;
};

Box unite(const Box& a, const Box& b);
// The two share at least one pixel.
bool overlaps(const Box& a, const Box& b);

}  // namespace scrawl
