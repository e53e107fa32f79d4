#include "teaching.h"

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

int right_on(const Network& model, std::span<const Sample> check, std::vector<int>& confusion) {
  std::vector<DigitPixels> inputs;
  for (const Sample& s : check) inputs.push_back(s.pixels);
  const std::vector<uint8_t> read = predict(model, inputs);
  confusion.assign(100, 0);
  int right = 0;
  for (size_t i = 0; i < read.size(); ++i) {
    right += read[i] == check[i].label;
    ++confusion[size_t(check[i].label) * 10 + read[i]];
  }
  return right;
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
  v.right_before = right_on(start_, check_, v.confusion_before);
  v.right_after = right_on(after, check_, v.confusion_after);
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
  } else {
    v.why = "It was not kept: it read " + std::to_string(v.right_after) + " of your " + std::to_string(v.checked) +
            " held-back digits right, no more than the " + std::to_string(v.right_before) + " before.";
  }
  return v;
}

}  // namespace scrawl::learn
