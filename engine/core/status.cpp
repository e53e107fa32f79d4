#include "status.h"

namespace scrawl {

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kNotAnImage: return "not_an_image";
    case ErrorCode::kUnsupportedFormat: return "unsupported_format";
    case ErrorCode::kImageTooLarge: return "image_too_large";
    case ErrorCode::kEmptyImage: return "empty_image";
    case ErrorCode::kNoDigit: return "no_digit";
    case ErrorCode::kTooManyMarks: return "too_many_marks";
    case ErrorCode::kBadWeights: return "bad_weights";
    case ErrorCode::kBadArgument: return "bad_argument";
    case ErrorCode::kIo: return "io";
  }
  return "unknown";
}

}  // namespace scrawl
