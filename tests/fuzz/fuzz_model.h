// The recogniser the reading fuzz targets use. By default a small one, made here with random
// but confident weights: its digits are nonsense, but every stage of the reader runs, with
// scores that depend on the input, at a few microseconds a model run (the embedded model,
// under the sanitizers, takes milliseconds, and a noisy image asks for a hundred runs).
// SCRAWL_FUZZ_REAL_MODEL=1 in the environment uses the models compiled in instead.
#pragma once
#include <cstdlib>
#include <memory>
#include <string>

#include "nn/network.h"
#include "nn/weights_file.h"
#include "recognize/recognizer.h"

namespace scrawl::fuzz {

inline std::vector<uint8_t> small_model(const char* spec, uint64_t seed) {
  auto net = Network::from_spec(spec, Shape{1, kDigitSide, kDigitSide}).value();
  net.init_params(seed);
  for (float& p : net.params()) p *= 8;  // confident: softmax outputs near 0 and 1
  return serialize_model(Model{std::move(net), {}}, TensorType::kFloat32);
}

inline Recognizer* fuzz_recognizer() {
  const char* real = std::getenv("SCRAWL_FUZZ_REAL_MODEL");
  if (real && std::string(real) == "1") return Recognizer::from_embedded().value().release();
  Recognizer* r = Recognizer::from_weights(small_model("maxpool 4; dense 10; softmax", 1)).value().release();
  r->set_one_digit_check(OneDigitCheck::from_weights(small_model("maxpool 4; dense 2; softmax", 2)).value());
  return r;
}

}  // namespace scrawl::fuzz
