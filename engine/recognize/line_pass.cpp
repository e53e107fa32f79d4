#include "line_pass.h"

#include <algorithm>

#include "enclosed_paper.h"
#include "line_weighing.h"
#include "reading_text.h"

namespace scrawl {
namespace {

Box grown(Box b, int dx, int dy, const GrayImage& image) {
  const int x0 = std::max(0, b.x - dx), y0 = std::max(0, b.y - dy);
  const int x1 = std::min(image.width, b.right() + dx), y1 = std::min(image.height, b.bottom() + dy);
  return {x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0)};
}

// The region the line model reads for a line whose ink is in `line`, grown to the sides by
// `grow_x` of its height.
Box field_region(const Box& line, float grow_x, const LinePassSettings& s, const GrayImage& image) {
  return grown(line, int(float(line.h) * grow_x) + 2, int(float(line.h) * s.grow_y) + 2, image);
}

// Two or more digits, each read at least this surely.
bool sure_split(const LineReading& read, float sure) {
  if (read.symbols.size() < 2) return false;
  for (const LineDigit& sym : read.symbols)
    if (sym.probability < sure) return false;
  return true;
}

// Some digit of the line model's reading is less sure than `below`.
bool doubts_a_digit(const LineReading& read, float below) {
  for (const LineDigit& sym : read.symbols)
    if (sym.probability < below) return true;
  return false;
}

// Every cut digit is at least `sure`.
bool sure_of_every_digit(std::span<const ReadDigit> digits, float sure) {
  for (const ReadDigit& d : digits)
    if (d.confidence < sure) return false;
  return true;
}

// A lone cut-out that encloses more paper than a 1 or a 7 can, read by the line model as 1s and
// 7s alone: a triangle or a V-shaped drawing taken for "11", whose enclosed paper no digit read holds.
bool encloses_paper_none_can(const LineReading& read, const DigitPixels& cut_out) {
  for (const LineDigit& sym : read.symbols)
    if (!shape_rules_out(sym.digit, cut_out) && sym.digit != 1 && sym.digit != 7) return false;
  return shape_rules_out(1, cut_out);
}

// How a reread line reads: the line model's `read`, with `digits` as the text it gives the
// line (its own digits, or where it read as many as the cuts, some of them the cut ones).
struct LineChoice {
  const LineReading* read = nullptr;
  std::string digits;
  Box region;  // the part of the image the line model read
};

// The line model's reading of a line of cut digits (`cut`, `count` of them, in box `line`),
// where it should replace theirs; no reading where the cut digits stand. `only_line`: the
// image has no other line.
LineChoice better_reading(const GrayImage& image, LineReader& reader, const LinePassSettings& s, const Box& line,
                          const std::string& cut, std::span<const ReadDigit> digits, bool only_line, InkSide ink,
                          size_t most_count_change = std::string::npos) {
  const bool field = line.h >= s.field_fill * float(image.height);
  const bool alone = only_line && digits.size() >= 2 && digits.size() <= s.field_most_digits;
  if (!field && !alone) return {};
  const bool in_field = float(image.width) >= s.whole_field_aspect * float(image.height) && 2 * line.w < image.width;
  const bool single = digits.size() == 1 && line.w < s.single_digit_aspect * line.h && !in_field;
  if (single && digits[0].confidence >= s.single_kept_above) return {};
  const Box region = field_region(line, field ? s.grow_x : s.grow_x_alone, s, image);
  const LineReading* read = &reader.read(image, region, ink, cut);
  if (read->digits.empty() || read->digits == cut || (single && !sure_split(*read, s.single_split_sure)) ||
      (single && encloses_paper_none_can(*read, digits[0].input)))
    return {};
  const size_t read_count = read->digits.size();
  if (std::max(read_count, cut.size()) - std::min(read_count, cut.size()) > most_count_change) return {};
  if (read->digits.size() == cut.size()) {
    std::string text = weigh_same_length(cut, read->digits, digits, s.weighing,
                                         [&](std::string_view t) { return reader.log_probability_of(t); });
    if (text == cut) return {};
    return {read, std::move(text), region};
  }
  if (reader.probability_of(cut) >= s.cut_plausible * reader.probability_of(read->digits)) return {};
  if (doubts_a_digit(*read, s.line_doubt_below) && sure_of_every_digit(digits, s.cut_sure)) return {};
  return {read, read->digits, region};
}

// Symbol i of the line model's reading, as a digit of the line whose cut digits were `cut`.
ReadDigit digit_of_symbol(const LineReading& read, size_t i, std::span<const ReadDigit> cut, const Box& line,
                          const LinePassSettings& s) {
  const LineDigit& sym = read.symbols[i];
  ReadDigit d;
  d.digit = sym.digit;
  d.confidence = sym.probability;
  d.unsure = sym.probability < s.unsure_below;
  d.probs = sym.probs;
  d.line = cut[0].line;
  // The cut digit it stands for: the same position where both read as many digits, else
  // the cut digits whose centres lie in its columns.
  const ReadDigit* match = nullptr;
  int matched = 0;
  Box box{};
  if (read.symbols.size() == cut.size()) {
    match = &cut[i], matched = 1, box = match->box;
  } else {
    for (const ReadDigit& c : cut) {
      const int centre = c.box.x + c.box.w / 2;
      if (centre < sym.x0 || centre >= sym.x1) continue;
      box = matched++ ? unite(box, c.box) : c.box;
      match = &c;
    }
  }
  if (!matched) box = {sym.x0, line.y, sym.x1 - sym.x0, line.h};
  d.box = box;
  if (matched == 1) d.input = match->input;
  return d;
}

// Drops from `digits` the cut digits of lines left as cut that lie within the columns a reread
// line's region spans, at that line's height: the line model read their ink as part of that
// line (a field's last zero that the cuts took for a line of its own); kept, it would be read
// twice.
void drop_read_twice(std::vector<ReadDigit>& digits, std::span<const std::pair<int, Box>> reread_regions) {
  std::erase_if(digits, [&](const ReadDigit& d) {
    const int cy = d.box.y + d.box.h / 2;
    bool covered = false;
    for (const auto& [line, region] : reread_regions) {
      if (d.line == line) return false;
      covered = covered ||
                (d.box.x >= region.x && d.box.right() <= region.right() && cy >= region.y && cy < region.bottom());
    }
    return covered;
  });
}

}  // namespace

