#include "network.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "batchnorm.h"
#include "conv2d.h"
#include "simple_layers.h"

namespace scrawl {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

Error bad_spec(const std::string& why) { return make_error(ErrorCode::kBadWeights, "invalid architecture: " + why); }

// Splits a spec line into words; iostreams would pull a locale library into the wasm.
std::vector<std::string_view> words_of(std::string_view line) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    const size_t start = i;
    while (i < line.size() && line[i] != ' ') ++i;
    if (i > start) words.push_back(line.substr(start, i - start));
  }
  return words;
}

int64_t elements(Shape s) { return int64_t(s.c) * s.h * s.w; }

// A layer's spec words ("conv 16 3"): its kind, then its numbers, read in order.
class SpecWords {
 public:
  explicit SpecWords(std::string_view line) : words_(words_of(line)) {}
  std::string kind() const { return std::string(words_.empty() ? std::string_view() : words_[0]); }
  // The next word as a whole number in [lo, hi]; -1 when it is missing or not one.
  int number(int lo, int hi) {
    if (next_ >= words_.size()) return -1;
    int v = 0;
    const auto w = words_[next_++];
    auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), v);
    if (ec != std::errc() || end != w.data() + w.size() || v < lo || v > hi) return -1;
    return v;
  }
  // A window: "3" (3×3) or "1x3" (rows × columns), each side in [lo, hi]; -1s when it is not one.
  void window(int lo, int hi, int& rows, int& columns) {
    rows = columns = -1;
    if (next_ >= words_.size()) return;
    const auto w = words_[next_++];
    const size_t x = w.find('x');
    auto side = [&](std::string_view t) {
      int v = 0;
      auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
      return ec == std::errc() && end == t.data() + t.size() && v >= lo && v <= hi ? v : -1;
    };
    if (x == std::string_view::npos) rows = columns = side(w);
    else rows = side(w.substr(0, x)), columns = side(w.substr(x + 1));
  }
  // The first word not read; empty when every word was.
  std::string_view unread() const { return next_ < words_.size() ? words_[next_] : std::string_view(); }
  bool all_read() const { return next_ >= words_.size(); }

 private:
  std::vector<std::string_view> words_;
  size_t next_ = 1;
};

Result<std::unique_ptr<Layer>> make_conv(SpecWords& words, Shape in) {
  const int filters = words.number(1, 4096);
  int kh, kw;
  words.window(1, 15, kh, kw);
  if (filters < 0 || kh < 0 || kw < 0 || kh % 2 == 0 || kw % 2 == 0)
    return bad_spec("conv needs a filter count and an odd kernel size (3, or rows x columns as in 1x3)");
  if (int64_t(filters) * in.h * in.w > Network::kMaxActivation ||
      int64_t(filters) * in.c * kh * kw > Network::kMaxParams)
    return bad_spec("a conv layer of " + std::to_string(filters) + " filters is larger than any model this app runs");
  return std::unique_ptr<Layer>(std::make_unique<Conv2D>(in, filters, kh, kw));
}

Result<std::unique_ptr<Layer>> make_maxpool(SpecWords& words, Shape in) {
  int rows, columns;
  words.window(1, 8, rows, columns);
  if (rows < 0 || columns < 0 || rows * columns < 2 || in.h < rows || in.w < columns)
    return bad_spec("maxpool needs a size that fits its input (2, or rows x columns as in 2x1)");
  return std::unique_ptr<Layer>(std::make_unique<MaxPool>(in, rows, columns));
}

Result<std::unique_ptr<Layer>> make_dense(SpecWords& words, Shape in) {
  const int units = words.number(1, 65536);
  if (units < 0) return bad_spec("dense needs a unit count");
  if (int64_t(units) * (elements(in) + 1) > Network::kMaxParams)
    return bad_spec("a dense layer of " + std::to_string(units) + " units is larger than any model this app runs");
  return std::unique_ptr<Layer>(std::make_unique<Dense>(in, units));
}

