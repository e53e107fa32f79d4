#include "background.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "core/tally.h"

namespace scrawl {
namespace {

// 3×3 mean, in place (edges clamped): softens the block pattern of the estimate.
void box_blur3(std::vector<float>& img, std::vector<float>& tmp, int w, int h) {
  tmp.resize(img.size());
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      tmp[size_t(y) * w + x] = (img[size_t(y) * w + std::max(0, x - 1)] + img[size_t(y) * w + x] +
                                img[size_t(y) * w + std::min(w - 1, x + 1)]) /
                               3.0f;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      img[size_t(y) * w + x] = (tmp[size_t(std::max(0, y - 1)) * w + x] + tmp[size_t(y) * w + x] +
                                tmp[size_t(std::min(h - 1, y + 1)) * w + x]) /
                               3.0f;
}

// One raster scan of fill_enclosed, forth (step 1) or back (-1): each pixel takes the lowest
// level a neighbour already scanned offers, but no lower than its own. Whether any changed.
bool fill_pass(const std::vector<float>& img, std::vector<float>& fill, int w, int h, int step) {
  bool changed = false;
  for (int y = step == 1 ? 0 : h - 1; y >= 0 && y < h; y += step)
    for (int x = step == 1 ? 0 : w - 1; x >= 0 && x < w; x += step) {
      const size_t i = size_t(y) * w + x;
      float m = fill[i];
      for (int dx = -1; dx <= 1; ++dx) {
        const int ny = y - step, nx = x + dx;
        if (ny >= 0 && ny < h && nx >= 0 && nx < w) m = std::min(m, fill[size_t(ny) * w + nx]);
      }
      if (x - step >= 0 && x - step < w) m = std::min(m, fill[i - step]);
      m = std::max(m, img[i]);
      if (m < fill[i]) fill[i] = m, changed = true;
    }
  return changed;
}

// Grey-level fill of the dark regions that do not touch the border (morphological
// reconstruction by erosion from the border), in place. Each pixel becomes the lowest level
// at which a path leads from it to the border without crossing anything brighter.
void fill_enclosed(std::vector<float>& img, std::vector<float>& fill, int w, int h) {
  fill.assign(img.size(), 1e9f);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      if (x == 0 || y == 0 || x == w - 1 || y == h - 1) fill[size_t(y) * w + x] = img[size_t(y) * w + x];
  // Raster scans forth and back until nothing changes (a few passes on a small image).
  for (bool changed = true; changed;) {
    changed = fill_pass(img, fill, w, h, 1);
    changed = fill_pass(img, fill, w, h, -1) || changed;
  }
  img.swap(fill);
}

// Images no larger than this (pixels a side) are crops of about one digit.
constexpr int kSmallCrop = 100;
// Percent of the pixels within the noise of the median for a background to count as even.
constexpr int kEvenBackground = 85;
// A flat background: at least this share of the pixels within two levels of the border's, and
// at most this share between that and the ink, and at most kInkShare beyond.
constexpr double kFlatShare = 0.4, kBetweenShare = 0.1, kInkShare = 0.6, kBorderInkShare = 0.1;

// A canvas's ink is mostly one colour too (a third of it within a few levels); a shadow
// spreads over many. The most pixels beyond `contrast` from `level` within 6 levels of one
// level, and that level in ink_level.
long long ink_peak_of(const long long* hist, int level, int contrast, int& ink_level) {
  long long ink_peak = 0;
  for (int v = 0; v < 256; ++v) {
    if (std::abs(v - level) <= contrast) continue;
    long long around = 0;
    for (int u = std::max(0, v - 6); u <= std::min(255, v + 6); ++u)
      around += std::abs(u - level) > contrast ? hist[u] : 0;
    if (around > ink_peak) ink_peak = around, ink_level = v;
  }
  return ink_peak;
}

bool border_darker_than_mean(const std::vector<uint8_t>& img, int w, int h) {
  double border = 0, all = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      all += img[size_t(y) * w + x];
      if (x == 0 || y == 0 || x == w - 1 || y == h - 1) border += img[size_t(y) * w + x];
    }
  return border / double(2 * (w + h) - 4) < all / double(img.size());
}

}  // namespace

bool BackgroundFlattener::light_ink(const std::vector<uint8_t>& gray, int w, int h) {
  int pw = 0, ph = 0;
  sample_probe(gray, w, h, pw, ph);
  const int contrast = noise_contrast(pw, ph);
  bool light = false;
  if (even_background_says(pw, ph, contrast, light)) return light;
  return structure_says(w, h, pw, ph, contrast);
}

