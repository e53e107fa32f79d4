// Builds that never train (the wasm module) define the GEMM-based backward passes as traps,
// so the download carries no training code. Every other build compiles the real ones in
// conv2d.cpp and simple_layers.cpp.
#ifdef SCRAWL_INFERENCE_ONLY
#include <cstdlib>

#include "conv2d.h"
#include "simple_layers.h"

namespace scrawl {

void Conv2D::backward(const float*, const float*, const float*, const float*, float*, float*, int, float*,
                      const float*) const {
  std::abort();
}

void Dense::backward(const float*, const float*, const float*, const float*, float*, float*, int, float*,
                     const float*) const {
  std::abort();
}

}  // namespace scrawl
#endif