Result<std::unique_ptr<Layer>> layer_of_kind(const std::string& kind, SpecWords& words, Shape in) {
  if (kind == "conv") return make_conv(words, in);
  if (kind == "maxpool") return make_maxpool(words, in);
  if (kind == "dense") return make_dense(words, in);
  std::unique_ptr<Layer> layer;
  if (kind == "bn") layer = std::make_unique<BatchNorm>(in);
  else if (kind == "relu") layer = std::make_unique<Relu>(in);
  else if (kind == "gap") layer = std::make_unique<GlobalAvgPool>(in);
  else if (kind == "colmean") layer = std::make_unique<ColumnMean>(in);
  else if (kind == "softmax") layer = std::make_unique<Softmax>(in);
  else return bad_spec("unknown layer '" + kind + "'");
  return layer;
}

Result<std::unique_ptr<Layer>> make_layer(std::string_view line, Shape in) {
  SpecWords words(line);
  const std::string kind = words.kind();
  auto layer = layer_of_kind(kind, words, in);
  if (layer && !words.all_read()) return bad_spec("unexpected '" + std::string(words.unread()) + "' after " + kind);
  return layer;
}

}  // namespace

Result<Network> Network::from_spec(std::string_view spec, Shape input) {
  // Every size is checked in 64 bits before anything is allocated: a weights file is
  // untrusted input, and its architecture line alone could ask for terabytes.
  if (input.c <= 0 || input.h <= 0 || input.w <= 0 || elements(input) > kMaxActivation)
    return bad_spec("the input shape is empty or larger than any model this app runs");
  Network net;
  net.input_ = input;
  Shape shape = input;
  size_t offset = 0;
  while (!spec.empty()) {
    const size_t end = spec.find(';');
    std::string_view line = trim(spec.substr(0, end));
    spec = end == std::string_view::npos ? std::string_view() : spec.substr(end + 1);
    if (line.empty()) continue;
    auto layer = make_layer(line, shape);
    if (!layer) return layer.error();
    shape = (*layer)->out();
    offset += (*layer)->param_count();
    if (offset > size_t(kMaxParams)) return bad_spec("the model has more parameters than any model this app runs");
    net.offsets_.push_back(offset - (*layer)->param_count());
    net.layers_.push_back(std::move(layer.value()));
  }
  if (net.layers_.empty()) return bad_spec("no layers");
  net.params_.assign(offset, 0.0f);
  return net;
}

Network::Network(const Network& other) { *this = other; }

Network& Network::operator=(const Network& other) {
  if (this == &other) return *this;
  auto rebuilt = from_spec(other.spec(), other.input_);
  *this = std::move(rebuilt.value());
  params_ = other.params_;
  return *this;
}

std::string Network::spec() const {
  std::string s;
  for (const auto& l : layers_) s += (s.empty() ? "" : "; ") + l->spec();
  return s;
}

size_t Network::max_activation() const {
  size_t m = size_t(input_.size());
  for (const auto& l : layers_) m = std::max(m, size_t(l->out().size()));
  return m;
}

size_t Network::max_scratch(int n) const {
  size_t m = 0;
  for (const auto& l : layers_) m = std::max(m, l->scratch_floats(n));
  return m;
}

InferenceSession::InferenceSession(const Network& net, int max_batch)
    : net_(&net),
      max_batch_(max_batch),
      a_(net.max_activation() * size_t(max_batch)),
      b_(net.max_activation() * size_t(max_batch)),
      scratch_(std::max<size_t>(1, net.max_scratch(max_batch))) {
  size_t total = 0;
  for (size_t i = 0; i < net.layer_count(); ++i) prepared_at_.push_back(total), total += net.layer(i).prepared_floats();
  prepared_.resize(std::max<size_t>(1, total));
  for (size_t i = 0; i < net.layer_count(); ++i)
    net.layer(i).prepare(net.layer_params(i), prepared_.data() + prepared_at_[i]);
}

const float* InferenceSession::run(const float* x, int n) {
  n = std::clamp(n, 1, max_batch_);
  const float* in = x;
  float* out = a_.data();
  for (size_t i = 0; i < net_->layer_count(); ++i) {
    net_->layer(i).forward_prepared(net_->layer_params(i), prepared_.data() + prepared_at_[i], in, out, n,
                                    scratch_.data());
    in = out;
    out = (out == a_.data()) ? b_.data() : a_.data();
  }
  return in;
}

}  // namespace scrawl
