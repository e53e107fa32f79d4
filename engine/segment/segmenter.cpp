#include "segmenter.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace scrawl {

std::span<const FoundDigit> Segmenter::find(const GrayImage& image, const DigitScorer& score) {
  digits_.clear();
  doubted_.clear();
  boxed_.clear();
  cleared_.clear();
  marks_.clear();
  line_count_ = 0;
  too_many_ = 0;
  light_ink_ = false;
  if (image.empty()) return digits_;
  read_once(image, score, false);
  if (too_many_ == 0 && !flattener_.flat() && doubtful(digits_)) read_bold(image, score);
  Placement placed;
  const int longest = std::max(image.width, image.height);
  if (too_many_ == 0 && digits_.size() <= 1 && longest <= kMaxPaddedSide && ink_at_edge(image)) {
    placed = read_with_margin(image, score, 1);
    // Enlarged only where the margin alone left nothing or a doubt: its smoothing, at a source
    // pixel's scale, bridges a one-pixel break that the enlarged strokes keep open.
    if (longest < kEnlargeBelow && too_many_ == 0 && doubtful(digits_)) {
      const Placement enlarged = read_with_margin(image, score, (kEnlargeTo + longest - 1) / longest);
      if (enlarged.pad) placed = enlarged;
    }
    // Strokes a pixel thin that a scanner's threshold broke into dots and dashes stay apart
    // enlarged too; made a pixel bolder, they join.
    if (longest < kEnlargeBelow && too_many_ == 0 && doubtful(digits_)) {
      const Placement bolder = read_with_margin(image, score, 1, true);
      if (bolder.pad) placed = bolder;
    }
  }
  to_source(image, placed);
  return digits_;
}

void Segmenter::keep_first_reading() {
  first_.assign(digits_.begin(), digits_.end());
  first_doubted_.assign(doubted_.begin(), doubted_.end());
  first_boxed_.assign(boxed_.begin(), boxed_.end());
  first_cleared_.swap(cleared_), first_cleared_w_ = cleared_w_, first_cleared_h_ = cleared_h_;
  cleared_.clear();
  first_marks_.assign(marks_.begin(), marks_.end());
  first_lines_ = line_count_, first_factor_ = working_factor_, first_light_ink_ = light_ink_;
  digits_.clear();
  doubted_.clear();
  boxed_.clear();
  marks_.clear();
  line_count_ = 0;
}

void Segmenter::back_to_first_reading() {
  digits_.swap(first_);
  doubted_.swap(first_doubted_);
  boxed_.swap(first_boxed_);
  cleared_.swap(first_cleared_), cleared_w_ = first_cleared_w_, cleared_h_ = first_cleared_h_;
  marks_.swap(first_marks_);
  line_count_ = first_lines_;
  working_factor_ = first_factor_;
  light_ink_ = first_light_ink_;
  too_many_ = 0;
}

void Segmenter::read_bold(const GrayImage& image, const DigitScorer& score) {
  // A felt-tip digit filling a photo has strokes bolder than the paper estimate's widest, and
  // comes out of it in pieces or not at all. Where the reading found nothing, or one or two
  // digits it doubts, the page is read once more taking strokes of any width for ink; that
  // reading is kept only if it is one digit the model is sure of.
  keep_first_reading();
  read_once(image, score, true);
  const bool sure_one = too_many_ == 0 && digits_.size() == 1 && digits_[0].confidence >= kSureOfBold &&
                        digits_[0].one_digit >= kOneDigitOfBold && !fills_frame(digits_[0].box) &&
                        (first_.size() != 1 || digits_[0].confidence > first_[0].confidence);
  if (!sure_one) back_to_first_reading();
}

Segmenter::Placement Segmenter::read_with_margin(const GrayImage& image, const DigitScorer& score, int enlarge,
                                                 bool bolder) {
  // A tight crop (a scan cut to the digit, a digit touching the edge of a small image) has
  // strokes along its edges that every stage takes for what the frame cut off; read with a
  // margin of its own paper around it, it is a digit like any other (and a 7's bar along the
  // top is no rule across the image). Asked for where nothing or one digit was read.
  keep_first_reading();
  const int longest = std::max(image.width, image.height);
  Placement placed;
  placed.enlarge = enlarge;
  placed.bolder = bolder;
  placed.pad = std::max(3, longest * placed.enlarge / 8);
  read_once(with_margin(image, placed), score, false);
  // Where nothing was read, the margin's one digit is read as any image's is (doubted or
  // not); it replaces a doubtful digit only if it is sure of its own, and surer.
  // Made bolder, a crop's ink is one digit only where it spans most of the crop: pieces of a
  // digit that stay apart (a wide 0 broken at top and bottom) read as a 1 beside a blot.
  const auto spans_crop = [&](const Box& b) {
    return float(b.w * working_factor_) >= kBolderSpan * float(image.width * enlarge) &&
           float(b.h * working_factor_) >= kBolderSpan * float(image.height * enlarge);
  };
  const bool better =
      too_many_ == 0 && digits_.size() == 1 && (!bolder || spans_crop(digits_[0].box)) &&
      (first_.empty() || (digits_[0].confidence >= kSureOfBold && digits_[0].one_digit >= kOneDigitOfBold &&
                          digits_[0].confidence > first_[0].confidence));
  if (better) return placed;
  back_to_first_reading();
  return {};
}

