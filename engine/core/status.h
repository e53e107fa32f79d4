// Errors are values: every fallible engine call returns Result<T>, never throws.
#pragma once
#include <string>
#include <utility>
#include <variant>

namespace scrawl {

enum class ErrorCode {
  kNotAnImage,         // bytes stb_image cannot read
  kUnsupportedFormat,  // an image in a format the decoder does not read (HEIC, WebP, SVG...)
  kImageTooLarge,      // over the megapixel or side limit
  kEmptyImage,         // zero width or height
  kNoDigit,            // an image with no ink
  kTooManyMarks,       // more separate marks than any page of numbers holds (noise, texture, a page of text)
  kBadWeights,         // wrong, truncated or corrupted weights file
  kBadArgument,        // caller error (null pixels, wrong sizes)
  kIo,                 // a file could not be read or written
};

const char* error_code_name(ErrorCode code);

struct Error {
  ErrorCode code;
  std::string message;
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// For calls that return nothing but may fail.
struct Ok {};
using Status = Result<Ok>;

inline Error make_error(ErrorCode code, std::string message) { return Error{code, std::move(message)}; }

}  // namespace scrawl
