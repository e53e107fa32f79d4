#include "field_value.h"

namespace scrawl {

Result<FieldKind> field_kind(std::string_view name) {
  if (name == "digits") return FieldKind::kDigits;
  if (name == "zip") return FieldKind::kZip;
  if (name == "amount") return FieldKind::kAmount;
  return make_error(ErrorCode::kBadArgument,
                    "the format is 'digits', 'zip' or 'amount', not '" + std::string(name) + "'");
}

const char* field_kind_name(FieldKind kind) {
  return kind == FieldKind::kZip ? "zip" : kind == FieldKind::kAmount ? "amount" : "digits";
}

namespace {

// The amount a reading's text says, as "3975.00" or "3025". The last point or comma followed
// by one or two digits and nothing else is the decimal one; every other point or comma groups
// thousands; dashes and equals signs ("38.117-", "8558=") are left out. problem: why it needs
// checking.
std::string amount_value(const std::string& text, std::string& problem) {
  std::string kept;  // digits and the points and commas among them
  for (char c : text)
    if ((c >= '0' && c <= '9') || ((c == '.' || c == ',') && !kept.empty())) kept += c;
  while (!kept.empty() && (kept.back() == '.' || kept.back() == ',')) kept.pop_back();
  const size_t last = kept.find_last_of(".,");
  const bool has_decimals = last != std::string::npos && kept.size() - last - 1 <= 2;
  const std::string whole_part = has_decimals ? kept.substr(0, last) : kept;
  std::string whole, cents = has_decimals ? kept.substr(last + 1) : "";
  size_t group = 0;
  bool grouped = false, uneven = false;
  for (char c : whole_part) {
    if (c == '.' || c == ',') {
      uneven = uneven || (grouped && group != 3);
      grouped = true, group = 0;
      continue;
    }
    whole += c, ++group;
  }
  if (grouped && group != 3) uneven = true;
  if (uneven) problem = "the points or commas do not group the digits in threes";
  const size_t lead = whole.find_first_not_of('0');
  whole = lead == std::string::npos ? "0" : whole.substr(lead);
  if (!has_decimals) return whole;
  cents.resize(2, '0');
  return whole + "." + cents;
}

}  // namespace

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
  if (kind == FieldKind::kAmount && !reading.digits.empty()) f.value = amount_value(reading.text, f.problem);
  f.unsure = !f.problem.empty() || digit_unsure || f.confidence < unsure_below;
  return f;
}

}  // namespace scrawl
