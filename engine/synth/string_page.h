// Synthetic test pages: MNIST *test* digits (never training digits) written as strings of
// digits on paper, then photographed badly: lighting gradients, shadows, blue or black ink,
// rotation, perspective, blur, noise, JPEG, touching neighbours, broken strokes, ruled paper,
// the table around the page. Blank pages (length 0) are the negatives.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/rng.h"
#include "data/mnist.h"

namespace scrawl::synth {

// What a page went through, for reports and for choosing samples to look at.
struct PageTraits {
  bool touching = false, broken = false, blue = false, shadow = false, ruled = false;
  bool border = false, blur = false, jpeg = false;
  float rotation = 0;      // degrees
  float digit_height = 0;  // pixels
};

struct Page {
  int width = 0, height = 0;
  std::vector<uint8_t> rgb;   // width*height*3, as the camera saw it
  std::vector<uint8_t> file;  // the JPEG a phone would hand over; empty: use rgb as is
  std::string text;           // the digits written, left to right; "" on a blank page
  // Whose ink each pixel is (width*height): k+1 for text[k] where its stroke is at least half
  // dark before blur, 0 elsewhere. What a cut-out holds is judged by this, not by its box.
  std::vector<uint8_t> owner;
  PageTraits traits;
};

// The page's pixels as RGBA (what an app hands over when there is no file).
std::vector<uint8_t> page_rgba(const Page& page);

class PageMaker {
 public:
  // test: MNIST's t10k set. Kept by reference.
  explicit PageMaker(const DigitSet& test) : digits_(test) {}
  // length: digits to write (0 for a blank page). width, height: the page's size in pixels
  // (0: chosen at random, up to 1400 pixels wide).
  Page make(int length, Rng& rng, int width = 0, int height = 0);

 private:
  struct Placed {          // one digit on the flat page
    size_t index;          // in the test set
    int cx0, cy0, cw, ch;  // its ink's box in the 28×28 image
    float x, y, scale;     // top-left on the page, page pixels per MNIST pixel
    bool broken;
  };
  // The phases of make(), in order. lay_out_string: the digits in units of the digit height,
  // and the string's length; size_page: the page's size, and the digit height in pixels.
  float lay_out_string(int length, Rng& rng, Page& page);
  float size_page(int length, float pen, Rng& rng, int width, int height_px);
  void draw_flat_page(int length, float pen, float height, Rng& rng, PageTraits& traits);
  void photograph(float height, Rng& rng, Page& page);
  void colour_and_light(int length, Rng& rng, Page& page);
  void draw_dust(int length, Rng& rng);
  void draw_digit(const Placed& d, Rng& rng);
  void draw_rules(float centre_y, float spacing, float thickness);

  const DigitSet& digits_;
  int w_ = 0, h_ = 0;
  std::vector<Placed> placed_;
  std::vector<float> flat_ink_, flat_rule_, ink_, rule_, tmp_;
  std::vector<uint8_t> flat_owner_;
  std::vector<uint8_t> inside_;
};

}  // namespace scrawl::synth
