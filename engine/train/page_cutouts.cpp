#include "page_cutouts.h"

#include <algorithm>
#include <thread>

#include "decode/decode.h"
#include "segment/segmenter.h"
#include "synth/string_page.h"

namespace scrawl {
namespace {

// One whole digit: nearly all of one digit's ink and at most a sliver of another's.
constexpr float kWhole = 0.85f, kSliver = 0.1f;
// Not one digit: a good part of two digits, or well under all of one (or none at all).
constexpr float kSecondDigit = 0.3f, kPiece = 0.6f;

// The labelled candidates of one page.
void cut_page(const synth::Page& page, Segmenter& segmenter, LabelledCutouts& out) {
  // What an app would hand over: the JPEG, or the pixels as they are.
  auto image = page.file.empty() ? gray_from_rgba(synth::page_rgba(page).data(), page.width, page.height)
                                 : decode_image(page.file);
  if (!image) return;
  const int digits = int(page.text.size());
  // Whose ink a working pixel is: the owner at the middle of the source pixels it stands for.
  std::vector<int> total(size_t(digits) + 1, 0), held(size_t(digits) + 1, 0);
  int factor = 1;
  auto owner_at = [&](int wx, int wy) {
    const int sx = std::min(page.width - 1, wx * factor + factor / 2);
    const int sy = std::min(page.height - 1, wy * factor + factor / 2);
    return page.owner[size_t(sy) * page.width + sx];
  };
  bool counted = false;
  const DigitScorer record = [&](const Cutout& c) {
    if (!counted) {  // the working copy's size is known once the segmenter calls back
      factor = segmenter.working_factor();
      const int ww = (page.width + factor - 1) / factor, wh = (page.height + factor - 1) / factor;
      for (int y = 0; y < wh; ++y)
        for (int x = 0; x < ww; ++x) ++total[owner_at(x, y)];
      counted = true;
    }
    std::fill(held.begin(), held.end(), 0);
    for (int y = 0; y < c.box.h; ++y)
      for (int x = 0; x < c.box.w; ++x)
        if (c.mask[size_t(y) * c.box.w + x]) ++held[owner_at(c.box.x + x, c.box.y + y)];
    float first = 0, second = 0;
    int most = 0;
    for (int d = 1; d <= digits; ++d) {
      if (total[size_t(d)] == 0) continue;
      const float share = float(held[size_t(d)]) / float(total[size_t(d)]);
      if (share > first) second = first, first = share, most = d;
      else second = std::max(second, share);
    }
    const int label = label_cutout(first, second);
    if (label >= 0) {
      out.pixels.push_back(c.pixels);
      out.labels.push_back(uint8_t(label));
      out.digits.push_back(label == 0 ? uint8_t(page.text[size_t(most - 1)] - '0') : uint8_t(255));
    }
    return CandidateScore{0.99f, 1.0f};
  };
  segmenter.find(*image, record);
}

}  // namespace

int label_cutout(float largest_share, float second_share) {
  if (largest_share >= kWhole && second_share <= kSliver) return 0;
  if (second_share >= kSecondDigit || largest_share <= kPiece) return 1;
  return -1;
}

void cut_pages(const DigitSet& digits, int pages, uint64_t seed, int threads, LabelledCutouts& out) {
  threads = std::clamp(threads, 1, std::max(1, pages));
  std::vector<LabelledCutouts> per_page(size_t(std::max(0, pages)));
  auto work = [&](int t) {
    synth::PageMaker maker(digits);
    Segmenter segmenter;
    segmenter.score_every_cut(true);
    for (int k = t; k < pages; k += threads) {
      Rng rng(seed, uint64_t(k), 23);
      const synth::Page page = maker.make(3 + rng.below(8), rng);
      cut_page(page, segmenter, per_page[size_t(k)]);
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& th : pool) th.join();
  for (auto& p : per_page) {
    out.pixels.insert(out.pixels.end(), p.pixels.begin(), p.pixels.end());
    out.labels.insert(out.labels.end(), p.labels.begin(), p.labels.end());
    out.digits.insert(out.digits.end(), p.digits.begin(), p.digits.end());
  }
}

}  // namespace scrawl
