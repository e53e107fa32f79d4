#include "reading_json.h"

#include <cstdio>

#include "core/json_text.h"

namespace scrawl {

std::string reading_json_members(const Reading& reading) {
  std::string out = "\"text\":" + json_quote(reading.text) + ",\"lines\":" + std::to_string(reading.lines) + ",\"digits\":[";
  char buf[160];
  for (size_t i = 0; i < reading.digits.size(); ++i) {
    const ReadDigit& d = reading.digits[i];
    std::snprintf(buf, sizeof buf, "%s{\"digit\":%d,\"confidence\":%.6g,\"unsure\":%s,\"line\":%d,\"box\":[%d,%d,%d,%d]}",
                  i ? "," : "", d.digit, double(d.confidence), d.unsure ? "true" : "false", d.line, d.box.x, d.box.y,
                  d.box.w, d.box.h);
    out += buf;
  }
  out += "]";
  if (!reading.message.empty()) out += ",\"message\":" + json_quote(reading.message);
  return out;
}

}  // namespace scrawl
