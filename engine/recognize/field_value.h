// A reading taken as one field of a form, as a clerk types it in: the value normalised for the
// field's kind, how sure the reader is of the whole of it (one wrong digit makes a wrong zip
// code), and why it does not fit the kind when it does not. Fields to check by hand are the
// unsure ones.
#pragma once
#include <string>
#include <string_view>

#include "core/status.h"
#include "recognizer.h"

namespace scrawl {

enum class FieldKind {
  kDigits,  // every digit in reading order, lines run together: an account or phone number
  kZip,     // a postal code of 5 digits, or 9 written as 5 and 4 ("02139-4307")
  kAmount,  // a sum of money: "3.975,00" is 3975.00, "3,025" 3025, "38.117-" 38117
};

// "digits", "zip" or "amount"; any other name is a bad argument, said in words.
Result<FieldKind> field_kind(std::string_view name);
const char* field_kind_name(FieldKind kind);

struct FieldValue {
  FieldKind kind = FieldKind::kDigits;
  std::string value;     // normalised; "" when no digit was read
  float confidence = 0;  // that every digit is right: the product of the digits' confidences
  bool unsure = true;    // below the reader's threshold, a digit unsure, or not fitting the kind
  std::string problem;   // in words, why it does not fit the kind; "" when it does
};

FieldValue field_value(const Reading& reading, FieldKind kind, float unsure_below);

}  // namespace scrawl
