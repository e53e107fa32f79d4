#include "teaching.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace scrawl::learn {
namespace {

// Digits drawn by code: so many of each kind to learn beside, so many to check with (another seed).
constexpr int kRehearsalPerDigit = 40, kRehearsalCheckPerDigit = 40;

double share_right(const Network& model, const DrawnDigits& set) {
  const std::vector<uint8_t> read = predict(model, set.pixels);
  int right = 0;
  for (size_t i = 0; i < read.size(); ++i) right += read[i] == set.labels[i];
  return read.empty() ? 0.0 : double(right) / double(read.size());
}

// How a model does on the held-back digits: how many it reads right, its mean cross-entropy
// (how sure it is of the right digit), and where each digit went.
struct Score {
  int right = 0;
  double loss = 0;
};
Score score_on(const Network& model, std::span<const Sample> check, std::vector<int>& confusion) {
  InferenceSession session(model, 1);
  confusion.assign(100, 0);
  Score score;
  for (const Sample& s : check) {
    const float* p = session.run(s.pixels.data(), 1);
    const int read = int(std::max_element(p, p + 10) - p);
    score.right += read == s.label;
    score.loss -= std::log(std::max(1e-7, double(p[s.label])));
    ++confusion[size_t(s.label) * 10 + size_t(read)];
  }
  if (!check.empty()) score.loss /= double(check.size());
  return score;
}

std::string percent(double share) {
  char text[16];
  std::snprintf(text, sizeof text, "%.1f%%", 100 * share);
  return text;
}

}  // namespace

Result<std::unique_ptr<Teaching>> Teaching::create(const Network& start, std::span<const Sample> teach,
                                                   std::span<const Sample> check, const TeachOptions& options) {
  std::unique_ptr<Teaching> t(new Teaching());
  auto trainer = PersonalTrainer::create(start, teach, drawn_digit_set(kRehearsalPerDigit, 1), options);
  if (!trainer) return trainer.error();
  t->trainer_ = std::move(trainer.value());
  t->start_ = start;
  t->check_.assign(check.begin(), check.end());
  t->rehearsal_check_ = drawn_digit_set(kRehearsalCheckPerDigit, 2);
  return t;
}

Verdict Teaching::judge() {
  Verdict v;
  const Network after = trainer_->model();
  v.checked = int(check_.size());
  const Score before = score_on(start_, check_, v.confusion_before), now = score_on(after, check_, v.confusion_after);
  v.right_before = before.right;
  v.right_after = now.right;
  v.rehearsal_before = share_right(start_, rehearsal_check_);
  v.rehearsal_after = share_right(after, rehearsal_check_);
  const bool forgot = v.rehearsal_after < v.rehearsal_before - kRehearsalSlack;
  if (forgot) {
    v.why = "It was not kept: it read other people's digits worse (" + percent(v.rehearsal_after) + " against " +
            percent(v.rehearsal_before) + ").";
  } else if (v.checked == 0) {
    v.keep = true;
    v.why = "Kept. None of your digits were held back to check it on; add more samples to see how much it helps.";
  } else if (v.right_after > v.right_before) {
    v.keep = true;
    v.why = "Kept: it reads " + std::to_string(v.right_after) + " of your " + std::to_string(v.checked) +
            " held-back digits right, against " + std::to_string(v.right_before) + " before.";
  } else if (v.right_after == v.right_before && now.loss < before.loss) {
    // As many right: better if it is surer of the right digits (a digit read right by a hair
    // before is one a slightly different stroke gets wrong).
    v.keep = true;
    v.why = "Kept: it reads the same " + std::to_string(v.right_after) + " of your " + std::to_string(v.checked) +
            " held-back digits right, and is surer of them.";
  } else {
    v.why = "It was not kept: it read " + std::to_string(v.right_after) + " of your " + std::to_string(v.checked) +
            " held-back digits right, no more than the " + std::to_string(v.right_before) + " before.";
  }
  return v;
}

}  // namespace scrawl::learn