int reread_lines(const GrayImage& image, LineReader& reader, const LinePassSettings& s, Reading& reading,
                 const PageFacts& page) {
  std::vector<ReadDigit> out;
  out.reserve(reading.digits.size());
  std::vector<std::pair<int, Box>> reread_regions;
  int changed = 0;
  const auto& digits = reading.digits;
  for (size_t first = 0; first < digits.size();) {
    size_t end = first;
    Box line = digits[first].box;
    std::string cut;
    while (end < digits.size() && digits[end].line == digits[first].line) {
      line = unite(line, digits[end].box);
      cut.push_back(char('0' + digits[end].digit));
      ++end;
    }
    const std::span<const ReadDigit> line_digits(digits.data() + first, end - first);
    const bool in_boxes =
        std::any_of(page.boxed.begin(), page.boxed.end(), [&](const Box& b) { return overlaps(b, line); });
    const LineChoice choice =
        !in_boxes        ? better_reading(image, reader, s, line, cut, line_digits, reading.lines == 1, page.ink)
        : page.unprinted ? better_reading(*page.unprinted, reader, s, line, cut, line_digits, reading.lines == 1,
                                          page.ink, s.boxed_most_count_change)
                         : LineChoice{};
    if (!choice.read) {
      out.insert(out.end(), digits.begin() + long(first), digits.begin() + long(end));
      first = end;
      continue;
    }
    ++changed;
    reread_regions.emplace_back(digits[first].line, Box{choice.region.x, line.y, choice.region.w, line.h});
    const LineReading& read = *choice.read;
    for (size_t i = 0; i < read.symbols.size(); ++i)
      out.push_back(choice.digits[i] == read.digits[i] ? digit_of_symbol(read, i, line_digits, line, s)
                                                       : line_digits[i]);
    first = end;
  }
  drop_read_twice(out, reread_regions);
  reading.digits = std::move(out);
  set_text(reading);
  return changed;
}

int read_doubted_lines(const GrayImage& image, LineReader& reader, const LinePassSettings& s,
                       std::span<const Box> doubted, Reading& reading, InkSide ink) {
  if (!reading.digits.empty()) return 0;
  int kept = 0;
  // An image shaped like a field where the page reader found not even a doubted line (strokes
  // faint or joined into shapes it does not take for digits: "200" with its zeros run into a
  // dash) is one line to the line model.
  const Box whole{0, 0, image.width, image.height};
  const bool field_shaped = float(image.width) >= s.whole_field_aspect * float(image.height);
  const std::span<const Box> lines = doubted.empty() && field_shaped ? std::span<const Box>(&whole, 1) : doubted;
  for (const Box& line : lines) {
    if (line.h < s.field_fill * float(image.height)) continue;
    const LineReading& read = reader.read(image, field_region(line, s.grow_x, s, image), ink);
    if (read.symbols.size() < s.doubted_min_digits) continue;
    bool sure = true;
    for (const LineDigit& sym : read.symbols) sure = sure && sym.probability >= s.doubted_sure;
    if (!sure) continue;
    for (const LineDigit& sym : read.symbols) {
      ReadDigit d;
      d.digit = sym.digit;
      d.confidence = sym.probability;
      d.unsure = sym.probability < s.unsure_below;
      d.probs = sym.probs;
      d.line = kept;
      d.box = {sym.x0, line.y, sym.x1 - sym.x0, line.h};
      reading.digits.push_back(d);
    }
    ++kept;
  }
  reading.lines = std::max(reading.lines, kept);
  set_text(reading);
  return kept;
}

}  // namespace scrawl
