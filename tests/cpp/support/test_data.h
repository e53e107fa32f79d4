// Helpers the tests share: MNIST and the real writers' data when present (skipping clearly when
// not) and drawn digits.
#pragma once
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include "core/image.h"
#include "data/mnist.h"
#include "real/cvl_digits.h"
#include "support/drawn_digits.h"

namespace scrawl::testing {

// MNIST from $SCRAWL_MNIST or ../shared/data/mnist next to the source tree; null when absent.
inline const DigitSet* mnist_test_set() {
  static std::optional<DigitSet> set = [] {
    std::string dir = mnist_dir("");
    if (dir.empty()) dir = std::string(SCRAWL_SOURCE_DIR) + "/../shared/data/mnist";
    auto r = load_mnist(dir, "t10k");
    return r ? std::optional<DigitSet>(std::move(r.value())) : std::nullopt;
  }();
  return set ? &*set : nullptr;
}

// (clang-format would set the skip under its `if` back to the left margin.)
// clang-format off
#define SCRAWL_REQUIRE_MNIST()                                                                     \
  const ::scrawl::DigitSet* mnist = ::scrawl::testing::mnist_test_set();                           \
  if (!mnist) GTEST_SKIP() << "MNIST not found: set SCRAWL_MNIST to the folder with the IDX files " \
                              "(expected ../shared/data/mnist)"
// clang-format on

// The real-data folder from $SCRAWL_REAL or ../shared/data/real next to the source tree, when it
// holds `part` (a subfolder: "strokes", "cvl", "orand-car-a"); "" when not.
inline std::string real_data_dir(const std::string& part) {
  std::string dir = real::real_dir("");
  if (dir.empty()) dir = std::string(SCRAWL_SOURCE_DIR) + "/../shared/data/real";
  return std::filesystem::is_directory(dir + "/" + part) ? dir : "";
}

// (clang-format would set the skip under its `if` back to the left margin.)
// clang-format off
#define SCRAWL_REQUIRE_REAL(part)                                                                     \
  const std::string real_dir = ::scrawl::testing::real_data_dir(part);                                \
  if (real_dir.empty()) GTEST_SKIP() << "real writers' data not found: set SCRAWL_REAL to the folder " \
                                        "(expected ../shared/data/real with " part "/ in it)"
// clang-format on

}  // namespace scrawl::testing
