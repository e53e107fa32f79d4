#include "phone_photo.h"

#include <algorithm>
#include <chrono>

namespace scrawl {

std::vector<uint8_t> phone_photo_rgba(const synth::Page& page, int w, int h) {
  std::vector<uint8_t> rgba(size_t(w) * h * 4, 255);
  for (int y = 0; y < h; ++y) {
    const float fy = std::clamp((y + 0.5f) * page.height / h - 0.5f, 0.0f, float(page.height - 1));
    const int y0 = int(fy), y1 = std::min(page.height - 1, y0 + 1);
    const float ty = fy - y0;
    for (int x = 0; x < w; ++x) {
      const float fx = std::clamp((x + 0.5f) * page.width / w - 0.5f, 0.0f, float(page.width - 1));
      const int x0 = int(fx), x1 = std::min(page.width - 1, x0 + 1);
      const float tx = fx - x0;
      for (int c = 0; c < 3; ++c) {
        auto at = [&](int xx, int yy) { return float(page.rgb[(size_t(yy) * page.width + xx) * 3 + size_t(c)]); };
        const float v =
            (1 - ty) * ((1 - tx) * at(x0, y0) + tx * at(x1, y0)) + ty * ((1 - tx) * at(x0, y1) + tx * at(x1, y1));
        rgba[(size_t(y) * w + x) * 4 + size_t(c)] = uint8_t(v + 0.5f);
      }
    }
  }
  return rgba;
}

PhonePhotoTiming time_phone_photo(Recognizer& reader, synth::PageMaker& maker, uint64_t seed) {
  Rng rng(seed, 999999, 17);
  const synth::Page page = maker.make(5, rng, 1000, 750);
  const auto photo = phone_photo_rgba(page, 4000, 3000);
  PhonePhotoTiming t;
  t.best_seconds = 1e9;
  t.written = page.text;
  for (int i = 0; i < 3; ++i) {
    const auto start = std::chrono::steady_clock::now();
    auto r = reader.read(photo.data(), 4000, 3000);
    t.best_seconds =
        std::min(t.best_seconds, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    t.got = r ? r->digit_text : r.error().message;
  }
  return t;
}

}  // namespace scrawl