void BackgroundFlattener::sample_probe(const std::vector<uint8_t>& gray, int w, int h, int& pw, int& ph) {
  // On a copy of at most ~640 pixels a side (every f-th pixel), thin dark structure is what
  // a small closing fills in, thin light structure what a small opening removes.
  const int f = std::max(1, (std::max(w, h) + 639) / 640);
  pw = (w + f - 1) / f, ph = (h + f - 1) / f;
  probe_.resize(size_t(pw) * ph);
  if (f == 1) {  // the image itself
    std::copy(gray.begin(), gray.begin() + long(probe_.size()), probe_.begin());
    return;
  }
  for (int y = 0; y < ph; ++y)
    for (int x = 0; x < pw; ++x) probe_[size_t(y) * pw + x] = gray[size_t(y * f) * w + size_t(x * f)];
}

int BackgroundFlattener::noise_contrast(int pw, int ph) const {
  // Noise level: the median difference between horizontal neighbours (strokes are too
  // few to move it); only what stands out well above it counts.
  Tally<256> tally;
  for (int y = 0; y < ph; ++y) {
    const uint8_t* row = probe_.data() + size_t(y) * pw;
    tally.add(size_t(std::max(0, pw - 1)), [row](size_t x) { return std::abs(int(row[x + 1]) - int(row[x])); });
  }
  long long diffs[256] = {};
  tally.add_to(diffs);
  const long long count = (long long)ph * std::max(0, pw - 1);
  int median_diff = 0;
  for (long long seen = 0; median_diff < 255 && (seen += diffs[median_diff]) * 2 < count;) ++median_diff;
  return std::max(int(kStrokeContrast), 4 * median_diff);
}

bool BackgroundFlattener::even_background_says(int pw, int ph, int contrast, bool& light_ink) {
  // An even background filling most of the image (a canvas, a scan, a crop): the ink is on
  // the side of it that holds the far-off pixels. Structure would mislead here: the gaps
  // between bold strokes look like thin light strokes.
  long long hist[256] = {};
  Tally<256> tally;
  tally.add(probe_.size(), [this](size_t i) { return probe_[i]; });
  tally.add_to(hist);
  int median = 0;
  for (long long seen = 0; median < 255 && (seen += hist[median]) * 2 < (long long)probe_.size();) ++median;
  long long even = 0;
  double dark = 0, light = 0;
  for (int v = 0; v < 256; ++v) {
    const int d = v - median;
    if (std::abs(d) <= contrast) even += hist[v];
    else if (d < 0) dark += double(hist[v]) * -d;
    else light += double(hist[v]) * d;
  }
  double flat_dark = 0, flat_light = 0;
  judge_flat(hist, pw, ph, contrast, flat_dark, flat_light);
  const double some_ink = 0.001 * 255.0 * double(probe_.size());
  if (flat_ && flat_dark + flat_light >= some_ink) return light_ink = flat_light > flat_dark, true;
  if (even >= (long long)probe_.size() * kEvenBackground / 100 && dark + light >= some_ink)
    return light_ink = light > dark, true;
  return false;
}

void BackgroundFlattener::judge_flat(const long long* hist, int pw, int ph, int contrast, double& flat_dark,
                                     double& flat_light) {
  // A flat background (a canvas): the level its border shows, which a bold digit covering
  // most of the image leaves alone, holds much of the image, and next to nothing lies
  // between it and the ink but the strokes' soft edges.
  std::vector<uint8_t>& border = probe_opened_;
  border.clear();
  for (int y = 0; y < ph; ++y) {
    const uint8_t* row = probe_.data() + size_t(y) * pw;
    if (y == 0 || y == ph - 1) {
      border.insert(border.end(), row, row + pw);
    } else {
      border.push_back(row[0]);
      if (pw > 1) border.push_back(row[pw - 1]);
    }
  }
  std::nth_element(border.begin(), border.begin() + long(border.size() / 2), border.end());
  const int level = border[border.size() / 2];
  // A shadow or the dark of a vignette reaches the border; a digit touches it at most.
  size_t border_ink = 0;
  for (uint8_t v : border) border_ink += std::abs(int(v) - level) > contrast;
  long long at_level = 0, between = 0, beyond = 0;
  for (int v = 0; v < 256; ++v) {
    const int d = v - level;
    if (std::abs(d) <= 2) at_level += hist[v];
    else if (std::abs(d) <= contrast) between += hist[v];
    else (d < 0 ? flat_dark : flat_light) += double(hist[v]) * std::abs(d), beyond += hist[v];
  }
  int ink_level = 0;
  const long long ink_peak = ink_peak_of(hist, level, contrast, ink_level);
  const double n = double(probe_.size());
  // (Ink covers less than the paper: a page photographed on a white table is not a canvas.)
  flat_ = double(at_level) >= kFlatShare * n && double(between) <= kBetweenShare * n &&
          double(beyond) <= kInkShare * n && 3 * ink_peak >= beyond &&
          double(border_ink) <= kBorderInkShare * double(border.size());
  flat_level_ = float(level), flat_ink_level_ = float(ink_level);
}

