// Shrinking a grey image by a whole factor: each pixel of the copy the rounded mean of a
// factor × factor block of the source (the last row and column of blocks may be partial).
// The page reader's working copy of a large photo, a tall line's region and an image decoded
// within a size (decode_image_reduced) are made this way. It touches every source pixel once,
// so it is made cheap: a block row's source rows are added column by column first (a loop the
// compiler vectorises), then each block's columns of those sums.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace scrawl {

class BlockMeans {
 public:
  // `src`: w × h pixels, rows `stride` pixels apart. `out`: ceil(w / f) × ceil(h / f), densely.
  void shrink(const uint8_t* src, int w, int h, size_t stride, int f, uint8_t* out);

 private:
  // Of a block row's source rows, per column.
  std::vector<uint16_t> sums16_;
  std::vector<uint32_t> sums32_;
};

}  // namespace scrawl
