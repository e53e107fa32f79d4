// Connectionist temporal classification: a network that reads a line outputs, for each
// column, scores over the symbols and a "blank"; the reading is the best path with repeats
// merged and blanks dropped, so the line never has to be cut into digits first.
// Scores are laid out as the network's output: classes × 1 × columns, channel-major
// (score of class k at column t at k * columns + t); the blank is the last class.
#pragma once
#include <span>
#include <vector>

namespace scrawl {

struct CtcSymbol {
  int label = 0;            // 0 .. classes - 2
  int first = 0, last = 0;  // the columns that emitted it
  int peak = 0;             // the one of them where it was most probable
  float probability = 0;    // its probability there
};

// Best-path decoding of raw scores (logits) into `out` (cleared first; reserve to avoid
// allocating). Returns the probability of that path: the product over the columns of the
// winning class's probability.
float ctc_best_path(const float* logits, int classes, int columns, std::vector<CtcSymbol>& out);

// log(e^a + e^b), where -infinity stands for a probability of 0.
double ctc_log_add(double a, double b);
// Log-probabilities of the scores, per column (lp[k * columns + t]).
void ctc_log_softmax(const float* logits, int classes, int columns, double* lp);
// The forward pass over the labels with blanks between and around them: fills alpha
// ((2 * labels + 1) × columns) and returns log p(labels), summed over every alignment
// (-infinity when they cannot fit in the columns).
double ctc_forward(const double* lp, int classes, int columns, std::span<const int> labels, double* alpha);

#ifndef SCRAWL_INFERENCE_ONLY
// -log p(labels | logits) summed over all alignments, and its gradient with respect to the
// logits written to `grad` (same layout). Labels are 0 .. classes - 2. Returns infinity (and a
// zero gradient) when the labels cannot fit in the columns.
double ctc_loss(const float* logits, int classes, int columns, std::span<const int> labels, float* grad);
#endif

}  // namespace scrawl