void Segmenter::to_source(const GrayImage& image, Placement placed) {
  const float s = float(working_factor_), e = float(placed.enlarge), pad = float(placed.pad);
  // (Ink made bolder reaches `placed.enlarge` pixels further on every side than the ink itself.)
  const float bolder = placed.bolder ? e : 0.0f;
  const auto map = [&](const Box& b) {
    const float in_x = float(b.w) * s > 4 * bolder ? bolder : 0.0f, in_y = float(b.h) * s > 4 * bolder ? bolder : 0.0f;
    const int x0 = std::clamp(int(std::floor((float(b.x) * s + in_x - pad) / e)), 0, image.width - 1);
    const int y0 = std::clamp(int(std::floor((float(b.y) * s + in_y - pad) / e)), 0, image.height - 1);
    const int x1 = std::min(image.width, int(std::ceil((float(b.right()) * s - in_x - pad) / e)));
    const int y1 = std::min(image.height, int(std::ceil((float(b.bottom()) * s - in_y - pad) / e)));
    return Box{x0, y0, std::max(1, x1 - x0), std::max(1, y1 - y0)};
  };
  // (Where the image read was enlarged or given a margin, the cleared printing is not mapped back.)
  if (placed.pad || placed.enlarge != 1) cleared_.clear();
  for (FoundDigit& d : digits_) d.box = map(d.box);
  for (Box& b : doubted_) b = map(b);
  for (Box& b : boxed_) b = map(b);
  for (Mark& m : marks_) m.box = map(m.box);
}

int Segmenter::paper_level(const GrayImage& image) {
  ring_.clear();
  for (int x = 0; x < image.width; ++x) ring_.push_back(image.at(x, 0)), ring_.push_back(image.at(x, image.height - 1));
  for (int y = 1; y + 1 < image.height; ++y)
    ring_.push_back(image.at(0, y)), ring_.push_back(image.at(image.width - 1, y));
  std::nth_element(ring_.begin(), ring_.begin() + long(ring_.size() / 2), ring_.end());
  return ring_[ring_.size() / 2];
}

bool Segmenter::ink_at_edge(const GrayImage& image) {
  // Most of the outermost ring is paper even where a digit touches it; ink is what stands
  // well apart from that level.
  // (Within two pixels of the edge: the stages smooth the ink over one.)
  const int paper = paper_level(image);
  const auto ink = [&](int x, int y) { return std::abs(image.at(x, y) - paper) > kEdgeInkContrast; };
  const int band = std::min({2, image.width, image.height});
  for (int d = 0; d < band; ++d) {
    for (int x = 0; x < image.width; ++x)
      if (ink(x, d) || ink(x, image.height - 1 - d)) return true;
    for (int y = 0; y < image.height; ++y)
      if (ink(d, y) || ink(image.width - 1 - d, y)) return true;
  }
  return false;
}

const GrayImage& Segmenter::with_margin(const GrayImage& image, Placement placed) {
  const int e = placed.enlarge, pad = placed.pad;
  const int w = image.width * e, h = image.height * e;
  padded_.width = w + 2 * pad;
  padded_.height = h + 2 * pad;
  padded_.pixels.assign(size_t(padded_.width) * size_t(padded_.height), uint8_t(paper_level(image)));
  // Each enlarged pixel's centre between the source pixels' centres, bilinearly.
  const auto at = [&](int x, int y) { return float(image.at(x, y)); };
  for (int y = 0; y < h; ++y) {
    const float sy = std::clamp((float(y) + 0.5f) / float(e) - 0.5f, 0.0f, float(image.height - 1));
    const int y0 = int(sy), y1 = std::min(image.height - 1, y0 + 1);
    const float fy = sy - float(y0);
    uint8_t* row = padded_.pixels.data() + size_t(y + pad) * size_t(padded_.width) + size_t(pad);
    for (int x = 0; x < w; ++x) {
      const float sx = std::clamp((float(x) + 0.5f) / float(e) - 0.5f, 0.0f, float(image.width - 1));
      const int x0 = int(sx), x1 = std::min(image.width - 1, x0 + 1);
      const float fx = sx - float(x0);
      const float v =
          (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x1, y0)) + fy * ((1 - fx) * at(x0, y1) + fx * at(x1, y1));
      row[x] = uint8_t(v + 0.5f);
    }
  }
  // (Dark ink is made bolder by the darkest of each pixel's neighbours; light ink by the lightest.)
  if (placed.bolder) {
    if (paper_level(image) >= 128) bolden_.erode(padded_.pixels, padded_.width, padded_.height, e);
    else bolden_.dilate(padded_.pixels, padded_.width, padded_.height, e);
  }
  return padded_;
}

