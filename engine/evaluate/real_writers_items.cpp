#include "real_writers_items.h"

#include <map>
#include <utility>

#include "core/rng.h"

namespace scrawl {

const char* real_kind_name(RealKind kind) {
  static const char* const kNames[] = {"canvas", "photo", "scan", "none", "crop"};
  return kNames[int(kind)];
}

synth::CropStyle crop_style(size_t index) { return synth::CropStyle(index % 3); }

RealItems real_writer_items(const std::vector<real::PenSample>& pens, const real::CvlDigits& cvl, real::WriterUse use,
                            size_t limit, int none, uint64_t seed) {
  RealItems out;
  size_t per_kind[kRealKinds] = {};
  auto add = [&](RealKind k, int label, size_t i, std::string group) {
    if (limit && k != RealKind::kNone && per_kind[int(k)] >= limit) return;
    ++per_kind[int(k)];
    out.items.push_back({k, label, i, std::move(group)});
  };
  // A limited run spread over all writers: the samples visited in a fixed shuffled order.
  std::vector<size_t> order(pens.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  Rng shuffle(seed, 99, 0);
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[size_t(shuffle.below(int(i)))]);
  std::map<std::string, size_t> pen_writers;
  for (size_t i : order) {
    const auto& s = pens[i];
    if (real::writer_use(s.writer) != use) continue;
    ++pen_writers[s.writer];
    const std::string group = s.writer.substr(0, s.writer.find(':'));
    add(RealKind::kCanvas, s.label, i, group);
    add(RealKind::kPhoto, s.label, i, group);
  }
  std::map<std::string, int> cvl_writers;
  for (size_t i = 0; i < cvl.digits.size(); ++i)
    if (real::writer_use(cvl.writers[i]) == use) {
      ++cvl_writers[cvl.writers[i]];
      add(RealKind::kScan, cvl.digits.labels[i], i, "cvl");
      add(RealKind::kCrop, cvl.digits.labels[i], i, synth::crop_style_name(crop_style(i)));
    }
  for (int i = 0; i < none; ++i) add(RealKind::kNone, -1, size_t(i), "none");
  out.pen_writers = pen_writers.size();
  out.cvl_writers = cvl_writers.size();
  return out;
}

}  // namespace scrawl
