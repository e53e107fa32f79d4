#include "recognizer.h"

#include <algorithm>
#include <cstdlib>

#include "decode/decode.h"
#include "embedded_model.h"
#include "enclosed_paper.h"
#include "line_pass.h"
#include "reading_text.h"

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
  auto model = parse_classifier(weights_file, 10, "a digit model");
  if (!model) return model.error();
  auto recognizer = std::unique_ptr<Recognizer>(new Recognizer(std::move(model.value())));
  recognizer->one_digit_ = OneDigitCheck::embedded();
  recognizer->line_reader_ = LineReader::embedded();
  return recognizer;
}

Result<std::unique_ptr<Recognizer>> Recognizer::from_embedded() {
  const auto bytes = embedded_model_bytes();
  if (bytes.empty())
    return make_error(ErrorCode::kBadWeights, "this build has no model compiled in: train one or pass --weights");
  return from_weights(bytes);
}

Recognition Recognizer::classify(const DigitPixels& pixels) {
  for (size_t i = 0; i < remembered_count_; ++i)
    if (remembered_[i].input == pixels) return remembered_[i];
  Recognition& r = remembered_[remembered_next_];
  remembered_next_ = (remembered_next_ + 1) % remembered_.size();
  remembered_count_ = std::min(remembered_count_ + 1, remembered_.size());
  r = Recognition{};
  r.input = pixels;
  const float* probs = session_.run(pixels.data(), 1);
  std::copy(probs, probs + 10, r.probs.begin());
  r.digit = int(std::max_element(r.probs.begin(), r.probs.end()) - r.probs.begin());
  r.confidence = r.probs[size_t(r.digit)];
  r.unsure = r.confidence < unsure_below_;
  return r;
}

Result<Recognition> Recognizer::one_digit_of(const Reading& reading) const {
  if (reading.digits.empty()) return make_error(ErrorCode::kNoDigit, "no digit found");
  const ReadDigit* best = &reading.digits[0];
  for (const ReadDigit& d : reading.digits)
    if (double(d.box.w) * d.box.h > double(best->box.w) * best->box.h) best = &d;
  Recognition r;
  r.digit = best->digit, r.confidence = best->confidence, r.unsure = best->unsure;
  r.probs = best->probs, r.input = best->input, r.box = best->box;
  return r;
}

Result<Recognition> Recognizer::recognize_gray(const GrayImage& image) {
  auto reading = read(image);
  if (!reading) return reading.error();
  return one_digit_of(*reading);
}

Result<Recognition> Recognizer::recognize_file(std::span<const uint8_t> bytes) {
  auto reading = read(bytes);
  if (!reading) return reading.error();
  return one_digit_of(*reading);
}

Result<Recognition> Recognizer::recognize_rgba(const uint8_t* rgba, int width, int height) {
  auto reading = read(rgba, width, height);
  if (!reading) return reading.error();
  return one_digit_of(*reading);
}

Result<Reading> Recognizer::read(const GrayImage& image) {
  if (image.empty()) return make_error(ErrorCode::kEmptyImage, "the image is empty");
  const DigitScorer score = [this](const Cutout& c) {
    return CandidateScore{classify(c.pixels).confidence, one_digit_ ? one_digit_->one_digit(c.pixels) : 1.0f};
  };
  Reading out;
  const auto found = segmenter_.find(image, score);
  if (const size_t marks = segmenter_.too_many_marks())
    return make_error(
        ErrorCode::kTooManyMarks,
        "the image holds " + std::to_string(marks) +
            " separate marks, more than any page of handwritten numbers; crop it to the numbers to read them");
  for (const FoundDigit& f : found) {
    const Recognition r = classify(f.pixels);
    // (A triangle read as a sure 1: its shape says it is none.)
    if (shape_rules_out(r.digit, f.pixels)) continue;
    out.digits.push_back({r.digit, r.confidence, r.unsure, r.probs, f.box, f.line, f.pixels});
  }
  out.marks.assign(segmenter_.marks().begin(), segmenter_.marks().end());
  set_text(out);
  out.lines = segmenter_.line_count();
  if (line_reader_) {
    LinePassSettings settings;
    settings.unsure_below = unsure_below_;
    const PageFacts page{segmenter_.boxed_fields(), segmenter_.light_ink() ? InkSide::kLight : InkSide::kDark,
                         segmenter_.printing_cleared() ? &unprinted(image) : nullptr};
    if (!out.digits.empty()) reread_lines(image, *line_reader_, settings, out, page);
    else read_doubted_lines(image, *line_reader_, settings, segmenter_.doubted_lines(), out, page.ink);
  }
  if (out.digits.empty()) out.message = kNoDigitsFound;
  return out;
}

const GrayImage& Recognizer::unprinted(const GrayImage& image) {
  unprinted_ = image;
  // The paper: the brighter half of the boxes' pixels (dark ink: the printing and the digits are
  // the darker part), their median.
  for (const Box& b : segmenter_.boxed_fields()) {
    levels_.clear();
    for (int y = b.y; y < b.bottom(); ++y)
      for (int x = b.x; x < b.right(); ++x) levels_.push_back(image.at(x, y));
    if (levels_.empty()) continue;
    const bool light_ink = segmenter_.light_ink();
    const size_t at = light_ink ? levels_.size() / 4 : levels_.size() * 3 / 4;
    std::nth_element(levels_.begin(), levels_.begin() + long(at), levels_.end());
    const uint8_t paper = levels_[at];
    const int y0 = std::max(0, b.y - b.h / 4), y1 = std::min(image.height, b.bottom() + b.h / 4);
    for (int y = y0; y < y1; ++y)
      for (int x = 0; x < image.width; ++x)
        if (segmenter_.printing_cleared_at(x, y)) unprinted_.at(x, y) = paper;
  }
  return unprinted_;
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
