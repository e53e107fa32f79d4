#include "recognizer.h"

#include <algorithm>
#include <cstdlib>

#include "decode.h"
#include "embedded_model.h"

namespace scrawl {
namespace {
constexpr float kDefaultUnsureBelow = 0.8f;
// Two boxes show the same digit when the smaller lies mostly inside the larger and the
// larger is not many times its size (a thin 1 shifted by a pixel still counts; a box that
// also holds a stain or the table does not).
bool same_digit(const Box& a, const Box& b) {
  const int w = std::min(a.right(), b.right()) - std::max(a.x, b.x);
  const int h = std::min(a.bottom(), b.bottom()) - std::max(a.y, b.y);
  if (w <= 0 || h <= 0) return false;
  const double area_a = double(a.w) * a.h, area_b = double(b.w) * b.h;
  const double smaller = std::min(area_a, area_b), larger = std::max(area_a, area_b);
  return double(w) * h >= 0.5 * smaller && larger <= 6 * smaller;
}
}

Recognizer::Recognizer(Model model)
    : model_(std::move(model)), session_(model_.network, 1), unsure_below_(kDefaultUnsureBelow) {
  if (auto it = model_.metadata.find("unsure_below"); it != model_.metadata.end())
    unsure_below_ = std::strtof(it->second.c_str(), nullptr);
}

Result<std::unique_ptr<Recognizer>> Recognizer::from_weights(std::span<const uint8_t> weights_file) {
  auto model = parse_classifier(weights_file, 10, "a digit model");
  if (!model) return model.error();
  auto recognizer = std::unique_ptr<Recognizer>(new Recognizer(std::move(model.value())));
  recognizer->one_digit_ = OneDigitCheck::embedded();
  return recognizer;
}

Result<std::unique_ptr<Recognizer>> Recognizer::from_embedded() {
  const auto bytes = embedded_model_bytes();
  if (bytes.empty())
    return make_error(ErrorCode::kBadWeights, "this build has no model compiled in: train one or pass --weights");
  return from_weights(bytes);
}

Recognition Recognizer::classify(const DigitPixels& pixels) {
  Recognition r;
  r.input = pixels;
  const float* probs = session_.run(pixels.data(), 1);
  std::copy(probs, probs + 10, r.probs.begin());
  r.digit = int(std::max_element(r.probs.begin(), r.probs.end()) - r.probs.begin());
  r.confidence = r.probs[size_t(r.digit)];
  r.unsure = r.confidence < unsure_below_;
  return r;
}

Result<Recognition> Recognizer::recognize_gray(const GrayImage& image) {
  auto digit = preprocess_.run(image);
  if (!digit) return digit.error();
  Recognition r = classify(digit->pixels);
  r.box = digit->box;
  return r;
}

Result<Recognition> Recognizer::recognize_file(std::span<const uint8_t> bytes) {
  auto image = decode_image(bytes);
  if (!image) return image.error();
  return recognize_gray(*image);
}

Result<Recognition> Recognizer::recognize_rgba(const uint8_t* rgba, int width, int height) {
  auto image = gray_from_rgba(rgba, width, height);
  if (!image) return image.error();
  return recognize_gray(*image);
}

Result<Reading> Recognizer::read(const GrayImage& image) {
  if (image.empty()) return make_error(ErrorCode::kEmptyImage, "the image is empty");
  const DigitScorer score = [this](const Cutout& c) {
    return CandidateScore{classify(c.pixels).confidence, one_digit_ ? one_digit_->one_digit(c.pixels) : 1.0f};
  };
  Reading out;
  const auto found = segmenter_.find(image, score);
  for (const FoundDigit& f : found) {
    const Recognition r = classify(f.pixels);
    if (!out.digits.empty() && f.line != out.digits.back().line) out.text += ' ';
    out.text += char('0' + r.digit);
    out.digits.push_back({r.digit, r.confidence, r.unsure, r.probs, f.box, f.line});
  }
  // One digit: when the single-digit pipeline sees the same digit (about the same box), its
  // answer is the one given, so read() and recognize_*() agree on single-digit images.
  if (found.size() == 1) {
    auto single = preprocess_.run(image);
    if (single && same_digit(single->box, found[0].box)) {
      const Recognition r = classify(single->pixels);
      out.digits[0] = {r.digit, r.confidence, r.unsure, r.probs, single->box, 0};
      out.text = std::string(1, char('0' + r.digit));
    }
  }
  out.lines = segmenter_.line_count();
  if (out.digits.empty()) out.message = kNoDigitsFound;
  return out;
}

Result<Reading> Recognizer::read(std::span<const uint8_t> file_bytes) {
  auto image = decode_image(file_bytes);
  if (!image) return image.error();
  return read(*image);
}

Result<Reading> Recognizer::read(const uint8_t* rgba, int width, int height) {
  auto image = gray_from_rgba(rgba, width, height);
  if (!image) return image.error();
  return read(*image);
}

}  // namespace scrawl
