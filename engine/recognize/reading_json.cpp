#include "reading_json.h"

#include "core/json_text.h"

namespace scrawl {
namespace {

std::string box_json(const Box& b) {
  return "[" + std::to_string(b.x) + "," + std::to_string(b.y) + "," + std::to_string(b.w) + "," + std::to_string(b.h) +
         "]";
}

const char* bool_json(bool b) { return b ? "true" : "false"; }

}  // namespace

std::string digit_json_members(int digit, float confidence, bool unsure, const Box& box,
                               const std::array<float, 10>& probs) {
  std::string out = "\"digit\":" + std::to_string(digit) + ",\"confidence\":" + json_number(confidence) +
                    ",\"unsure\":" + bool_json(unsure) + ",\"box\":" + box_json(box) + ",\"probs\":[";
  for (size_t i = 0; i < probs.size(); ++i) out += (i ? "," : "") + json_number(probs[i]);
  return out + "]";
}

std::string field_json_member(const FieldValue& f) {
  std::string out = "\"field\":{\"format\":" + json_quote(field_kind_name(f.kind)) +
                    ",\"value\":" + json_quote(f.value) + ",\"confidence\":" + json_number(f.confidence) +
                    ",\"unsure\":" + bool_json(f.unsure);
  if (!f.problem.empty()) out += ",\"problem\":" + json_quote(f.problem);
  return out + "}";
}

std::string reading_json_members(const Reading& reading) {
  std::string out =
      "\"text\":" + json_quote(reading.text) + ",\"lines\":" + std::to_string(reading.lines) + ",\"digits\":[";
  for (size_t i = 0; i < reading.digits.size(); ++i) {
    const ReadDigit& d = reading.digits[i];
    out += std::string(i ? "," : "") + "{\"digit\":" + std::to_string(d.digit) +
           ",\"confidence\":" + json_number(d.confidence) + ",\"unsure\":" + bool_json(d.unsure) +
           ",\"line\":" + std::to_string(d.line) + ",\"box\":" + box_json(d.box) + "}";
  }
  out += "]";
  if (!reading.marks.empty()) {
    out += ",\"marks\":[";
    for (size_t i = 0; i < reading.marks.size(); ++i) {
      const Mark& m = reading.marks[i];
      out += std::string(i ? "," : "") + "{\"mark\":" + json_quote(std::string(1, m.symbol)) +
             ",\"line\":" + std::to_string(m.line) + ",\"box\":" + box_json(m.box) + "}";
    }
    out += "]";
  }
  if (!reading.message.empty()) out += ",\"message\":" + json_quote(reading.message);
  if (reading.digits.size() == 1) out += "," + digit_json_members(reading.digits[0]);
  return out;
}

}  // namespace scrawl
