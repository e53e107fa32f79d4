#include "morphology.h"

#include <algorithm>
#include <limits>

namespace scrawl {
namespace {

// to[i] = the extreme of from[i] and from[i + step], for i < n.
template <bool kMax, class T>
void pair_extremes(const T* __restrict from, T* __restrict to, int n, int step) {
  for (int i = 0; i < n; ++i) to[i] = kMax ? std::max(from[i], from[i + step]) : std::min(from[i], from[i + step]);
}

}  // namespace

template <class T>
template <bool kMax>
void Morphology<T>::filter(std::vector<T>& img, int w, int h, int r) {
  if (r <= 0 || w <= 0 || h <= 0) return;
  auto pick = [](T a, T b) { return kMax ? std::max(a, b) : std::min(a, b); };
  const T neutral = kMax ? std::numeric_limits<T>::lowest() : std::numeric_limits<T>::max();
  const int k = 2 * r + 1;

  // Along rows: the extreme of each window of k, by doubling. After the pass with step s each
  // value is the extreme of the 2s values from it on, and two overlapping windows of the
  // largest power of two up to k cover one of k. Every pass runs along memory with no carried
  // dependence, so it vectorises (the running extremes of van Herk's scheme do not, and were
  // most of this filter's time).
  const int len = w + 2 * r;
  int span = 1;
  while (2 * span <= k) span *= 2;
  fwd_.resize(size_t(len)), bwd_.resize(size_t(len)), pad_.assign(size_t(len), neutral);
  for (int y = 0; y < h; ++y) {
    T* row = img.data() + size_t(y) * w;
    std::copy(row, row + w, pad_.begin() + r);
    const T* from = pad_.data();
    T* to = fwd_.data();
    int valid = len;  // values of `from` that hold a whole window
    for (int s = 1; s < span; s *= 2) {
      valid -= s;
      pair_extremes<kMax>(from, to, valid, s);
      from = to;
      to = to == fwd_.data() ? bwd_.data() : fwd_.data();
    }
    const int rest = k - span;
    for (int x = 0; x < w; ++x) row[x] = pick(from[x], from[x + rest]);
  }

  // Along columns: van Herk's running extremes within blocks of k, with whole rows as the unit,
  // so the inner loops run along memory (and vectorise).
  const int rows = h + 2 * r;
  fwd_.resize(size_t(rows) * w), bwd_.resize(size_t(rows) * w);
  auto src = [&](int i) { return (i < r || i >= h + r) ? nullptr : img.data() + size_t(i - r) * w; };
  for (int i = 0; i < rows; ++i) {
    T* f = fwd_.data() + size_t(i) * w;
    const T* s = src(i);
    if (i % k == 0) {
      for (int x = 0; x < w; ++x) f[x] = s ? s[x] : neutral;
    } else {
      const T* prev = f - w;
      for (int x = 0; x < w; ++x) f[x] = s ? pick(prev[x], s[x]) : prev[x];
    }
  }
  for (int i = rows - 1; i >= 0; --i) {
    T* b = bwd_.data() + size_t(i) * w;
    const T* s = src(i);
    if (i % k == k - 1 || i == rows - 1) {
      for (int x = 0; x < w; ++x) b[x] = s ? s[x] : neutral;
    } else {
      const T* next = b + w;
      for (int x = 0; x < w; ++x) b[x] = s ? pick(next[x], s[x]) : next[x];
    }
  }
  for (int y = 0; y < h; ++y) {
    T* out = img.data() + size_t(y) * w;
    const T* b = bwd_.data() + size_t(y) * w;
    const T* f = fwd_.data() + size_t(y + 2 * r) * w;
    for (int x = 0; x < w; ++x) out[x] = pick(b[x], f[x]);
  }
}

template class Morphology<uint8_t>;
template class Morphology<float>;

}  // namespace scrawl
