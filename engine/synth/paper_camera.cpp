#include "paper_camera.h"

#include <algorithm>
#include <cmath>

#include "data/encode.h"
#include "data/gaussian_blur.h"

namespace scrawl::synth {

PhotoLook photo_look(Rng& rng) {
  PhotoLook l;
  const float white = rng.uniform(185, 245);
  const float warm = rng.uniform(-18, 18);  // white balance: warm (yellow) or cold (blue)
  l.paper[0] = white + warm, l.paper[1] = white + warm * 0.3f, l.paper[2] = white - warm;
  if (rng.chance(0.5f)) {
    const float k = rng.uniform(20, 70);
    l.ink[0] = k, l.ink[1] = k, l.ink[2] = k + rng.uniform(0, 10);
  } else {
    l.ink[0] = rng.uniform(20, 60), l.ink[1] = rng.uniform(30, 80), l.ink[2] = rng.uniform(110, 170);
  }
  l.gradient = rng.uniform(0, 0.35f);
  l.angle = rng.uniform(0, 6.2832f);
  l.vignette = rng.uniform(0, 0.45f);
  l.shadow = rng.chance(0.5f) ? rng.uniform(0.15f, 0.45f) : 0.0f;
  l.blur = rng.chance(0.6f) ? rng.uniform(0.3f, 1.0f) : 0.0f;  // in units of the stroke width
  l.noise = rng.uniform(1, 6);
  l.quality = 50 + rng.below(43);
  return l;
}

std::vector<uint8_t> photograph(std::vector<float>& cover, int w, int h, const PhotoLook& l, float stroke, Rng& rng) {
  std::vector<float> tmp;
  if (l.blur > 0) gaussian_blur(cover, tmp, w, h, std::max(0.5f, l.blur * stroke * 0.5f), 3.0f);
  // A soft shadow: a half-plane with a blurred edge (a hand or a phone between the lamp and the page).
  const float sa = rng.uniform(0, 6.2832f), snx = std::cos(sa), sny = std::sin(sa);
  const float sc = rng.uniform(-0.3f, 0.3f) * float(std::max(w, h)),
              soft = rng.uniform(0.05f, 0.25f) * float(std::max(w, h));
  const float gx = std::cos(l.angle), gy = std::sin(l.angle), diag = std::hypot(float(w), float(h));
  std::vector<uint8_t> rgb(size_t(w) * h * 3);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const float u = float(x) - w / 2.0f, v = float(y) - h / 2.0f;
      float light = 1 - l.gradient * (0.5f + (u * gx + v * gy) / diag);
      light *= 1 - l.vignette * (u * u + v * v) / (0.25f * diag * diag);
      if (l.shadow > 0) {
        const float d = (u * snx + v * sny - sc) / soft;
        light *= 1 - l.shadow / (1 + std::exp(-4 * d));
      }
      const float c = cover[size_t(y) * w + x];
      for (int k = 0; k < 3; ++k) {
        const float tone = l.paper[k] + c * (l.ink[k] - l.paper[k]);
        rgb[(size_t(y) * w + x) * 3 + k] = uint8_t(std::clamp(tone * light + l.noise * rng.normal(), 0.0f, 255.0f));
      }
    }
  return encode_jpeg(rgb, w, h, l.quality);
}

}  // namespace scrawl::synth