void BackgroundFlattener::structure(int r, int pw, int ph, int contrast, double& dark, double& light) {
  // How much thin dark and thin light structure a window of 2r+1 finds.
  probe_closed_ = probe_;
  bytes_.close(probe_closed_, pw, ph, r);
  probe_opened_ = probe_;
  bytes_.open(probe_opened_, pw, ph, r);
  dark = 0, light = 0;
  for (size_t i = 0; i < probe_.size(); ++i) {
    dark += std::max(0, int(probe_closed_[i]) - int(probe_[i]) - contrast);
    light += std::max(0, int(probe_[i]) - int(probe_opened_[i]) - contrast);
  }
}

bool BackgroundFlattener::structure_says(int w, int h, int pw, int ph, int contrast) {
  // Thin strokes first; strokes too bold for that window (a marker digit filling a small
  // canvas) show in one four times as wide.
  for (int r = std::max(1, std::max(pw, ph) / 200), scale = 0; scale < 2; ++scale, r *= 4) {
    double dark = 0, light = 0;
    structure(r, pw, ph, contrast, dark, light);
    // Dark ink on light paper is by far the common case: turning the page over needs a
    // clear lead, and a page with no strokes at all stays as it is.
    if (std::max(dark, light) < 0.001 * 255.0 * double(probe_.size())) continue;
    if (light > 2 * dark) {
      // The paper inside a felt-tip digit's loops and between its strokes is thin light
      // structure too. A window four times as wide spans such strokes: dark ink then leads
      // there, where light strokes would still.
      if (std::max(w, h) <= kSmallCrop) return true;
      double wide_dark = 0, wide_light = 0;
      structure(4 * r, pw, ph, contrast, wide_dark, wide_light);
      return wide_light >= wide_dark;
    }
    if (dark > 2 * light || std::max(w, h) > kSmallCrop) return false;
    // Neither leads in a crop of about one digit: strokes so bold that the gaps between them
    // look like strokes too (a thick light digit filling a small dark crop). The paper is what
    // the crop's border shows. (On a photo the border is often the table, so not there.)
    return border_darker_than_mean(probe_, pw, ph);
  }
  return false;
}

