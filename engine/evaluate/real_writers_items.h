// What `scrawl eval --real` reads: the real writers of one part of the writer split
// (real/writer_split.h), each pen sample as a canvas drawing and as a paper photo, each CVL scan,
// and images of no digit, as a list of items to render and read.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "real/cvl_digits.h"
#include "real/pen_samples.h"
#include "real/writer_split.h"
#include "synth/ink_crop.h"

namespace scrawl {

// The kinds of input; the value seeds each item's rendering (so a kind added keeps the others'
// images as they were) and the table lists them in this order.
enum class RealKind { kCanvas, kPhoto, kScan, kNone, kCrop };
inline constexpr int kRealKinds = 5;
const char* real_kind_name(RealKind kind);  // "canvas", "photo", "scan", "none", "crop"
// How a CVL digit of kind kCrop is cut to its ink, by its index: as other scanners' software
// saves a form's digits.
synth::CropStyle crop_style(size_t index);

struct RealItem {
  RealKind kind;
  int label;          // -1: no digit
  size_t index;       // into the pen samples or the CVL digits (for kNone, which image of no digit)
  std::string group;  // for the per-source lines: "unipen", "cvl", ...
};

struct RealItems {
  std::vector<RealItem> items;
  size_t pen_writers = 0, cvl_writers = 0;  // of the chosen part
};

// limit: at most this many items of each kind of digit (0: all), spread over all the writers
// by visiting the pen samples in an order shuffled by the seed. none: images of no digit.
RealItems real_writer_items(const std::vector<real::PenSample>& pens, const real::CvlDigits& cvl, real::WriterUse use,
                            size_t limit, int none, uint64_t seed);

}  // namespace scrawl
