// Reads a line of digits whole, without cutting it into digits first: the line model
// (`scrawl train --task line`) scores every column of a normalised line and CTC best-path
// decoding turns the columns into digits. Separators, underlines and the cheque's printed
// pattern are what the model learned to leave out; digits that touch or are written in one
// stroke need no cut.
#pragma once
#include <array>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/box.h"
#include "core/image.h"
#include "core/status.h"
#include "nn/ctc.h"
#include "nn/network.h"
#include "nn/weights_file.h"
#include "segment/line_normalizer.h"

namespace scrawl {

inline constexpr int kLineClasses = 11;  // the ten digits and the blank

struct LineDigit {
  int digit = 0;
  int x0 = 0, x1 = 0;             // the image columns it was read in
  float probability = 0;          // at the column where it was surest
  std::array<float, 10> probs{};  // the ten digits' probabilities there, the blank left out
};

struct LineReading {
  std::string digits;
  std::vector<LineDigit> symbols;
  float confidence = 0;  // the probability of the best path
};

class LineReader {
 public:
  // The layouts read() reads a line in: as wide as written, and narrower and wider by these.
  static constexpr std::array<float, 3> kStretches = {1.0f, 0.8f, 1.25f};
  static_assert(kStretches[0] == 1.0f, "the first layout is the line as prepared");

  static Result<std::unique_ptr<LineReader>> from_weights(std::span<const uint8_t> weights_file);
  // The one compiled into this build (weights/line.bin), or null when it had none.
  static std::unique_ptr<LineReader> embedded();

  // Reads the line in `region` of `image`; the result is valid until the next call. The line
  // is read as laid out and again a little narrower and wider (kStretches): a digit squeezed
  // against its neighbour or a thin 1 between two wide digits reads better at one of them. The
  // reading is the one the readings together find most probable.
  // `ink`: which side of the paper's grey the ink is, where the reader of the whole image knows.
  // `expected`: a reading of the line by other means (the cut digits). Where the line as laid
  // out reads exactly that, the other layouts are not read, and that layout alone weighs the
  // line: two readers agreeing stand (the other layouts changed no development reading that
  // way), and they are two thirds of the time.
  const LineReading& read(const GrayImage& image, Box region, InkSide ink = InkSide::kFind,
                          std::string_view expected = {});
  // The model alone on a prepared frame (kLineHeight × kLineWidth), laid out once.
  const LineReading& read_frame(const float* frame, const LineNormalizer::Placed& placed);
  // How probable the last line read says these digits are, over every way of placing them in
  // its columns (0 when they cannot fit); read in several layouts, the geometric mean of theirs.
  // A reading of the same line by other means is weighed with it.
  double probability_of(std::string_view digits);
  // Its natural logarithm (-infinity when they cannot fit), for readings too improbable for
  // a double's range.
  double log_probability_of(std::string_view digits);

 private:
  // A short line (a lone digit, a zip code) leaves most of the frame paper. The same model
  // over a frame cut past the line by twice as many columns as an output column sees to
  // either side (the shipped model: 12) scores the line's columns as the whole frame does, in
  // a fraction of the time; a model that sees further than kMaxSeenColumns / 2 reads the whole
  // frame.
  static constexpr int kMaxSeenColumns = 32;
  static constexpr std::array<int, 3> kNarrowWidths = {64, 96, 128};
  struct NarrowModel {
    Network network;
    std::unique_ptr<InferenceSession> session;
  };

  // One layout of the line read by the model.
  struct Pass {
    int width = 0;  // frame columns the line was laid out in
    int columns = 0;
    std::vector<double> log_probs;  // per class and column
    LineReading reading;
  };

  explicit LineReader(Model model);
  void run(const float* frame, const LineNormalizer::Placed& placed, Pass& pass);
  Model model_;
  InferenceSession session_;
  std::vector<std::unique_ptr<NarrowModel>> narrow_;  // by width, as kNarrowWidths
  std::vector<float> narrow_frame_;
  int seen_columns_ = 0;  // how far past a line a cut frame runs
  LineNormalizer normalizer_;
  std::vector<float> frame_;
  std::vector<CtcSymbol> path_;
  std::array<Pass, kStretches.size()> passes_;
  size_t passes_read_ = 0;  // of the last line
  std::vector<double> alpha_;
  std::vector<int> labels_;
  LineReading reading_;
};

}  // namespace scrawl
