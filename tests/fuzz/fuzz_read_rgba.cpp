// libFuzzer target: RGBA pixels, as a canvas gives them, -> the whole reading
// (Recognizer::read(rgba, width, height)). The input is width and height (a byte each, their
// low 7 bits: at most 127×127, so an input stays fast), then the pixels, row by row; pixels the
// input does not hold are white. A size of 0 is kept (the empty image is refused).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "fuzz_model.h"
#include "recognize/recognizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static scrawl::Recognizer* recognizer = scrawl::fuzz::fuzz_recognizer();
  if (size < 2) return 0;
  const int width = data[0] & 127, height = data[1] & 127;
  std::vector<uint8_t> rgba(size_t(width) * size_t(height) * 4, 255);
  std::copy_n(data + 2, std::min(size - 2, rgba.size()), rgba.begin());
  (void)recognizer->read(rgba.data(), width, height);
  return 0;
}
