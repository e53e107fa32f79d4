// A reading's text: its digits, and the marks written among them, in reading order.
#pragma once
#include "recognizer.h"

namespace scrawl {

// Sets reading.text and reading.digit_text from its digits and marks. A mark goes between
// the digits of its line by where it stands; one that a digit's box covers is left out (the
// line model read that ink as part of the digit).
void set_text(Reading& reading);

}  // namespace scrawl
