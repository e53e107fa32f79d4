#include "morphology.h"

#include <algorithm>
#include <limits>

namespace scrawl {

template <class T>
template <bool kMax>
void Morphology<T>::filter(std::vector<T>& img, int w, int h, int r) {
  if (r <= 0 || w <= 0 || h <= 0) return;
  auto pick = [](T a, T b) { return kMax ? std::max(a, b) : std::min(a, b); };
  const T neutral = kMax ? std::numeric_limits<T>::lowest() : std::numeric_limits<T>::max();
  const int k = 2 * r + 1;

  // Along rows: per row, running extremes forward and backward within blocks of k, over
  // the row padded by r on each side.
  const int len = w + 2 * r;
  fwd_.resize(size_t(len)), bwd_.resize(size_t(len)), pad_.assign(size_t(len), neutral);
  for (int y = 0; y < h; ++y) {
    T* row = img.data() + size_t(y) * w;
    std::copy(row, row + w, pad_.begin() + r);
    const T* v = pad_.data();
    for (int b = 0; b < len; b += k) {  // block by block: no test inside the loops
      const int e = std::min(len, b + k);
      fwd_[size_t(b)] = v[b];
      for (int i = b + 1; i < e; ++i) fwd_[size_t(i)] = pick(fwd_[size_t(i - 1)], v[i]);
      bwd_[size_t(e - 1)] = v[e - 1];
      for (int i = e - 2; i >= b; --i) bwd_[size_t(i)] = pick(bwd_[size_t(i + 1)], v[i]);
    }
    for (int x = 0; x < w; ++x) row[x] = pick(bwd_[size_t(x)], fwd_[size_t(x + 2 * r)]);
  }

  // Along columns: the same with whole rows as the unit, so the inner loops run along
  // memory (and vectorise).
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
