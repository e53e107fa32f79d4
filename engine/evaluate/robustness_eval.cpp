#include "robustness_eval.h"

#include <algorithm>
#include <chrono>

#include "user_transforms.h"

namespace scrawl {

std::vector<RobustnessRow> evaluate_robustness(Recognizer& recognizer, const DigitSet& test, size_t limit,
                                               void (*progress)(const RobustnessRow&)) {
  const size_t n = limit ? std::min(limit, test.size()) : test.size();
  std::vector<RobustnessRow> rows;
  GrayImage image;
  std::vector<uint8_t> bytes;
  for (const UserTransform& t : user_transforms()) {
    const auto start = std::chrono::steady_clock::now();
    RobustnessRow row{t.name, t.description};
    for (size_t i = 0; i < n; ++i) {
      Rng rng(20240601, i, row.name.size());
      const bool encoded = t.apply(test.image(i), rng, image, bytes);
      auto r = encoded ? recognizer.recognize_file(bytes) : recognizer.recognize_gray(image);
      ++row.count;
      if (!r) ++row.no_digit;
      else row.correct += r->digit == test.labels[i];
    }
    row.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (progress) progress(row);
    rows.push_back(row);
  }
  return rows;
}

}  // namespace scrawl
