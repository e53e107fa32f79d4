// A small seeded generator with its own distributions, so that a seed gives the same
// numbers with every compiler and standard library (std:: distributions do not).
#pragma once
#include <cmath>
#include <cstdint>

namespace scrawl {

class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed ^ 0x9E3779B97F4A7C15ull) { next(); }
  // A stream that depends only on (seed, a, b): lets threads draw reproducibly.
  Rng(uint64_t seed, uint64_t a, uint64_t b) : Rng(seed ^ mix(a * 0xD1B54A32D192ED03ull + mix(b + 1))) {}

  uint64_t next() { return mix(s_ += 0x9E3779B97F4A7C15ull); }
  // [0, 1)
  float uniform() { return float(next() >> 40) * (1.0f / 16777216.0f); }
  float uniform(float lo, float hi) { return lo + (hi - lo) * uniform(); }
  int below(int n) { return int((next() >> 33) % uint64_t(n)); }
  bool chance(float p) { return uniform() < p; }
  float normal() {
    float u1 = uniform();
    float u2 = uniform();
    if (u1 < 1e-7f) u1 = 1e-7f;
    return std::sqrt(-2.0f * std::log(u1)) * std::cos(6.28318530718f * u2);
  }

 private:
  static uint64_t mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint64_t s_;
};

}  // namespace scrawl
