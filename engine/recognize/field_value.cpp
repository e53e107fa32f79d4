#include "field_value.h"

namespace scrawl {

Result<FieldKind> field_kind(std::string_view name) {
  if (name == "digits") return FieldKind::kDigits;
  if (name == "zip") return FieldKind::kZip;
  return make_error(ErrorCode::kBadArgument, "the format is 'digits' or 'zip', not '" + std::string(name) + "'");
}

const char* field_kind_name(FieldKind kind) { return kind == FieldKind::kZip ? "zip" : "digits"; }

FieldValue field_value(const Reading& reading, FieldKind kind, float unsure_below) {
  FieldValue f;
  f.kind = kind;
  bool digit_unsure = false;
  double all_right = 1;
  for (const ReadDigit& d : reading.digits) {
    f.value += char('0' + d.digit);
    all_right *= d.confidence;
    digit_unsure = digit_unsure || d.unsure;
  }
  f.confidence = reading.digits.empty() ? 0.0f : float(all_right);
  if (reading.digits.empty()) f.problem = "no digits found";
  if (kind == FieldKind::kZip && !reading.digits.empty()) {
    const size_t n = f.value.size();
    if (n == 9) f.value.insert(5, "-");
    else if (n != 5)
      f.problem =
          "a zip code has 5 or 9 digits; " + std::to_string(n) + (n == 1 ? " digit was" : " digits were") + " read";
  }
  f.unsure = !f.problem.empty() || digit_unsure || f.confidence < unsure_below;
  return f;
}

}  // namespace scrawl