bool Segmenter::fills_frame(const Box& b) const {
  // (The edge of a page on a table, read whole, is a "0" the size of the photo.)
  return float(b.w) > kFillsFrame * float(frame_w_) && float(b.h) > kFillsFrame * float(frame_h_);
}

bool Segmenter::doubtful(std::span<const FoundDigit> digits) {
  if (digits.size() > kShortLine) return false;
  for (const FoundDigit& d : digits)
    if (d.confidence < kDoubtBelow) return true;
  return digits.empty();
}

void Segmenter::read_once(const GrayImage& image, const DigitScorer& score, bool bold_strokes) {
  cut_lines_.clear();
  WorkingCopy& copy = copy_.make(image);
  working_factor_ = copy.factor;
  const int w = copy.width, h = copy.height;
  frame_w_ = w, frame_h_ = h;
  const std::vector<float>& darkness = flattener_.flatten(copy.gray, w, h, bold_strokes);
  light_ink_ = flattener_.inverted();
  InkMap& ink = binarizer_.run(darkness, w, h);
  auto pieces = pieces_.find(ink, flattener_.flat());
  if (pieces_.field_boxes().w) {
    boxed_.push_back(pieces_.field_boxes());
    const auto before = pieces_.ink_before_clearing();
    cleared_.resize(before.size());
    for (size_t i = 0; i < before.size(); ++i) cleared_[i] = before[i] && !ink.mask[i];
    cleared_w_ = w, cleared_h_ = h;
  }
  if (pieces.size() > kMaxPieces) {
    too_many_ = pieces.size();
    return;
  }
  lines_.build(pieces, pieces_.label_count());

  const InkSource src{&ink, &pieces_.labels(), &lines_.group_of_label(), flattener_.flat()};
  const int min_height = std::max(kMinDigitPixels, int(std::lround(kMinDigitHeight * float(std::max(w, h)))));
  size_t to_read = 0;
  for (const TextLine& line : lines_.lines())
    if (line.height >= min_height) to_read += size_t(line.count);
  if (to_read > kMaxGroups) {
    too_many_ = to_read;
    return;
  }
  for (const TextLine& line : lines_.lines())
    if (line.height >= min_height) read_line(src, line, copy, score);

  // Every group of every line tall enough to read, for the whole ink as one digit.
  used_groups_.clear();
  for (const TextLine& line : lines_.lines())
    if (line.height >= min_height)
      for (int g = line.first; g < line.first + line.count; ++g) used_groups_.push_back(g);
  if (one_or_many_.weigh(src, lines_.groups(), used_groups_, score, digits_)) {
    line_count_ = 1, marks_.clear();
    if (!src.flat && !digits_.empty() && edge_.is_region_edge(copy.gray, ink, digits_[0].box))
      digits_.clear(), line_count_ = 0;
  }
  if (is_stacked_drawing()) digits_.clear(), doubted_.clear(), marks_.clear(), line_count_ = 0;
}

