#pragma once
#include <cstdint>

#include "layer.h"

// The browser's convolutions multiply integers (gemm_kernels.h, quantize.h); native inference
// sessions do the same (cmake -DSCRAWL_QUANTISED_CONV, on by default, with the kernel's AVX2
// form or its portable reference), so that every build reads exactly what the browser reads.
// Native training multiplies floats.
#if defined(__wasm_simd128__) || defined(SCRAWL_QUANTISED_CONV)
#define SCRAWL_CONV_QUANTISED 1
#endif

namespace scrawl {

// kh×kw convolution (odd sides), stride 1, "same" zero padding. Params: weights
// [out][in][kh][kw], bias [out]. "conv 16 3" is 3×3; "conv 96 1x3" reads along a row only
// (a line's columns, once its rows are pooled into one).
class Conv2D final : public Layer {
 public:
  Conv2D(Shape in, int filters, int kernel) : Conv2D(in, filters, kernel, kernel) {}
  Conv2D(Shape in, int filters, int kernel_h, int kernel_w);
  std::string spec() const override;
  int filters() const { return out_.c; }
  int kernel_h() const { return kh_; }
  int kernel_w() const { return kw_; }
  size_t param_count() const override;
  std::vector<std::vector<int>> param_shapes() const override { return {{out_.c, in_.c, kh_, kw_}, {out_.c}}; }
  size_t scratch_floats(int n) const override;
  void forward(const float* p, const float* x, float* y, int n, float* scratch, float* cache) const override;
#ifdef SCRAWL_CONV_QUANTISED
  // The weights as integers with their scales (quantize.h), made once per session.
  size_t prepared_floats() const override;
  void prepare(const float* p, float* prepared) const override;
  void forward_prepared(const float* p, const float* prepared, const float* x, float* y, int n,
                        float* scratch) const override;
#endif
#ifndef SCRAWL_INFERENCE_ONLY
  void init_params(std::span<float> p, Rng& rng) const override;
  void param_roles(std::span<ParamRole> roles) const override;
  void backward(const float* p, const float* x, const float* y, const float* dy, float* dx, float* dp, int n,
                float* scratch, const float* cache) const override;
#endif

 private:
  void im2col(const float* x, float* col) const;
#ifdef SCRAWL_CONV_QUANTISED
  // The image as integers (quantize.h), each channel framed by the kernel's zero padding, so
  // that every tap reads whole rows.
  struct PaddedImage {
    int width = 0, height = 0;  // of one channel's plane
    int chunks = 0;             // of 8 values, in a row of the output
    size_t values = 0;          // int16 in all, with the slack the last chunk reads
  };
  // int16 after the packed columns that a row's last chunk may write into.
  static constexpr size_t kColumnSlack = 16;
  PaddedImage padded_image() const;
  void pad_into(const float* x, float inverse_scale, int limit, int16_t* padded) const;
  // im2col's rows of the padded image, packed in pairs along K for the quantised kernel;
  // zeros: scratch for a row of zeros.
  void im2col_pairs(const int16_t* padded, int16_t* col, int16_t* zeros) const;
  void forward_quantised(const float* p, const float* prepared, const float* x, float* y, int n, float* scratch) const;
#endif
#ifndef SCRAWL_INFERENCE_ONLY
  void col2im(const float* col, float* dx) const;
#endif
  int kh_, kw_;
};

}  // namespace scrawl
