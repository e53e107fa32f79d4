#include "real_cutouts.h"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <iterator>
#include <utility>
#include <vector>

#include "data/encode.h"
#include "decode/decode.h"
#include "not_a_digit.h"
#include "real/cheque_amounts.h"
#include "real/cvl_digits.h"
#include "real/pen_samples.h"
#include "real/writer_split.h"
#include "synth/ink_crop.h"
#include "synth/pen_ink.h"
#include "synth/pen_scenes.h"

namespace scrawl {
namespace {

// What a job reads; the value seeds its random numbers (Rng(seed, 500 + kind, index)).
enum CutKind { kCanvas = 0, kPhoto = 1, kScan = 2, kChequeDigit = 3, kInkCrop = 4 };

// The training writers' data and the images to read from it. Jobs point into the sets, so
// it stays where it was loaded.
struct RealSources {
  std::vector<real::PenSample> pens;
  real::CvlDigits cvl, cvl_more;
  std::vector<real::ChequeAmount> amounts;
  std::vector<std::pair<const real::CvlDigits*, size_t>> scans;
  std::vector<std::pair<size_t, size_t>> cheque_digits;  // (amount, digit)
  std::vector<std::pair<CutKind, size_t>> jobs;          // (kind, index into pens, scans or cheque_digits)
};

Status load_real_sources(const std::string& real_dir, bool ink_crops, RealSources& s) {
  auto pens = real::load_all_pen_samples(real_dir);
  if (!pens) return pens.error();
  s.pens = std::move(pens.value());
  // CVL's own training split, and the writers of its validation split that the writer split
  // gives to training (the others are the development and report writers of eval --real).
  auto cvl = real::load_cvl(real_dir, "train");
  if (!cvl) return cvl.error();
  s.cvl = std::move(cvl.value());
  auto cvl_more = real::load_cvl(real_dir, "validation");
  if (!cvl_more) return cvl_more.error();
  s.cvl_more = std::move(cvl_more.value());
  for (size_t i = 0; i < s.cvl.digits.size(); ++i) s.scans.push_back({&s.cvl, i});
  for (size_t i = 0; i < s.cvl_more.digits.size(); ++i)
    if (real::writer_use(s.cvl_more.writers[i]) == real::WriterUse::kTrain) s.scans.push_back({&s.cvl_more, i});
  for (size_t i = 0; i < s.pens.size(); ++i)
    if (real::writer_use(s.pens[i].writer) == real::WriterUse::kTrain)
      s.jobs.push_back({kCanvas, i}), s.jobs.push_back({kPhoto, i});
  for (size_t i = 0; i < s.scans.size(); ++i) {
    s.jobs.push_back({kScan, i});
    if (ink_crops) s.jobs.push_back({kInkCrop, i});
  }
  // One digit of a training cheque's amount, cut by its box (with the cheque's own
  // background, security pattern and printed line).
  auto amounts = real::load_cheque_amounts(real_dir);
  if (!amounts) return amounts.error();
  s.amounts = std::move(amounts.value());
  for (size_t a = 0; a < s.amounts.size(); ++a)
    if (real::writer_use(s.amounts[a].key) == real::WriterUse::kTrain)
      for (size_t d = 0; d < s.amounts[a].boxes.size(); ++d)
        s.jobs.push_back({kChequeDigit, s.cheque_digits.size()}), s.cheque_digits.push_back({a, d});
  return Ok{};
}

// Reads digit d of a cheque's amount cut by its box; false when the cheque does not decode.
bool read_cheque_digit(Recognizer& rec, const real::ChequeAmount& amount, size_t d, int& label, DigitPixels& pixels) {
  std::ifstream in(amount.file, std::ios::binary);
  const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto image = decode_image(bytes);
  if (!image) return false;
  // With a margin of the cheque around it: ink touching all four sides of a crop is a frame to
  // the reader.
  const Box& b = amount.boxes[d];
  const int m = std::max(2, b.h / 6);
  const int x0 = std::clamp(b.x - m, 0, image->width - 1), y0 = std::clamp(b.y - m, 0, image->height - 1);
  const int x1 = std::clamp(b.right() + m, x0 + 1, image->width),
            y1 = std::clamp(b.bottom() + m, y0 + 1, image->height);
  GrayImage crop(x1 - x0, y1 - y0, 255);
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) crop.at(x - x0, y - y0) = image->at(x, y);
  auto r = rec.read(crop);
  if (r && r->digits.size() == 1) label = amount.digits[d] - '0', pixels = r->digits[0].input;
  return true;
}

// A 28×28 CVL scan as the PNG an upload would be.
std::vector<uint8_t> scan_png(const uint8_t* src) {
  std::vector<uint8_t> rgb(28 * 28 * 3);
  for (int p = 0; p < 784; ++p) rgb[size_t(p) * 3] = rgb[size_t(p) * 3 + 1] = rgb[size_t(p) * 3 + 2] = src[p];
  return encode_png(rgb, 28, 28);
}

// A digit cut to its ink is what the one-digit check learns to take for one digit, and what it
// doubted before it did: crops are read without it (the cut-outs read are the same).
ReaderFactory without_check(const ReaderFactory& make_reader) {
  return [make_reader]() {
    auto rec = make_reader();
    if (rec) rec.value()->set_one_digit_check(nullptr);
    return rec;
  };
}

}  // namespace

