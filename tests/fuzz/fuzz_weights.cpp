// libFuzzer target: a weights file, as `--weights FILE` or the JS API's own model takes it.
// The bytes go to parse_model as they are; then again with their last four bytes made the
// right CRC-32, so that mutations get past the checksum into the header, the architecture and
// the tensors (Recognizer::from_weights); a model that loads reads one digit.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/crc32.h"
#include "nn/weights_file.h"
#include "recognize/recognizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)scrawl::parse_model(std::span<const uint8_t>(data, size));
  if (size < 4) return 0;
  std::vector<uint8_t> fixed(data, data + size);
  const uint32_t crc = scrawl::crc32(fixed.data(), size - 4);
  for (int i = 0; i < 4; ++i) fixed[size - 4 + size_t(i)] = uint8_t(crc >> (8 * i));
  auto recognizer = scrawl::Recognizer::from_weights(fixed);
  if (recognizer) {
    scrawl::DigitPixels digit{};
    for (int i = 0; i < scrawl::kDigitSide; ++i) digit[size_t(i * scrawl::kDigitSide + 14)] = 1;  // a "1"
    (void)(*recognizer)->classify(digit);
  }
  return 0;
}
