// Results as JSON members, so that the CLI and the JS API give exactly the same shape. A reading:
//   "text":"123 45","lines":2,"digits":[{"digit":1,"confidence":0.99,"unsure":false,"line":0,"box":[x,y,w,h]},...]
// plus "message":"no digits found" when there are none, and with exactly one digit that digit's
// members (as recognize() gives them):
//   "digit":7,"confidence":0.998,"unsure":false,"box":[x,y,w,h],"probs":[ten probabilities]
// Numbers are written to six significant digits (core/json_text.h).
#pragma once
#include <array>
#include <string>

#include "core/box.h"
#include "field_value.h"
#include "recognizer.h"

namespace scrawl {

// The members without the enclosing braces, for the caller to add its own (a file name...).
std::string reading_json_members(const Reading& reading);

// A field's member: "field":{"format":"zip","value":"02139","confidence":0.97,"unsure":false}
// with "problem":"..." in it when the reading does not fit the format.
std::string field_json_member(const FieldValue& field);

// One digit's members: "digit","confidence","unsure","box","probs".
std::string digit_json_members(int digit, float confidence, bool unsure, const Box& box,
                               const std::array<float, 10>& probs);
inline std::string digit_json_members(const Recognition& r) {
  return digit_json_members(r.digit, r.confidence, r.unsure, r.box, r.probs);
}
inline std::string digit_json_members(const ReadDigit& d) {
  return digit_json_members(d.digit, d.confidence, d.unsure, d.box, d.probs);
}

}  // namespace scrawl