void BackgroundFlattener::narrow_cap_at_frame(const std::vector<uint8_t>& gray, int w, int h, int near) {
  // What the wide cap takes for ink and that connects to the image's border: a flood from it,
  // span by span along the rows (8-connected).
  seen_.assign(size_t(w) * h, 0);
  stack_.clear();
  int x0 = w, y0 = h, x1 = -1, y1 = -1;
  const auto dark = [&](size_t i) { return !seen_[i] && float(gray[i]) + kStrokeContrast < float(local_close_[i]); };
  for (int x = 0; x < w; ++x) stack_.push_back(x), stack_.push_back((h - 1) * w + x);
  for (int y = 1; y < h - 1; ++y) stack_.push_back(y * w), stack_.push_back(y * w + w - 1);
  while (!stack_.empty()) {
    const int at = stack_.back();
    stack_.pop_back();
    if (!dark(size_t(at))) continue;
    const int y = at / w;
    const size_t row = size_t(y) * w;
    int l = at - y * w, r = l;
    while (l > 0 && dark(row + size_t(l - 1))) --l;
    while (r < w - 1 && dark(row + size_t(r + 1))) ++r;
    std::fill(seen_.begin() + long(row) + l, seen_.begin() + long(row) + r + 1, uint8_t(1));
    x0 = std::min(x0, l), x1 = std::max(x1, r), y0 = std::min(y0, y), y1 = std::max(y1, y);
    // One seed per run of dark pixels in the rows above and below, diagonals included.
    for (const int ny : {y - 1, y + 1}) {
      if (ny < 0 || ny >= h) continue;
      const size_t nrow = size_t(ny) * w;
      bool in_run = false;
      for (int x = std::max(0, l - 1); x <= std::min(w - 1, r + 1); ++x) {
        const bool d = dark(nrow + size_t(x));
        if (d && !in_run) stack_.push_back(int(nrow) + x);
        in_run = d;
      }
    }
  }
  if (x1 < 0) return;
  // The narrow closing, only around what the flood reached (a closing of radius r sees 2r
  // pixels around each one, so the crop changes nothing there).
  const int cx0 = std::max(0, x0 - 2 * near), cy0 = std::max(0, y0 - 2 * near);
  const int cw = std::min(w, x1 + 1 + 2 * near) - cx0, ch = std::min(h, y1 + 1 + 2 * near) - cy0;
  narrow_close_.resize(size_t(cw) * ch);
  for (int y = 0; y < ch; ++y)
    std::copy_n(gray.data() + size_t(cy0 + y) * w + cx0, cw, narrow_close_.data() + size_t(y) * cw);
  bytes_.close(narrow_close_, cw, ch, near);
  for (int y = y0; y <= y1; ++y)
    for (int x = x0; x <= x1; ++x) {
      const size_t i = size_t(y) * w + x;
      if (seen_[i]) local_close_[i] = std::min(local_close_[i], narrow_close_[size_t(y - cy0) * cw + (x - cx0)]);
    }
}

const std::vector<float>& BackgroundFlattener::flatten(std::vector<uint8_t>& gray, int w, int h, bool bold_strokes) {
  // Half the widest stroke, in working pixels; blocks of half that size keep the small copy
  // cheap (about 50×40 for a big photo) while a few blocks still span any stroke.
  const float half_stroke = std::max({2.0f, 0.5f * kMaxStroke * float(std::max(w, h)),
                                      std::min(kMaxStrokeShort * float(std::min(w, h)), kMaxStrokePixels)});
  const int block = std::max(1, int(half_stroke / 2));
  const int radius = int(std::ceil(half_stroke / float(block)));
  const int sw = (w + block - 1) / block, sh = (h + block - 1) / block;

  inverted_ = light_ink(gray, w, h);
  if (inverted_)
    for (uint8_t& v : gray) v = uint8_t(255 - v);
  if (flat_) return flat_darkness(gray, w, h);

  close_image(gray, w, h, std::max(2, int(half_stroke)));
  estimate_paper(gray, w, h, block, radius, sw, sh);

  // The estimate is smooth; where the page meets the table it runs over onto the table.
  // Capping it with the small closing of the image itself puts that edge back where it is,
  // while strokes narrower than the closing still see the paper beside them.

  // Darkness is measured against the paper, but no darker a paper than a share of the
  // brightest: in deep shadow or on the table the ink would be invisible anyway, and
  // dividing by a small level would blow the noise up into specks.
  tmp_ = small_;
  std::nth_element(tmp_.begin(), tmp_.begin() + tmp_.size() * 9 / 10, tmp_.end());
  const float min_paper = std::max(8.0f, 0.8f * tmp_[tmp_.size() * 9 / 10]);
  darkness_against_paper(gray, w, h, block, sw, sh, min_paper, bold_strokes);
  return darkness_;
}

const std::vector<float>& BackgroundFlattener::flat_darkness(const std::vector<uint8_t>& gray, int w, int h) {
  // A flat background (a canvas) is its own paper level everywhere: no estimate to make, so
  // however bold a stroke, it is never taken for paper.
  // The ink's own level is full darkness: grey ink on a grey canvas reads as well as black on
  // white.
  const float paper = inverted_ ? 255.0f - flat_level_ : flat_level_;
  const float ink = inverted_ ? 255.0f - flat_ink_level_ : flat_ink_level_;
  const float span = std::max(8.0f, std::max(paper - ink, 0.0f));
  darkness_.resize(size_t(w) * h);
  for (size_t i = 0; i < darkness_.size(); ++i) darkness_[i] = std::clamp((paper - float(gray[i])) / span, 0.0f, 1.0f);
  return darkness_;
}

