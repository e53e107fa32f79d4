#include "pieces.h"

#include <algorithm>
#include <cmath>

namespace scrawl {
namespace {

// A component at least this long (share of the image's side along it) whose mean thickness
// is under this share of its length is a line, not a digit nor a string of touching digits.
constexpr float kLineLength = 0.25f;
constexpr float kLineThinness = 0.012f;
// Or, as long, a single run of ink across it no thicker than this share of its length along
// this share of its length, and no more slanted than this (rise over length; 0.15 is 8.5°).
constexpr float kRuleThinness = 0.025f, kRuleShare = 0.85f, kRuleSlope = 0.15f;
// Components whose longer side is under this share of the image's longer side are specks.
constexpr float kSpeck = 0.006f;
// A component that meets the image's edge along this share of its own extent there is
// something cut off by the frame (the table around the page, a corner of it), not a digit,
// which would touch it with a stroke's end at most.
constexpr float kEdgeContact = 0.4f;
// What spans the image from side to side and runs along an edge for this share of its own
// extent there is a border or a frame.
constexpr float kBorderContact = 0.8f;
constexpr float kEdgeMargin = 0.03f;
constexpr float kEdgeStrip = 0.5f;  // across it, of its length along the edge
// A strip beside a side of the image, short of its top and bottom, is a digit when its height
// is within these shares of the other pieces' median height.
constexpr float kDigitSizedStrip[2] = {0.6f, 1.3f};
// A line printed along a crop's edge (a cheque's underline, a form box) that digits touch is at
// most this share of the edge band thick.
constexpr float kEdgeLineThin = 0.7f;
// ...and holds at most this share of the ink it is connected to: the rest is writing.
constexpr float kEdgeLineShare = 0.3f;
// A piece's darkest pixel must reach this share of the darkest piece's (of those of at least
// kNotSpeck pixels), and kMinPeakInk: a thin 1 or a stroke where the pen ran light is fainter
// than the rest of the number, and shadows and grain on a blank page stay under kMinPeakInk.
// (A felt-tip digit photographed out of focus peaks at 0.25 to 0.35.)
constexpr float kMinPeakInk = 0.25f, kFaintShare = 0.45f;
constexpr int kNotSpeck = 20;  // "at the edge": this share of the longer side from it
// A roundish component filling more than this share of its box is a blob (a stain, a thumb).
constexpr float kSolidFill = 0.8f;
// ...unless it is no larger than this share of the other pieces' typical height: a point
// written with the pen (a "." or the dot of a "3.975,00"), not a stain.
constexpr float kPenDot = 0.3f;
constexpr float kFillsFrame = 0.5f;  // of the image's shorter side
// A straight run of ink along this share of the image's width (height), running to within
// kRuleReach of one of its ends, is a rule across it; a band of such rows no thicker than
// kRuleBand of the shorter side (3 pixels at least) is cleared. (A star's or a house's bar
// stops short of both sides.)
constexpr float kAcross = 0.9f, kRuleReach = 0.02f, kRuleBand = 0.05f;

}  // namespace

bool PieceFinder::is_border(const Box& b, const Contact& e, int w, int h, bool tight_crop) {
  if (!(b.x == 0 && b.right() == w) && !(b.y == 0 && b.bottom() == h)) return false;
  // A border or a frame runs along an edge; a digit in a tight crop reaches from side to side
  // too, but meets each edge along a short stretch (the top of its loop, a stroke's end), or
  // one of them along its length (a 1's stem, a 7's bar), where a frame runs along them all.
  const int along = (e.top >= kBorderContact * float(b.w)) + (e.bottom >= kBorderContact * float(b.w)) +
                    (e.left >= kBorderContact * float(b.h)) + (e.right >= kBorderContact * float(b.h));
  return along >= (tight_crop ? 2 : 1);
}

bool PieceFinder::is_line(const Component& c, int w, int h) const {
  const bool across = c.box.w >= c.box.h;
  const int length = across ? c.box.w : c.box.h, breadth = across ? c.box.h : c.box.w;
  if (length < kLineLength * float(across ? w : h)) return false;
  if (float(c.area) / float(length) <= std::max(1.5f, kLineThinness * float(length))) return true;
  // A thicker rule (blurred, a felt pen's, a small photo's): straight, and along nearly all of
  // its length one thin run of ink across it. A string of digits, even touching ones, crosses
  // its strokes twice or runs down them in most places.
  const float thin = std::max(2.0f, kRuleThinness * float(length));
  if (float(breadth) > kRuleSlope * float(length) + thin) return false;
  const auto& labels = finder_.labels();
  int thin_runs = 0;
  for (int i = 0; i < length; ++i) {
    int runs = 0, count = 0;
    bool in = false;
    for (int j = 0; j < breadth; ++j) {
      const int x = across ? c.box.x + i : c.box.x + j, y = across ? c.box.y + j : c.box.y + i;
      const bool mine = labels[size_t(y) * w + x] == c.label;
      runs += mine && !in, count += mine, in = mine;
    }
    thin_runs += runs == 1 && float(count) <= thin;
  }
  return float(thin_runs) >= kRuleShare * float(length);
}

bool PieceFinder::erase_rules_across(InkMap& ink) {
  const int w = ink.width, h = ink.height;
  const int max_band = std::max(3, int(kRuleBand * float(std::min(w, h))));
  // The longest run of ink along a row (column) that comes within `reach` of either end.
  auto longest_run = [&](int start, int step, int count) {
    const int reach = std::max(1, int(kRuleReach * float(count)));
    int best = 0, run = 0;
    for (int i = 0; i < count; ++i) {
      run = ink.mask[size_t(start + i * step)] ? run + 1 : 0;
      const bool ends_near = (run > 0 && i - run + 1 < reach) || i >= count - reach;
      if (ends_near) best = std::max(best, run);
    }
    return best;
  };
  bool erased = false;
  // Rows only: a vertical rule across the image (a margin) crosses the ruled lines, and cutting
  // it out would leave their stubs as marks; it is dropped whole as a frame instead.
  auto is_rule = [&](int y) {
    // A row with too little ink for a run that long is passed over without looking for runs.
    const uint8_t* row = ink.mask.data() + size_t(y) * w;
    int inked = 0;
    for (int x = 0; x < w; ++x) inked += row[x];
    return float(inked) >= kAcross * float(w) && longest_run(y * w, 1, w) >= kAcross * float(w);
  };
  for (int y = 0; y < h;) {
    if (!is_rule(y)) {
      ++y;
      continue;
    }
    int end = y;
    while (end < h && is_rule(end)) ++end;
    if (end - y <= max_band) {
      const size_t from = size_t(std::max(0, y - 1)) * w, to = size_t(std::min(h, end + 1)) * w;
      std::fill(ink.mask.begin() + long(from), ink.mask.begin() + long(to), 0);
      std::fill(ink.ink.begin() + long(from), ink.ink.begin() + long(to), 0);
    }
    erased = true;
    y = end;
  }
  return erased;
}

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

void PieceFinder::measure_contact(std::span<const Component> comps, int w, int h, int margin) {
  contact_.assign(comps.size() + 1, Contact{});
  const auto& labels = finder_.labels();
  for (int x = 0; x < w; ++x) {
    int top = 0, bottom = 0;  // the last label counted for this column at each end
    for (int d = 0; d < std::min(margin, h); ++d) {
      const int a = labels[size_t(d) * w + x], b = labels[size_t(h - 1 - d) * w + x];
      if (a && a != top) ++contact_[size_t(a)].top, top = a;
      if (b && b != bottom) ++contact_[size_t(b)].bottom, bottom = b;
    }
  }
  for (int y = 0; y < h; ++y) {
    int left = 0, right = 0;
    for (int d = 0; d < std::min(margin, w); ++d) {
      const int a = labels[size_t(y) * w + d], b = labels[size_t(y) * w + w - 1 - d];
      if (a && a != left) ++contact_[size_t(a)].left, left = a;
      if (b && b != right) ++contact_[size_t(b)].right, right = b;
    }
  }
}

// The pixels of a band of rows (or columns) from `first` that carry the label; erased from
// `erase` where it is given.
int in_band(const std::vector<int>& labels, InkMap* erase, int w, int h, bool rows, int first, int band, int label) {
  int count = 0;
  for (int k = first; k < first + band; ++k)
    for (int j = 0; j < (rows ? w : h); ++j) {
      const size_t p = rows ? size_t(k) * w + j : size_t(j) * w + k;
      if (labels[p] != label) continue;
      ++count;
      if (erase) erase->mask[p] = 0, erase->ink[p] = 0;
    }
  return count;
}

bool PieceFinder::trim_edge_lines(InkMap& ink, std::span<const Component> comps, int margin) {
  const int w = ink.width, h = ink.height;
  const auto& labels = finder_.labels();
  const int band = std::min({margin, w, h});
  const float thin = std::max(2.0f, kEdgeLineThin * float(margin));
  bool trimmed = false;
  for (const Component& c : comps) {
    const Box& b = c.box;
    if (c.area * 2 >= b.w * b.h) continue;  // solid: the table, or a blot; the rules below decide
    const Contact& e = contact_[size_t(c.label)];
    // Each edge: how long the component runs along it, and how far it reaches in from it.
    const struct {
      int contact, along, reach;
      bool rows;
      int first;
    } edges[] = {
        {e.top, b.w, b.bottom(), true, 0},
        {e.bottom, b.w, h - b.y, true, h - band},
        {e.left, b.h, b.right(), false, 0},
        {e.right, b.h, w - b.x, false, w - band},
    };
    // Along one edge only: what runs along two or more is the table around a page.
    int along_edges = 0;
    for (const auto& edge : edges) along_edges += edge.contact >= kEdgeContact * float(edge.along);
    if (along_edges != 1) continue;
    for (const auto& edge : edges) {
      if (edge.contact < kEdgeContact * float(edge.along) || edge.reach < 3 * band) continue;
      const int inside = in_band(labels, nullptr, w, h, edge.rows, edge.first, band, c.label);
      // More than a line, or most of what there is: the table's edge, a strip of it.
      if (float(inside) > thin * float(edge.contact) || float(inside) > kEdgeLineShare * float(c.area)) continue;
      in_band(labels, &ink, w, h, edge.rows, edge.first, band, c.label);
      trimmed = true;
    }
  }
  return trimmed;
}

void PieceFinder::drop_faint(const InkMap& ink, size_t components) {
  // Faint pieces: what is left of a page edge, a shadow's rim, noise. Somewhere along its
  // strokes, ink is about as dark as the rest of the writing on the page.
  peaks_.assign(components + 1, 0.0f);
  const auto& labels = finder_.labels();
  for (size_t i = 0; i < labels.size(); ++i)
    if (labels[i]) peaks_[size_t(labels[i])] = std::max(peaks_[size_t(labels[i])], ink.darkness[i]);
  float darkest = 0;
  for (const Piece& p : pieces_)
    if (p.area >= kNotSpeck) darkest = std::max(darkest, peaks_[size_t(p.label)]);
  const float faint = std::max(kMinPeakInk, kFaintShare * darkest);
  std::erase_if(pieces_, [&](const Piece& p) { return peaks_[size_t(p.label)] < faint; });
}

std::span<const Piece> PieceFinder::find(InkMap& ink, bool flat_background) {
  const int w = ink.width, h = ink.height;
  auto comps = finder_.find(ink.mask.data(), w, h);
  before_.assign(ink.mask.begin(), ink.mask.end());
  bool erased = erase_rules_across(ink);
  if (erased) comps = finder_.find(ink.mask.data(), w, h);
  // A form's row of boxes or comb; on a flat background too, which is how a clean scan or a PDF
  // of a form reads.
  if (boxes_.erase_rules(ink, before_, comps, finder_.labels()))
    comps = finder_.find(ink.mask.data(), w, h), erased = true;
  if (erase_thin_lines(ink, comps)) comps = finder_.find(ink.mask.data(), w, h), erased = true;
  label_count_ = int(comps.size()) + 1;

  const int margin = std::max(2, int(kEdgeMargin * float(std::max(w, h))));
  measure_contact(comps, w, h, margin);
  // (On a canvas nothing is printed: a digit's own stroke along the edge of a tight crop stays.)
  const bool trimmed = !flat_background && trim_edge_lines(ink, comps, margin);
  if (trimmed) comps = finder_.find(ink.mask.data(), w, h);
  // A field's boxes or comb: their rules are cleared above, their walls and teeth here.
  field_boxes_ = Box{};
  if (erased || trimmed) field_boxes_ = boxes_.erase_walls(ink, before_, comps, finder_.labels());
  if (field_boxes_.w) comps = finder_.find(ink.mask.data(), w, h);
  if (trimmed || field_boxes_.w) {
    label_count_ = int(comps.size()) + 1;
    measure_contact(comps, w, h, margin);
  }

  const int speck = std::max(3, int(std::lround(kSpeck * float(std::max(w, h)))));
  pieces_.clear();
  solid_.clear();
  for (const Component& c : comps) {
    const Box& b = c.box;
    if (std::max(b.w, b.h) < speck || c.area < 5) continue;
    const Contact& e = contact_[size_t(c.label)];
    // A tight crop of one digit (a scan cut to the ink, a canvas export): the digit fills the
    // image to within the edge band both ways, and its strokes run along the edges.
    const bool tight_crop = flat_background && b.w >= w - 2 * margin && b.h >= h - 2 * margin;
    if (is_border(b, e, w, h, tight_crop)) continue;
    // What surrounds the page: large, solid and at the edge, or cut off by it.
    const bool at_edge = b.x == 0 || b.right() == w || b.y == 0 || b.bottom() == h;
    if (at_edge && !flat_background && (b.w * 2 >= w || b.h * 2 >= h) && c.area * 2 >= b.w * b.h) continue;
    // Only something long beside the edge: a digit written near it, or cut by a tight crop,
    // meets it along a short stretch.
    // On a flat background (a canvas) nothing surrounds the paper: what meets an edge is a
    // digit written near it, unless it is a thin strip along it (a page's edge, scanned).
    // On a photo, the table reaches the frame; a digit written close to the edge only comes
    // near it.
    // In a form's row of boxes cropped tight, the image's edge is the boxes' rule, and a
    // digit that crosses the rule reaches it: inside the row, a stroke at the edge is a digit's.
    const bool in_boxes = field_boxes_.w && b.x >= field_boxes_.x && b.right() <= field_boxes_.right() &&
                          overlaps(field_boxes_, b);
    const bool strip_lr = b.w < kEdgeStrip * b.h || (!flat_background && (b.x == 0 || b.right() == w));
    const bool strip_tb = b.h < kEdgeStrip * b.w || (!flat_background && (b.y == 0 || b.bottom() == h));
    if (!tight_crop && !in_boxes &&
        ((std::max(e.left, e.right) >= kEdgeContact * b.h && strip_lr) ||
         (std::max(e.top, e.bottom) >= kEdgeContact * b.w && strip_tb))) {
      // Beside a side and short of the top and bottom edges it may be a 1 written close to
      // the side of a tight field; it is put back where it is as tall as the other pieces.
      const bool side_only = !(std::max(e.top, e.bottom) >= kEdgeContact * b.w && strip_tb) && b.y > 0 &&
                             b.bottom() < h;
      if (side_only) edge_strips_.push_back({c.label, c.area, b});
      continue;
    }
    if (is_line(c, w, h)) continue;
    const bool roundish = std::min(b.w, b.h) >= 0.6f * std::max(b.w, b.h);
    // (On a canvas a bold digit filling the frame is solid too; a tap of the finger is small.)
    const bool frame_filling = flat_background && std::max(b.w, b.h) >= kFillsFrame * float(std::min(w, h));
    if (roundish && !frame_filling && float(c.area) > kSolidFill * float(b.w) * float(b.h) &&
        std::min(b.w, b.h) > 2 * speck) {
      solid_.push_back({c.label, c.area, b});
      continue;
    }
    pieces_.push_back({c.label, c.area, b});
  }
  keep_pen_dots();
  keep_digit_sized_strips();

  drop_faint(ink, comps.size());
  return pieces_;
}

void PieceFinder::keep_digit_sized_strips() {
  // A page's or a shadow's edge runs on past the writing; a 1 beside the side of a tight field
  // is as tall as the digits beside it.
  if (!edge_strips_.empty() && pieces_.size() >= 2) {
    const float typical = typical_height();
    for (const Piece& p : edge_strips_)
      if (float(p.box.h) >= kDigitSizedStrip[0] * typical && float(p.box.h) <= kDigitSizedStrip[1] * typical)
        pieces_.push_back(p);
  }
  edge_strips_.clear();
}

float PieceFinder::typical_height() {
  heights_.clear();
  for (const Piece& p : pieces_) heights_.push_back(p.box.h);
  std::nth_element(heights_.begin(), heights_.begin() + long(heights_.size() / 2), heights_.end());
  return float(heights_[heights_.size() / 2]);
}

void PieceFinder::keep_pen_dots() {
  if (solid_.empty() || pieces_.empty()) return;
  const float typical = typical_height();
  for (const Piece& p : solid_)
    if (float(std::max(p.box.w, p.box.h)) <= kPenDot * typical) pieces_.push_back(p);
}

}  // namespace scrawl
