// Grey-level dilation and erosion over a (2r+1)² square: along columns in time independent of
// r (van Herk / Gil-Werman), along rows in log r vectorised passes; with scratch buffers the
// caller keeps. For uint8_t and float images.
#pragma once
#include <cstdint>
#include <vector>

namespace scrawl {

template <class T>
class Morphology {
 public:
  // In place. Outside the image counts as neither bright nor dark.
  void dilate(std::vector<T>& img, int w, int h, int r) { filter<true>(img, w, h, r); }
  void erode(std::vector<T>& img, int w, int h, int r) { filter<false>(img, w, h, r); }
  // Closing fills dark features narrower than 2r+1; opening removes such bright ones.
  void close(std::vector<T>& img, int w, int h, int r) { dilate(img, w, h, r), erode(img, w, h, r); }
  void open(std::vector<T>& img, int w, int h, int r) { erode(img, w, h, r), dilate(img, w, h, r); }

 private:
  template <bool kMax>
  void filter(std::vector<T>& img, int w, int h, int r);
  std::vector<T> fwd_, bwd_, pad_;
};

extern template class Morphology<uint8_t>;
extern template class Morphology<float>;

}  // namespace scrawl
