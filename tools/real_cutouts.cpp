#include "real_cutouts.h"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <iterator>
#include <cstdio>
#include <functional>

#include "cli.h"
#include "data/encode.h"
#include "decode/decode.h"
#include "real/cheque_amounts.h"
#include "real/cvl_digits.h"
#include "real/pen_samples.h"
#include "real/writer_split.h"
#include "synth/pen_scenes.h"
#include "train/not_a_digit.h"

namespace scrawl::cli {

Status cut_real_writers(const std::string& real_dir, const std::string& weights_path, uint64_t seed, int threads,
                        LabelledCutouts& out) {
  auto pens = real::load_all_pen_samples(real_dir);
  if (!pens) return pens.error();
  // CVL's own training split, and the writers of its validation split that the writer split
  // gives to training (the others are the development and report writers of eval --real).
  auto cvl = real::load_cvl(real_dir, "train");
  if (!cvl) return cvl.error();
  auto cvl_more = real::load_cvl(real_dir, "validation");
  if (!cvl_more) return cvl_more.error();
  std::vector<std::pair<const real::CvlDigits*, size_t>> scans;
  for (size_t i = 0; i < cvl->digits.size(); ++i) scans.push_back({&*cvl, i});
  for (size_t i = 0; i < cvl_more->digits.size(); ++i)
    if (real::writer_use(cvl_more->writers[i]) == real::WriterUse::kTrain) scans.push_back({&*cvl_more, i});
  // Jobs: (kind, index). 0 canvas, 1 photo (pen samples of training writers), 2 CVL scan.
  std::vector<std::pair<int, size_t>> jobs;
  for (size_t i = 0; i < pens->size(); ++i)
    if (real::writer_use((*pens)[i].writer) == real::WriterUse::kTrain) jobs.push_back({0, i}), jobs.push_back({1, i});
  for (size_t i = 0; i < scans.size(); ++i) jobs.push_back({2, i});
  // 3: one digit of a training cheque's amount, cut by its box (with the cheque's own
  // background, security pattern and printed line).
  auto amounts = real::load_cheque_amounts(real_dir);
  if (!amounts) return amounts.error();
  std::vector<std::pair<size_t, size_t>> cheque_digits;  // (amount, digit)
  for (size_t a = 0; a < amounts->size(); ++a)
    if (real::writer_use((*amounts)[a].key) == real::WriterUse::kTrain)
      for (size_t d = 0; d < (*amounts)[a].boxes.size(); ++d) jobs.push_back({3, cheque_digits.size()}), cheque_digits.push_back({a, d});

  std::vector<int> label(jobs.size(), -1);
  std::vector<DigitPixels> pixels(jobs.size());
  std::atomic<size_t> done{0};
  const auto make = [&] { return load_recognizer(weights_path); };
  auto status = on_readers(jobs.size(), threads, make, [&](Recognizer& rec, size_t j) -> Status {
    const auto [kind, i] = jobs[j];
    Rng rng(seed, 500 + uint64_t(kind), i);
    std::vector<uint8_t> file;
    int want;
    if (kind == 3) {
      const auto [a, d] = cheque_digits[i];
      const auto& amount = (*amounts)[a];
      std::ifstream in(amount.file, std::ios::binary);
      const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      auto image = decode_image(bytes);
      if (!image) return Ok{};
      // With a margin of the cheque around it: ink touching all four sides of a crop is a
      // frame to the reader.
      const Box& b = amount.boxes[d];
      const int m = std::max(2, b.h / 6);
      const int x0 = std::clamp(b.x - m, 0, image->width - 1), y0 = std::clamp(b.y - m, 0, image->height - 1);
      const int x1 = std::clamp(b.right() + m, x0 + 1, image->width), y1 = std::clamp(b.bottom() + m, y0 + 1, image->height);
      GrayImage crop(x1 - x0, y1 - y0, 255);
      for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) crop.at(x - x0, y - y0) = image->at(x, y);
      auto r = rec.read(crop);
      if (r && r->digits.size() == 1) label[j] = amount.digits[d] - '0', pixels[j] = r->digits[0].input;
      ++done;
      return Ok{};
    }
    if (kind < 2) {
      const auto& s = (*pens)[i];
      file = (kind == 0 ? synth::canvas_drawing(s.strokes, rng) : synth::paper_photo(s.strokes, rng, 480)).file;
      want = s.label;
    } else {
      const auto [set, k] = scans[i];
      const uint8_t* src = set->digits.image(k);
      std::vector<uint8_t> rgb(28 * 28 * 3);
      for (int p = 0; p < 784; ++p) rgb[size_t(p) * 3] = rgb[size_t(p) * 3 + 1] = rgb[size_t(p) * 3 + 2] = src[p];
      file = encode_png(rgb, 28, 28);
      want = set->digits.labels[k];
    }
    auto r = rec.read(file);
    if (r && r->digits.size() == 1) label[j] = want, pixels[j] = r->digits[0].input;
    if (++done % 5000 == 0) std::fprintf(stderr, "  real writers: %zu of %zu read\n", size_t(done), jobs.size());
    return Ok{};
  });
  if (!status) return status;
  for (size_t j = 0; j < jobs.size(); ++j)
    if (label[j] >= 0) out.pixels.push_back(pixels[j]), out.labels.push_back(0), out.digits.push_back(uint8_t(label[j]));
  return Ok{};
}

Status cut_drawn_shapes(int scenes, const std::string& weights_path, uint64_t seed, int threads, LabelledCutouts& out) {
  std::vector<std::vector<DigitPixels>> found(size_t(std::max(0, scenes)));
  const auto make = [&] { return load_recognizer(weights_path); };
  auto status = on_readers(found.size(), threads, make, [&](Recognizer& rec, size_t j) -> Status {
    Rng rng(seed, 600, j);
    const auto strokes = not_a_digit_strokes(rng);
    const auto file = (rng.chance(0.5f) ? synth::canvas_drawing(strokes, rng) : synth::paper_photo(strokes, rng, 480)).file;
    auto r = rec.read(file);
    if (r && (r->digits.size() == 1 || r->digits.size() == 2))
      for (const auto& d : r->digits) found[j].push_back(d.input);
    return Ok{};
  });
  if (!status) return status;
  for (const auto& f : found)
    for (const auto& px : f) out.pixels.push_back(px), out.labels.push_back(1), out.digits.push_back(0);
  return Ok{};
}

}  // namespace scrawl::cli