void BackgroundFlattener::close_image(const std::vector<uint8_t>& gray, int w, int h, int near) {
  // A closing of the image itself, wide enough to fill in a bold stroke even out of focus:
  // caps the smooth estimate below (see there). A strip of the table beside the page can be as
  // narrow as such a stroke; it reaches the frame, and there a closing half as wide caps.
  // (The wide one on a half-size copy that keeps each 2×2 block's brightest pixel: it need not
  // be sharp, and a second closing at full size would cost a 12-megapixel photo a tenth more.)
  const int hw = (w + 1) / 2, hh = (h + 1) / 2;
  half_close_.assign(size_t(hw) * hh, 0);
  for (int y = 0; y < h; ++y) {
    uint8_t* dst = half_close_.data() + size_t(y / 2) * hw;
    const uint8_t* src = gray.data() + size_t(y) * w;
    for (int x = 0; x < w; ++x) dst[x / 2] = std::max(dst[x / 2], src[x]);
  }
  bytes_.close(half_close_, hw, hh, near);
  local_close_.resize(gray.size());
  for (int y = 0; y < h; ++y) {
    const uint8_t* src = half_close_.data() + size_t(y / 2) * hw;
    uint8_t* dst = local_close_.data() + size_t(y) * w;
    for (int x = 0; x < w; ++x) dst[x] = src[x / 2];
  }
  narrow_cap_at_frame(gray, w, h, near);
}

void BackgroundFlattener::estimate_paper(const std::vector<uint8_t>& gray, int w, int h, int block, int radius, int sw,
                                         int sh) {
  // Brightest pixel per block: any block that touches paper reports the paper.
  small_.assign(size_t(sw) * sh, 0.0f);
  for (int y = 0; y < h; ++y) {
    float* row = small_.data() + size_t(y / block) * sw;
    const uint8_t* src = gray.data() + size_t(y) * w;
    for (int x = 0; x < w; ++x) row[x / block] = std::max(row[x / block], float(src[x]));
  }
  // Closing: the max filter fills in blocks lying wholly on ink, the min filter then moves
  // the edges of real shadows back to where they were.
  closed_ = small_;
  floats_.close(closed_, sw, sh, radius);
  box_blur3(closed_, tmp_, sw, sh);
  fill_enclosed(small_, tmp_, sw, sh);
  for (size_t i = 0; i < small_.size(); ++i) small_[i] = std::min(small_[i], closed_[i]);
}

void BackgroundFlattener::darkness_against_paper(const std::vector<uint8_t>& gray, int w, int h, int block, int sw,
                                                 int sh, float min_paper, bool bold_strokes) {
  // Bilinear upsampling of the paper level (row by row: first between two rows of the
  // small copy, then along the row), then darkness = 1 - pixel / paper.
  x0_.resize(size_t(w)), tx_.resize(size_t(w)), row_.resize(size_t(sw));
  for (int x = 0; x < w; ++x) {
    const float fx = std::clamp((x + 0.5f) / block - 0.5f, 0.0f, float(sw - 1));
    x0_[size_t(x)] = std::min(int(fx), std::max(0, sw - 2));
    tx_[size_t(x)] = fx - float(x0_[size_t(x)]);
  }
  darkness_.resize(size_t(w) * h);
  for (int y = 0; y < h; ++y) {
    const float fy = std::clamp((y + 0.5f) / block - 0.5f, 0.0f, float(sh - 1));
    const int y0 = int(fy), y1 = std::min(sh - 1, y0 + 1);
    const float ty = fy - float(y0);
    const float* r0 = small_.data() + size_t(y0) * sw;
    const float* r1 = small_.data() + size_t(y1) * sw;
    for (int i = 0; i < sw; ++i) row_[size_t(i)] = (1 - ty) * r0[i] + ty * r1[i];
    const uint8_t* src = gray.data() + size_t(y) * w;
    const uint8_t* cap = local_close_.data() + size_t(y) * w;
    float* dst = darkness_.data() + size_t(y) * w;
    for (int x = 0; x < w; ++x) {
      const int i = x0_[size_t(x)];
      const float t = tx_[size_t(x)];
      const float smooth = sw > 1 ? (1 - t) * row_[size_t(i)] + t * row_[size_t(i + 1)] : row_[0];
      const float paper = bold_strokes ? smooth : std::min(smooth, float(cap[x]));
      dst[x] = std::clamp((paper - float(src[x])) / std::max(paper, min_paper), 0.0f, 1.0f);
    }
  }
}

}  // namespace scrawl
