#include "recognizer.h"

#include <algorithm>
#include <cstdlib>

#include "decode.h"
#include "embedded_model.h"

namespace scrawl {
namespace {
constexpr float kDefaultUnsureBelow = 0.8f;
}

Recognizer::Recognizer(Model model)
    : model_(std::move(model)), session_(model_.network, 1), unsure_below_(kDefaultUnsureBelow) {
  if (auto it = model_.metadata.find("unsure_below"); it != model_.metadata.end())
    unsure_below_ = std::strtof(it->second.c_str(), nullptr);
}

Result<std::unique_ptr<Recognizer>> Recognizer::from_weights(std::span<const uint8_t> weights_file) {
  auto model = parse_model(weights_file);
  if (!model) return model.error();
  const Network& net = model->network;
  if (net.input() != Shape{1, kDigitSide, kDigitSide} || net.output().size() != 10)
    return make_error(ErrorCode::kBadWeights, "weights file is not a digit model (28×28 in, 10 classes out)");
  return std::unique_ptr<Recognizer>(new Recognizer(std::move(model.value())));
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
  const DigitScorer score = [this](const DigitPixels& pixels) { return classify(pixels).confidence; };
  Reading out;
  for (const FoundDigit& found : segmenter_.find(image, score)) {
    const Recognition r = classify(found.pixels);
    if (!out.digits.empty() && found.line != out.digits.back().line) out.text += ' ';
    out.text += char('0' + r.digit);
    out.digits.push_back({r.digit, r.confidence, r.unsure, r.probs, found.box, found.line});
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