Status cut_real_writers(const std::string& real_dir, const ReaderFactory& make_reader, uint64_t seed, int threads,
                        LabelledCutouts& out, const ReadProgress& progress, bool ink_crops) {
  RealSources s;
  if (auto st = load_real_sources(real_dir, ink_crops, s); !st) return st;
  std::vector<int> label(s.jobs.size(), -1);
  std::vector<DigitPixels> pixels(s.jobs.size());
  std::atomic<size_t> done{0};
  const auto read_job = [&](Recognizer& rec, size_t j) -> Status {
    const auto [kind, i] = s.jobs[j];
    Rng rng(seed, 500 + uint64_t(kind), i);
    if (kind == kChequeDigit) {
      const auto [a, d] = s.cheque_digits[i];
      if (read_cheque_digit(rec, s.amounts[a], d, label[j], pixels[j])) ++done;
      return Ok{};
    }
    std::vector<uint8_t> file;
    int want;
    if (kind == kScan || kind == kInkCrop) {
      const auto [set, k] = s.scans[i];
      file = kind == kScan ? scan_png(set->digits.image(k))
                           : encode_png(synth::cut_to_ink(set->digits.image(k), synth::random_crop_look(rng)));
      want = set->digits.labels[k];
    } else {
      const auto& pen = s.pens[i];
      file =
          (kind == kCanvas ? synth::canvas_drawing(pen.strokes, rng) : synth::paper_photo(pen.strokes, rng, 480)).file;
      want = pen.label;
    }
    auto r = rec.read(file);
    if (r && r->digits.size() == 1) label[j] = want, pixels[j] = r->digits[0].input;
    const size_t d = ++done;
    if (progress) progress(d, s.jobs.size());
    return Ok{};
  };
  std::vector<size_t> crops, others;
  for (size_t j = 0; j < s.jobs.size(); ++j) (s.jobs[j].first == kInkCrop ? crops : others).push_back(j);
  auto status = on_readers(others.size(), threads, make_reader,
                           [&](Recognizer& rec, size_t n) { return read_job(rec, others[n]); });
  if (!status) return status;
  status = on_readers(crops.size(), threads, without_check(make_reader),
                      [&](Recognizer& rec, size_t n) { return read_job(rec, crops[n]); });
  if (!status) return status;
  for (size_t j = 0; j < s.jobs.size(); ++j)
    if (label[j] >= 0)
      out.pixels.push_back(pixels[j]), out.labels.push_back(0), out.digits.push_back(uint8_t(label[j]));
  return Ok{};
}

Status cut_drawn_shapes(int scenes, const ReaderFactory& make_reader, uint64_t seed, int threads, LabelledCutouts& out,
                        bool ink_crops) {
  std::vector<std::vector<DigitPixels>> found(size_t(std::max(0, scenes)));
  const auto keep = [&](const Result<Reading>& r, size_t j) {
    if (r && (r->digits.size() == 1 || r->digits.size() == 2))
      for (const auto& d : r->digits) found[j].push_back(d.input);
  };
  // A quarter as many again are drawn small and cut to their ink, as a scanner's crop of a
  // mark that is no digit: the crops of digits must not teach the check that every tight
  // blob is one.
  const size_t crops = ink_crops ? found.size() / 4 : 0;
  found.resize(found.size() + crops);
  auto status = on_readers(crops, threads, without_check(make_reader), [&](Recognizer& rec, size_t j) -> Status {
    Rng rng(seed, 601, j);
    const auto strokes = not_a_digit_strokes(rng);
    uint8_t form[784];
    synth::draw_in_mnist_form(strokes, rng.uniform(1.2f, 3.0f), rng, form);
    for (uint8_t& v : form) v = uint8_t(255 - v);
    keep(rec.read(encode_png(synth::cut_to_ink(form, synth::random_crop_look(rng)))), size_t(scenes) + j);
    return Ok{};
  });
  if (!status) return status;
  status = on_readers(size_t(std::max(0, scenes)), threads, make_reader, [&](Recognizer& rec, size_t j) -> Status {
    Rng rng(seed, 600, j);
    const auto strokes = not_a_digit_strokes(rng);
    const auto file =
        (rng.chance(0.5f) ? synth::canvas_drawing(strokes, rng) : synth::paper_photo(strokes, rng, 480)).file;
    keep(rec.read(file), j);
    return Ok{};
  });
  if (!status) return status;
  for (const auto& f : found)
    for (const auto& px : f) out.pixels.push_back(px), out.labels.push_back(1), out.digits.push_back(0);
  return Ok{};
}

}  // namespace scrawl
