// libFuzzer target: file bytes -> decode -> the whole reading, as a user's upload goes
// (Recognizer::read), and the reading as the JSON the CLI and the JS API give.
#include <cstddef>
#include <cstdint>
#include <span>

#include "fuzz_model.h"
#include "recognize/reading_json.h"
#include "recognize/recognizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static scrawl::Recognizer* recognizer = scrawl::fuzz::fuzz_recognizer();
  auto reading = recognizer->read(std::span<const uint8_t>(data, size));
  if (reading) (void)scrawl::reading_json_members(*reading);
  return 0;
}
