// The C functions the JS API calls. Results cross as a JSON string (valid until the next
// call) plus the 28×28 image as floats; errors are values, never exceptions.
#include <emscripten/emscripten.h>
#include <malloc.h>

#include <memory>
#include <string>
#include <vector>

#include "core/json_text.h"
#include "recognize/field_value.h"
#include "recognize/reading_json.h"
#include "recognize/recognizer.h"

namespace {

std::unique_ptr<scrawl::Recognizer> g_recognizer;
std::string g_json;
scrawl::DigitPixels g_input{};
std::vector<float> g_inputs;  // the last reading's digits' inputs, 784 floats each

const char* error_json(const scrawl::Error& e) {
  g_json = "{\"error\":" + scrawl::json_quote(e.message) +
           ",\"code\":" + scrawl::json_quote(scrawl::error_code_name(e.code)) + "}";
  return g_json.c_str();
}

const char* result_json(const scrawl::Result<scrawl::Recognition>& r) {
  if (!r) return error_json(r.error());
  g_input = r->input;
  g_json = "{" + scrawl::digit_json_members(r.value()) + "}";
  return g_json.c_str();
}

// A reading of one digit also carries that digit's members (its ten probabilities among them)
// and its 28×28 input, so a single-digit image is read once and shown whole.
// With a format ("digits", "zip", "amount"; null for none) the reading is also taken as one field.
const char* reading_json(const scrawl::Result<scrawl::Reading>& r, const char* format) {
  if (!r) return error_json(r.error());
  if (r->digits.size() == 1) g_input = r->digits[0].input;
  g_inputs.clear();
  for (const auto& d : r->digits) g_inputs.insert(g_inputs.end(), d.input.begin(), d.input.end());
  std::string field;
  if (format) {
    auto kind = scrawl::field_kind(format);
    if (!kind) return error_json(kind.error());
    field = "," + scrawl::field_json_member(scrawl::field_value(r.value(), *kind, g_recognizer->unsure_threshold()));
  }
  g_json = "{" + scrawl::reading_json_members(r.value()) + field + "}";
  return g_json.c_str();
}

}  // namespace

extern "C" {

// Loads the compiled-in model; returns null on success or the error as JSON.
EMSCRIPTEN_KEEPALIVE const char* scrawl_init() {
  if (g_recognizer) return nullptr;
  auto r = scrawl::Recognizer::from_embedded();
  if (!r) return error_json(r.error());
  g_recognizer = std::move(r.value());
  return nullptr;
}

// Reads with another digit model from now on (a weights file: a personal model the trainer
// module made), or with the built-in one again when len is 0. Returns null, or the error as
// JSON with the model in use unchanged.
EMSCRIPTEN_KEEPALIVE const char* scrawl_use_model(const uint8_t* bytes, int len) {
  auto r = len > 0 ? scrawl::Recognizer::from_weights({bytes, size_t(len)}) : scrawl::Recognizer::from_embedded();
  if (!r) return error_json(r.error());
  g_recognizer = std::move(r.value());
  return nullptr;
}

EMSCRIPTEN_KEEPALIVE const char* scrawl_recognize_file(const uint8_t* bytes, int len) {
  if (!g_recognizer) return error_json({scrawl::ErrorCode::kBadArgument, "the engine is not initialised"});
  return result_json(g_recognizer->recognize_file({bytes, size_t(len < 0 ? 0 : len)}));
}

EMSCRIPTEN_KEEPALIVE const char* scrawl_recognize_rgba(const uint8_t* rgba, int width, int height) {
  if (!g_recognizer) return error_json({scrawl::ErrorCode::kBadArgument, "the engine is not initialised"});
  return result_json(g_recognizer->recognize_rgba(rgba, width, height));
}

// Every digit in an image (a whole number, several lines): {"text","lines","digits",["message"]},
// and "field" when a format is given (null: none).
EMSCRIPTEN_KEEPALIVE const char* scrawl_read_file(const uint8_t* bytes, int len, const char* format) {
  if (!g_recognizer) return error_json({scrawl::ErrorCode::kBadArgument, "the engine is not initialised"});
  return reading_json(g_recognizer->read(std::span<const uint8_t>(bytes, size_t(len < 0 ? 0 : len))), format);
}

EMSCRIPTEN_KEEPALIVE const char* scrawl_read_rgba(const uint8_t* rgba, int width, int height, const char* format) {
  if (!g_recognizer) return error_json({scrawl::ErrorCode::kBadArgument, "the engine is not initialised"});
  return reading_json(g_recognizer->read(rgba, width, height), format);
}

// The 28×28 image (0 = paper, 1 = ink) the model saw in the last successful recognize call, or
// in the last reading of exactly one digit.
EMSCRIPTEN_KEEPALIVE const float* scrawl_last_input() { return g_input.data(); }

// The 28×28 input of each digit of the last reading, one after another in reading order.
EMSCRIPTEN_KEEPALIVE const float* scrawl_last_inputs() { return g_inputs.data(); }

// Bytes the engine holds in its heap now (allocated and not freed): flat from call to call
// unless something leaks.
EMSCRIPTEN_KEEPALIVE size_t scrawl_memory_in_use() { return mallinfo().uordblks; }
}
