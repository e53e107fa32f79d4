#include "ink.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "segment/resample.h"

namespace scrawl {
namespace {

int percentile(const std::array<int, 256>& hist, long long total, double q) {
  const long long want = std::max<long long>(1, (long long)std::ceil(q * double(total)));
  long long seen = 0;
  for (int v = 0; v < 256; ++v)
    if ((seen += hist[size_t(v)]) >= want) return v;
  return 255;
}

}  // namespace

Result<InkImage*> InkExtractor::extract(const GrayImage& image) {
  if (image.empty()) return make_error(ErrorCode::kEmptyImage, "the image is empty");
  const int longest = std::max(image.width, image.height);
  const float scale = longest > kWorkMaxSide ? float(longest) / kWorkMaxSide : 1.0f;
  out_.width = std::max(1, int(std::lround(image.width / scale)));
  out_.height = std::max(1, int(std::lround(image.height / scale)));
  out_.scale = scale;
  const size_t n = size_t(out_.width) * out_.height;
  out_.ink.resize(n);

  // Gray levels of the working copy, shrunk by area averaging when the source is big.
  if (scale > 1.0f) {
    work_.resize(size_t(image.width) * image.height);
    std::transform(image.pixels.begin(), image.pixels.end(), work_.begin(), [](uint8_t v) { return float(v); });
    resample_area(work_.data(), image.width, image.height, image.width, out_.ink.data(), out_.width, out_.height);
  } else {
    std::transform(image.pixels.begin(), image.pixels.end(), out_.ink.begin(), [](uint8_t v) { return float(v); });
  }

  std::array<int, 256> hist{};
  for (float v : out_.ink) ++hist[size_t(std::clamp(int(v + 0.5f), 0, 255))];
  const int paper = percentile(hist, (long long)n, 0.5);

  // Polarity: the side of the paper level holding more far-off mass is the ink. Symmetric
  // noise (salt and pepper, grain) adds to both sides alike and cancels out.
  double dark_mass = 0, light_mass = 0;
  for (int v = 0; v < 256; ++v) {
    const int d = v - paper;
    if (d < -int(kMinContrast)) dark_mass += double(hist[size_t(v)]) * (-d);
    if (d > int(kMinContrast)) light_mass += double(hist[size_t(v)]) * d;
  }
  out_.dark_ink = dark_mass >= light_mass;

  // Ink level: a high percentile of the deviations on the ink side, so one dark speck
  // does not set the scale.
  std::array<int, 256> dev{};
  long long ink_pixels = 0;
  for (int v = 0; v < 256; ++v) {
    const int d = out_.dark_ink ? paper - v : v - paper;
    if (d > int(kMinContrast / 2)) {
      dev[size_t(d)] += hist[size_t(v)];
      ink_pixels += hist[size_t(v)];
    }
  }
  if (ink_pixels == 0) return make_error(ErrorCode::kNoDigit, "no digit found: the image is blank");
  out_.contrast = float(percentile(dev, ink_pixels, 0.9));
  if (out_.contrast < kMinContrast)
    return make_error(ErrorCode::kNoDigit, "no digit found: nothing stands out from the background");

  // Map to 0..1 with a floor that swallows paper grain and JPEG ringing.
  const float floor = 0.15f * out_.contrast;
  const float span = out_.contrast - floor;
  const float p = float(paper);
  for (float& v : out_.ink) {
    const float d = out_.dark_ink ? p - v : v - p;
    v = std::clamp((d - floor) / span, 0.0f, 1.0f);
  }
  return &out_;
}

}  // namespace scrawl
