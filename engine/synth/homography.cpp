#include "homography.h"

#include <Eigen/Dense>

namespace scrawl::synth {

Homography Homography::through(const std::array<Point, 4>& from, const std::array<Point, 4>& to) {
  // h33 = 1; two equations per pair: u = (h11 x + h12 y + h13) / (h31 x + h32 y + 1), v likewise.
  Eigen::Matrix<double, 8, 8> a;
  Eigen::Matrix<double, 8, 1> b;
  for (int i = 0; i < 4; ++i) {
    const double x = from[size_t(i)].x, y = from[size_t(i)].y, u = to[size_t(i)].x, v = to[size_t(i)].y;
    a.row(2 * i) << x, y, 1, 0, 0, 0, -u * x, -u * y;
    a.row(2 * i + 1) << 0, 0, 0, x, y, 1, -v * x, -v * y;
    b(2 * i) = u, b(2 * i + 1) = v;
  }
  const Eigen::Matrix<double, 8, 1> h = a.fullPivLu().solve(b);
  Homography out;
  for (int i = 0; i < 8; ++i) out.m_[size_t(i)] = h(i);
  out.m_[8] = 1;
  return out;
}

Point Homography::apply(double x, double y) const {
  const double w = m_[6] * x + m_[7] * y + m_[8];
  return {(m_[0] * x + m_[1] * y + m_[2]) / w, (m_[3] * x + m_[4] * y + m_[5]) / w};
}

}  // namespace scrawl::synth
