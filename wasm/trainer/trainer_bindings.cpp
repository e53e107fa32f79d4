// The C functions wasm/scrawl-trainer.mjs calls. One teaching at a time: begin, step (a few
// batches per call, so the worker can report progress and hear "stop" in between), verdict,
// model. Errors come back as JSON, never as exceptions.
#include <emscripten/emscripten.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "core/json_text.h"
#include "learn/teaching.h"
#include "nn/weights_file.h"
#include "recognize/embedded_model.h"
#include "train/mnist_preparer.h"

namespace {

using scrawl::learn::Sample;

std::unique_ptr<scrawl::Model> g_shipped, g_classifier;  // where teaching starts; what classify_mnist reads with
std::unique_ptr<scrawl::learn::Teaching> g_teaching;
std::string g_json;
std::vector<uint8_t> g_model;

const char* error_json(const std::string& message, const char* code = "bad_argument") {
  g_json = "{\"error\":" + scrawl::json_quote(message) + ",\"code\":" + scrawl::json_quote(code) + "}";
  return g_json.c_str();
}

const scrawl::Model* shipped() {
  if (!g_shipped) {
    auto m = scrawl::parse_model(scrawl::embedded_model_bytes());
    if (m) g_shipped = std::make_unique<scrawl::Model>(std::move(m.value()));
  }
  return g_shipped.get();
}

std::vector<Sample> samples_of(const float* pixels, const uint8_t* labels, int n) {
  std::vector<Sample> out(size_t(std::max(0, n)));
  for (size_t i = 0; i < out.size(); ++i) {
    std::copy_n(pixels + i * 784, 784, out[i].pixels.begin());
    out[i].label = labels[i];
  }
  return out;
}

std::string counts_json(const std::vector<int>& counts) {
  std::string s = "[";
  for (size_t i = 0; i < counts.size(); ++i) s += (i ? "," : "") + std::to_string(counts[i]);
  return s + "]";
}

}  // namespace

extern "C" {

// Starts teaching the shipped model: n samples to learn from and m held back to judge by
// (28×28 floats each, 0 = paper, 1 = ink; labels 0-9). Returns null or the error as JSON.
EMSCRIPTEN_KEEPALIVE const char* trainer_begin(const float* teach, const uint8_t* teach_labels, int n,
                                               const float* check, const uint8_t* check_labels, int m, int all_layers) {
  g_teaching.reset();
  const scrawl::Model* start = shipped();
  if (!start) return error_json("the trainer has no model to start from", "internal");
  scrawl::learn::TeachOptions options;
  options.all_layers = all_layers != 0;
  const auto own = samples_of(teach, teach_labels, n), held = samples_of(check, check_labels, m);
  auto t = scrawl::learn::Teaching::create(start->network, own, held, options);
  if (!t) return error_json(t.error().message);
  g_teaching = std::move(t.value());
  return nullptr;
}

// Runs up to `batches` batches; returns how many are done in all.
EMSCRIPTEN_KEEPALIVE int trainer_step(int batches) {
  if (!g_teaching) return 0;
  for (int i = 0; i < batches && !g_teaching->finished(); ++i) g_teaching->step();
  return g_teaching->done();
}
EMSCRIPTEN_KEEPALIVE int trainer_steps() { return g_teaching ? g_teaching->steps() : 0; }
EMSCRIPTEN_KEEPALIVE int trainer_done() { return g_teaching ? g_teaching->done() : 0; }
EMSCRIPTEN_KEEPALIVE double trainer_loss() { return g_teaching ? g_teaching->loss() : 0; }

// {checked, rightBefore, rightAfter, rehearsalBefore, rehearsalAfter, keep, why, confusionBefore, confusionAfter}
EMSCRIPTEN_KEEPALIVE const char* trainer_verdict() {
  if (!g_teaching) return error_json("nothing is being taught");
  const scrawl::learn::Verdict v = g_teaching->judge();
  g_json = "{\"checked\":" + std::to_string(v.checked) + ",\"rightBefore\":" + std::to_string(v.right_before) +
           ",\"rightAfter\":" + std::to_string(v.right_after) +
           ",\"rehearsalBefore\":" + std::to_string(v.rehearsal_before) +
           ",\"rehearsalAfter\":" + std::to_string(v.rehearsal_after) + ",\"keep\":" + (v.keep ? "true" : "false") +
           ",\"why\":" + scrawl::json_quote(v.why) + ",\"confusionBefore\":" + counts_json(v.confusion_before) +
           ",\"confusionAfter\":" + counts_json(v.confusion_after) + "}";
  return g_json.c_str();
}

// The taught model as a weights file (int8, as shipped), for the reading module; its size from
// trainer_model_size(). `taught` goes into its record (the number of samples, in words).
EMSCRIPTEN_KEEPALIVE const uint8_t* trainer_model(const char* taught) {
  g_model.clear();
  if (!g_teaching || !shipped()) return nullptr;
  scrawl::Model personal{g_teaching->model(), g_shipped->metadata};
  personal.metadata["personal"] = taught ? taught : "yes";
  g_model = scrawl::serialize_model(personal, scrawl::TensorType::kInt8);
  return g_model.data();
}
EMSCRIPTEN_KEEPALIVE int trainer_model_size() { return int(g_model.size()); }

// What trainer_classify_mnist reads with: a weights file (a personal model), or the shipped
// model when len is 0. Returns null or the error as JSON.
EMSCRIPTEN_KEEPALIVE const char* trainer_use_model(const uint8_t* bytes, int len) {
  if (len <= 0) {
    g_classifier.reset();
    return nullptr;
  }
  auto m = scrawl::parse_model({bytes, size_t(len)});
  if (!m) return error_json(m.error().message, "bad_weights");
  if (m->network.input() != scrawl::Shape{1, 28, 28} || m->network.output().size() != 10)
    return error_json("this model does not read digits", "bad_weights");
  g_classifier = std::make_unique<scrawl::Model>(std::move(m.value()));
  return nullptr;
}

// n inputs as the reader makes them (28×28 floats each, 0 = paper, 1 = ink): the digit each is
// read as, with the model trainer_use_model() chose.
EMSCRIPTEN_KEEPALIVE int trainer_classify_inputs(const float* pixels, int n, uint8_t* digits) {
  const scrawl::Model* model = g_classifier ? g_classifier.get() : shipped();
  if (!model) return 0;
  scrawl::InferenceSession session(model->network, 1);
  for (int i = 0; i < n; ++i) {
    const float* p = session.run(pixels + size_t(i) * 784, 1);
    digits[i] = uint8_t(std::max_element(p, p + 10) - p);
  }
  return n;
}

// n MNIST digits (28×28 bytes each, white on black as MNIST stores them), prepared as the
// trainer prepares MNIST: digit read and its probability into `digits` and `confidence`.
EMSCRIPTEN_KEEPALIVE int trainer_classify_mnist(const uint8_t* images, int n, uint8_t* digits, float* confidence) {
  const scrawl::Model* model = g_classifier ? g_classifier.get() : shipped();
  if (!model) return 0;
  static scrawl::MnistPreparer prep;
  scrawl::InferenceSession session(model->network, 1);
  scrawl::DigitPixels px;
  for (int i = 0; i < n; ++i) {
    prep.prepare(images + size_t(i) * 784, px);
    const float* p = session.run(px.data(), 1);
    const int d = int(std::max_element(p, p + 10) - p);
    digits[i] = uint8_t(d);
    confidence[i] = p[d];
  }
  return n;
}
}
