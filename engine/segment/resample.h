#pragma once

namespace scrawl {

// Resizes a float image by area averaging: each output pixel is the mean of the source area
// it covers (an exact box filter), which anti-aliases when shrinking and interpolates
// piecewise when enlarging. src_stride is in floats.
void resample_area(const float* src, int src_w, int src_h, int src_stride, float* dst, int dst_w, int dst_h);

}  // namespace scrawl
