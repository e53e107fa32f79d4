// What a user's input really goes through, applied to MNIST test digits for the robustness
// evaluation: each transform turns a 28×28 MNIST digit (white on black) into the bytes or
// image a user would hand the app.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/image.h"
#include "core/rng.h"

namespace scrawl {

struct UserTransform {
  const char* name;         // short id, e.g. "jpeg50"
  const char* description;  // for people
  // Fills either image or (for encoded formats) file bytes; returns true if it filled bytes.
  bool (*apply)(const uint8_t* digit, Rng& rng, GrayImage& image, std::vector<uint8_t>& bytes);
};

const std::vector<UserTransform>& user_transforms();

// Building blocks, exposed for tests.
GrayImage mnist_to_image(const uint8_t* digit);  // 28×28 as stored
GrayImage invert(const GrayImage& img);          // white on black <-> black on white
GrayImage scale_bilinear(const GrayImage& img, int factor);
GrayImage place_on_canvas(const GrayImage& img, int w, int h, int x, int y, uint8_t paper);
GrayImage rotate(const GrayImage& img, float degrees, uint8_t paper);
GrayImage morph(const GrayImage& img, int radius, bool grow_bright);  // grey dilation / erosion

}  // namespace scrawl
