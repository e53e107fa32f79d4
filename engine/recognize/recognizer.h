// The engine's front door: file bytes or RGBA pixels in; the digit, its confidence, the ten
// probabilities and the 28×28 image the model saw out (recognize_*), or every digit on a
// page, read as a number (read). The CLI and the wasm module both call this.
#pragma once
#include <array>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/box.h"
#include "core/image.h"
#include "core/status.h"
#include "line_reader.h"
#include "nn/network.h"
#include "nn/weights_file.h"
#include "one_digit_check.h"
#include "segment/digit_normalizer.h"
#include "segment/segmenter.h"

namespace scrawl {

struct Recognition {
  int digit = -1;
  float confidence = 0;
  bool unsure = false;  // confidence below the model's unsure threshold: have a person check it
  std::array<float, 10> probs{};
  DigitPixels input{};  // what the model saw, 0 = paper, 1 = ink
  Box box;              // the digit's place in the source image
};

// One digit found on a page.
struct ReadDigit {
  int digit = -1;
  float confidence = 0;
  bool unsure = false;
  std::array<float, 10> probs{};
  Box box;              // in the source image's pixels
  int line = 0;         // 0-based, top to bottom
  DigitPixels input{};  // what the model saw, 0 = paper, 1 = ink
};

inline constexpr const char* kNoDigitsFound = "no digits found";

// Every digit on a page, in reading order. A page without digits is not an error: it gives
// an empty reading whose message says so.
struct Reading {
  // The digits in reading order with the points, commas, dashes and equals signs written
  // among them ("3.975,00", "02139-4307"), one space between lines.
  std::string text;
  std::string digit_text;  // the digits alone, one space between lines
  std::vector<ReadDigit> digits;
  std::vector<Mark> marks;  // those marks, boxes in the source image's pixels
  int lines = 0;
  std::string message;  // kNoDigitsFound when digits is empty, else ""
};

class Recognizer {
 public:
  // The digit model from a weights file, with the one-digit check compiled into this build.
  static Result<std::unique_ptr<Recognizer>> from_weights(std::span<const uint8_t> weights_file);
  // The models compiled into this build (weights/*.bin at build time).
  static Result<std::unique_ptr<Recognizer>> from_embedded();

  // One digit: the image is read as any page is (read()), and its digit is the answer: the
  // only one found, or the largest where there are several. No digit found is an error.
  Result<Recognition> recognize_file(std::span<const uint8_t> bytes);
  Result<Recognition> recognize_rgba(const uint8_t* rgba, int width, int height);
  Result<Recognition> recognize_gray(const GrayImage& image);
  // The digit of a reading, as recognize_*() gives it.
  Result<Recognition> one_digit_of(const Reading& reading) const;
  // Finds and reads every digit (a whole number, several lines) in an image.
  Result<Reading> read(std::span<const uint8_t> file_bytes);
  Result<Reading> read(const uint8_t* rgba, int width, int height);
  Result<Reading> read(const GrayImage& image);
  // The model alone, on an already normalised digit.
  Recognition classify(const DigitPixels& pixels);

  // Replaces the segmenter's one-digit check (null: the digit model's confidence alone decides
  // where touching digits are cut).
  void set_one_digit_check(std::unique_ptr<OneDigitCheck> check) { one_digit_ = std::move(check); }
  // Replaces the line model that rereads each line (null: the cut digits alone are the reading).
  void set_line_reader(std::unique_ptr<LineReader> reader) { line_reader_ = std::move(reader); }
  float unsure_threshold() const { return unsure_below_; }
  const Model& model() const { return model_; }

 private:
  explicit Recognizer(Model model);
  Model model_;
  InferenceSession session_;
  // The model's last answers: the segmenter scores every candidate cut-out, and the digits it
  // keeps are among them, so reading a kept digit again finds its answer here instead of
  // running the model twice on the same pixels.
  std::array<Recognition, 16> remembered_{};
  size_t remembered_count_ = 0, remembered_next_ = 0;
  Segmenter segmenter_;
  // `image` with the printing of the rows of boxes the segmenter read painted over with their
  // paper (in unprinted_).
  const GrayImage& unprinted(const GrayImage& image);
  GrayImage unprinted_;
  std::vector<uint8_t> levels_;
  std::unique_ptr<OneDigitCheck> one_digit_;
  std::unique_ptr<LineReader> line_reader_;
  float unsure_below_;
};

}  // namespace scrawl
