#include "line_reader.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "embedded_model.h"
#include "nn/batchnorm.h"
#include "nn/conv2d.h"
#include "nn/simple_layers.h"

namespace scrawl {
namespace {

// How many frame columns to either side an output column of the model sees: a convolution
// reaches half its width, a pooling its width less one, each in the frame columns one of its
// input's columns stands for. -1 where a layer may mix all the columns (a dense layer).
int column_reach(const Network& net) {
  int reach = 0, per_column = 1;
  for (size_t i = 0; i < net.layer_count(); ++i) {
    const Layer& layer = net.layer(i);
    if (const auto* conv = dynamic_cast<const Conv2D*>(&layer)) {
      reach += conv->kernel_w() / 2 * per_column;
    } else if (const auto* pool = dynamic_cast<const MaxPool*>(&layer)) {
      reach += (pool->pool_columns() - 1) * per_column;
      per_column *= pool->pool_columns();
    } else if (!dynamic_cast<const Relu*>(&layer) && !dynamic_cast<const ColumnMean*>(&layer) &&
               !dynamic_cast<const BatchNorm*>(&layer)) {
      return -1;
    }
  }
  return reach;
}

}  // namespace

Result<std::unique_ptr<LineReader>> LineReader::from_weights(std::span<const uint8_t> weights_file) {
  auto model = parse_model(weights_file);
  if (!model) return model.error();
  const Network& net = model->network;
  const Shape out = net.output();
  if (net.input() != Shape{1, kLineHeight, kLineWidth} || out.c != kLineClasses || out.h != 1 || out.w < 8)
    return make_error(ErrorCode::kBadWeights, "this file is not a line model: it must read one " +
                                                  std::to_string(kLineHeight) + "×" + std::to_string(kLineWidth) +
                                                  " line into " + std::to_string(kLineClasses) + " scores per column");
  return std::unique_ptr<LineReader>(new LineReader(std::move(model.value())));
}

std::unique_ptr<LineReader> LineReader::embedded() {
  const auto bytes = embedded_line_bytes();
  if (bytes.empty()) return nullptr;
  auto reader = from_weights(bytes);
  return reader ? std::move(reader.value()) : nullptr;
}

LineReader::LineReader(Model model)
    : model_(std::move(model)), session_(model_.network, 1), frame_(size_t(kLineHeight) * kLineWidth) {
  const int columns = model_.network.output().w;
  path_.reserve(size_t(columns));
  for (Pass& pass : passes_) {
    pass.log_probs.resize(size_t(kLineClasses) * columns);
    pass.reading.symbols.reserve(size_t(columns));
    pass.reading.digits.reserve(size_t(columns));
  }
  alpha_.resize(size_t(2 * columns + 1) * columns);
  labels_.reserve(size_t(columns));
  reading_.symbols.reserve(size_t(columns));
  reading_.digits.reserve(size_t(columns));
  const Network& whole = model_.network;
  // Columns near a cut frame's end see its zero padding: those of the line must not.
  const int reach = column_reach(whole);
  if (reach < 0 || 2 * reach > kMaxSeenColumns) return;
  seen_columns_ = 2 * reach;
  for (const int width : kNarrowWidths) {
    auto narrow = Network::from_spec(whole.spec(), Shape{1, kLineHeight, width});
    if (!narrow || narrow->params().size() != whole.params().size() ||
        narrow->output().w * kLineWidth != columns * width) {
      narrow_.clear();
      break;
    }
    narrow->params() = whole.params();
    auto model = std::make_unique<NarrowModel>(NarrowModel{std::move(narrow.value()), nullptr});
    model->session = std::make_unique<InferenceSession>(model->network, 1);
    narrow_.push_back(std::move(model));
  }
  narrow_frame_.resize(size_t(kLineHeight) * kNarrowWidths.back());
}

const LineReading& LineReader::read(const GrayImage& image, Box region, InkSide ink, std::string_view expected) {
  passes_read_ = 0;
  for (const float stretch : kStretches) {
    const LineNormalizer::Placed placed = passes_read_ == 0 ? normalizer_.prepare(image, region, frame_.data(), ink)
                                                            : normalizer_.lay_out(stretch, frame_.data());
    // A layout as wide as an earlier one is the same frame (a long line squeezed to the frame's
    // width at 1 and at 1.25): its scores are that one's, without running the model again.
    Pass& pass = passes_[passes_read_];
    const Pass* same = nullptr;
    for (size_t k = 0; k < passes_read_ && !same; ++k)
      if (passes_[k].width == placed.width) same = &passes_[k];
    if (same) pass = *same;
    else run(frame_.data(), placed, pass);
    pass.width = placed.width;
    ++passes_read_;
    if (passes_read_ == 1 && !expected.empty() && passes_[0].reading.digits == expected) break;
  }
  // The layouts' readings, each weighed by every layout.
  size_t best = 0;
  double best_log = -std::numeric_limits<double>::infinity();
  for (size_t k = 0; k < passes_read_; ++k) {
    bool seen = false;
    for (size_t j = 0; j < k && !seen; ++j) seen = passes_[j].reading.digits == passes_[k].reading.digits;
    if (seen) continue;
    const double log_p = log_probability_of(passes_[k].reading.digits);
    if (log_p > best_log) best_log = log_p, best = k;
  }
  reading_ = passes_[best].reading;
  return reading_;
}

const LineReading& LineReader::read_frame(const float* frame, const LineNormalizer::Placed& placed) {
  passes_read_ = 1;
  run(frame, placed, passes_[0]);
  reading_ = passes_[0].reading;
  return reading_;
}

void LineReader::run(const float* frame, const LineNormalizer::Placed& placed, Pass& pass) {
  const Box region = placed.source;
  const int used_width = placed.width;
  int frame_width = kLineWidth;
  const float* scores = nullptr;
  for (size_t i = 0; i < narrow_.size() && !scores; ++i) {
    const int width = kNarrowWidths[i];
    if (used_width + seen_columns_ > width) continue;
    for (int y = 0; y < kLineHeight; ++y)
      std::copy_n(frame + size_t(y) * kLineWidth, width, narrow_frame_.begin() + long(y) * width);
    scores = narrow_[i]->session->run(narrow_frame_.data(), 1);
    frame_width = width;
    pass.columns = narrow_[i]->network.output().w;
  }
  if (!scores) {
    scores = session_.run(frame, 1);
    pass.columns = model_.network.output().w;
  }
  const int columns = pass.columns;
  LineReading& reading = pass.reading;
  reading.confidence = ctc_best_path(scores, kLineClasses, columns, path_);
  ctc_log_softmax(scores, kLineClasses, columns, pass.log_probs.data());
  reading.digits.clear();
  reading.symbols.clear();
  // A frame column covers kLineWidth / columns frame pixels; the line took used_width of them.
  const double to_image = used_width > 0 ? double(region.w) / used_width * frame_width / columns : 0.0;
  for (const CtcSymbol& s : path_) {
    reading.digits.push_back(char('0' + s.label));
    const int x0 = region.x + int(s.first * to_image), x1 = region.x + int((s.last + 1) * to_image);
    LineDigit d{s.label, x0, std::max(x0 + 1, x1), s.probability, {}};
    float top = scores[s.peak];
    for (int k = 1; k < 10; ++k) top = std::max(top, scores[size_t(k) * columns + s.peak]);
    float sum = 0;
    for (int k = 0; k < 10; ++k) sum += d.probs[size_t(k)] = std::exp(scores[size_t(k) * columns + s.peak] - top);
    for (float& p : d.probs) p /= sum;
    reading.symbols.push_back(d);
  }
}

double LineReader::probability_of(std::string_view digits) { return std::exp(log_probability_of(digits)); }

double LineReader::log_probability_of(std::string_view digits) {
  labels_.clear();
  for (char c : digits) {
    if (c < '0' || c > '9') continue;
    labels_.push_back(c - '0');
  }
  double sum = 0;
  for (size_t k = 0; k < passes_read_; ++k) {
    const Pass& pass = passes_[k];
    if (labels_.size() > size_t(pass.columns)) return -std::numeric_limits<double>::infinity();
    sum += ctc_forward(pass.log_probs.data(), kLineClasses, pass.columns, labels_, alpha_.data());
  }
  return passes_read_ ? sum / double(passes_read_) : -std::numeric_limits<double>::infinity();
}

}  // namespace scrawl
