#include "enclosed_paper.h"

#include <array>
#include <cstddef>
#include <cstdint>

namespace scrawl {

int enclosed_paper(const DigitPixels& pixels) {
  constexpr int n = kDigitSide;
  std::array<uint8_t, n * n> reached{};
  std::array<int, n * n> stack{};
  int top = 0, paper = 0;
  const auto visit = [&](int x, int y) {
    const int i = y * n + x;
    if (reached[size_t(i)] || pixels[size_t(i)] >= kEnclosedPaperInk) return;
    reached[size_t(i)] = 1;
    stack[size_t(top++)] = i;
  };
  for (int k = 0; k < n; ++k) visit(k, 0), visit(k, n - 1), visit(0, k), visit(n - 1, k);
  while (top > 0) {
    const int i = stack[size_t(--top)], x = i % n, y = i / n;
    if (x > 0) visit(x - 1, y);
    if (x + 1 < n) visit(x + 1, y);
    if (y > 0) visit(x, y - 1);
    if (y + 1 < n) visit(x, y + 1);
  }
  for (size_t i = 0; i < pixels.size(); ++i) paper += !reached[i] && pixels[i] < kEnclosedPaperInk;
  return paper;
}

bool shape_rules_out(int digit, const DigitPixels& pixels) {
  return (digit == 1 || digit == 7) && enclosed_paper(pixels) >= kMostPaperInAOneOrSeven;
}

}  // namespace scrawl