void Segmenter::read_line(const InkSource& src, const TextLine& line, const WorkingCopy& copy,
                          const DigitScorer& score) {
  const size_t before = digits_.size();
  // A line written in the row of printed boxes is cut at their walls.
  Box extent = lines_.groups()[size_t(line.first)].box;
  for (int g = line.first + 1; g < line.first + line.count; ++g) extent = unite(extent, lines_.groups()[size_t(g)].box);
  const Box& boxes = pieces_.field_boxes();
  const bool boxed = boxes.w && overlaps(boxes, extent);
  splitter_.read_line(src, lines_.groups(), line, score, digits_,
                      boxed ? pieces_.field_walls() : std::span<const float>{});
  left_out_.assign(splitter_.skipped().begin(), splitter_.skipped().end());
  // The line's ink as it was cut, before any of it is dropped as no digit: a drawing's
  // lines hold shapes (a sun's disc) between the strokes that read as digits.
  if (digits_.size() > before) {
    Box extent = digits_[before].box;
    for (size_t i = before + 1; i < digits_.size(); ++i) extent = unite(extent, digits_[i].box);
    cut_lines_.push_back({extent, 0});
  }
  // Paper edges that read as a "1", and what the models say is no digit, go before anything
  // counts the line's digits.
  // (In a number of three or more digits the others vouch for a doubtful one: a cut through
  // touching digits is often doubted by the check, and it is still a digit.)
  drop_dashes(before);
  const bool short_line = digits_.size() - before <= kShortLine;
  digits_.erase(std::remove_if(digits_.begin() + long(before), digits_.end(),
                               [&](const FoundDigit& d) {
                                 return (short_line && d.is_no_digit()) ||
                                        edge_.is_page_edge(copy.gray, copy.width, copy.height, d.box) ||
                                        (!src.flat && edge_.is_region_edge(copy.gray, *src.ink, d.box));
                               }),
                digits_.end());
  if (digits_.size() == before) return;
  if (!convincing_line(before)) {
    if (digits_.size() - before > kShortLine) {
      Box line_box = digits_[before].box;
      for (size_t i = before + 1; i < digits_.size(); ++i) line_box = unite(line_box, digits_[i].box);
      doubted_.push_back(line_box);
    }
    digits_.resize(before);
    return;
  }
  for (size_t i = before; i < digits_.size(); ++i) digits_[i].line = line_count_;
  separators_.find(std::span<const FoundDigit>(digits_).subspan(before), left_out_, line_count_, marks_);
  cut_lines_.back().digits = int(digits_.size() - before);
  ++line_count_;
}

bool Segmenter::convincing_line(size_t first) {
  const auto median = [&](float FoundDigit::*member) {
    confidences_.clear();
    for (size_t i = first; i < digits_.size(); ++i) confidences_.push_back(digits_[i].*member);
    std::nth_element(confidences_.begin(), confidences_.begin() + long(confidences_.size() / 2), confidences_.end());
    return confidences_[confidences_.size() / 2];
  };
  // A line the model finds no convincing digit in is texture, stains or an edge...
  const float median_confidence = median(&FoundDigit::confidence);
  // ...and one where most of what is cut out is no single digit to the one-digit check is
  // hatching, a grid or noise: the digits of a number vouch for a doubtful one, not for each other.
  const float median_one_digit = median(&FoundDigit::one_digit);
  const bool lone_whole_digit = digits_.size() - first == 1 && digits_[first].one_digit >= kLoneWholeDigit;
  const bool lone_certain_digit = digits_.size() - first == 1 && digits_[first].is_certain();
  return (median_confidence >= kMinLineConfidence || lone_whole_digit) &&
         (median_one_digit >= kMinLineOneDigit || lone_certain_digit);
}

void Segmenter::drop_dashes(size_t first) {
  if (digits_.size() - first < 2) return;
  heights_.clear();
  for (size_t i = first; i < digits_.size(); ++i) heights_.push_back(float(digits_[i].box.h));
  std::nth_element(heights_.begin(), heights_.begin() + heights_.size() / 2, heights_.end());
  const float typical = heights_[heights_.size() / 2];
  digits_.erase(std::remove_if(digits_.begin() + long(first), digits_.end(),
                               [&](const FoundDigit& d) {
                                 const bool dash =
                                     float(d.box.h)<kDashHeight * typical&& float(d.box.w)> kDashWidth * float(d.box.h);
                                 if (dash) left_out_.push_back(d.box);
                                 return dash;
                               }),
                digits_.end());
}

bool Segmenter::is_stacked_drawing() {
  if (line_count_ < 2) return false;
  const auto touch = [](const Box& a, const Box& b) {
    const int gap = std::max(b.y - a.bottom(), a.y - b.bottom());
    return float(gap) < kStackGap * float(std::min(a.h, b.h)) && std::min(a.right(), b.right()) > std::max(a.x, b.x);
  };
  // One cluster of lines each touching another, not only the next: a sun's rays beside its
  // disc are short lines side by side.
  for (const CutLine& line : cut_lines_)
    if (line.digits > kMaxStackedLine) return false;
  std::vector<char>& joined = joined_;
  joined.assign(cut_lines_.size(), 0);
  joined[0] = 1;
  for (bool grew = true; grew;) {
    grew = false;
    for (size_t i = 0; i < cut_lines_.size(); ++i)
      for (size_t j = 0; j < cut_lines_.size() && !joined[i]; ++j)
        if (joined[j] && touch(cut_lines_[j].extent, cut_lines_[i].extent)) joined[i] = 1, grew = true;
  }
  return std::find(joined.begin(), joined.end(), 0) == joined.end();
}

}  // namespace scrawl
