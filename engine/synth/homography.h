// A plane-to-plane projective map (3×3 homography), for the synthetic pages' perspective.
#pragma once
#include <array>

namespace scrawl::synth {

struct Point {
  double x = 0, y = 0;
};

class Homography {
 public:
  // The map that takes from[i] to to[i] for the four pairs (no three points on a line).
  static Homography through(const std::array<Point, 4>& from, const std::array<Point, 4>& to);
  Point apply(double x, double y) const;

 private:
  std::array<double, 9> m_{1, 0, 0, 0, 1, 0, 0, 0, 1};
};

}  // namespace scrawl::synth
