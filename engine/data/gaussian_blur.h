#pragma once
#include <vector>

namespace scrawl {

// Separable Gaussian blur of a w×h float image in place, edges clamped; the kernel is cut off
// `reach` sigmas from its centre. tmp is scratch, reused between calls.
void gaussian_blur(std::vector<float>& img, std::vector<float>& tmp, int w, int h, float sigma, float reach);

}  // namespace scrawl
