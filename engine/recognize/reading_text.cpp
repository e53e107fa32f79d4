#include "reading_text.h"

namespace scrawl {
namespace {

bool covered(const Mark& m, const Reading& reading) {
  const int cx = m.box.x + m.box.w / 2;
  for (const ReadDigit& d : reading.digits)
    if (d.line == m.line && cx >= d.box.x && cx < d.box.right()) return true;
  return false;
}

}  // namespace

void set_text(Reading& reading) {
  reading.text.clear();
  reading.digit_text.clear();
  size_t m = 0;
  const auto marks_before = [&](int line, int x) {
    for (; m < reading.marks.size(); ++m) {
      const Mark& mark = reading.marks[m];
      if (mark.line > line || (mark.line == line && mark.box.x + mark.box.w / 2 >= x)) break;
      if (mark.line == line && !covered(mark, reading)) reading.text += mark.symbol;
    }
  };
  for (size_t i = 0; i < reading.digits.size(); ++i) {
    const ReadDigit& d = reading.digits[i];
    const bool new_line = i && d.line != reading.digits[i - 1].line;
    if (new_line) {
      marks_before(reading.digits[i - 1].line, 1 << 30);
      reading.text += ' ', reading.digit_text += ' ';
    }
    marks_before(d.line, d.box.x + d.box.w / 2);
    reading.text += char('0' + d.digit);
    reading.digit_text += char('0' + d.digit);
  }
  if (!reading.digits.empty()) marks_before(reading.digits.back().line, 1 << 30);
}

}  // namespace scrawl
