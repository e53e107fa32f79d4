#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <tuple>
#include <vector>

#include "core/crc32.h"
#include "nn/conv2d.h"
#include "nn/network.h"
#include "nn/weights_file.h"

namespace scrawl {
namespace {

constexpr const char* kSmall = "conv 4 3; bn; relu; maxpool 2; conv 6 3; bn; relu; gap; dense 10; softmax";

Network trained_like_network() {
  auto net = Network::from_spec(kSmall, {1, 8, 8});
  EXPECT_TRUE(net.ok());
  net->init_params(3);
  // Give batch-norm non-trivial statistics, as training would.
  Rng rng(5);
  for (size_t i = 0; i < net->layer_count(); ++i) {
    if (net->layer(i).spec() != "bn") continue;
    const int C = net->layer(i).in().c;
    float* p = net->layer_params(i);
    for (int c = 0; c < C; ++c) {
      p[c] = rng.uniform(0.5f, 1.5f);
      p[C + c] = rng.normal() * 0.3f;
      p[2 * C + c] = rng.normal() * 0.3f;
      p[3 * C + c] = rng.uniform(0.3f, 2.0f);
    }
  }
  return std::move(net.value());
}

TEST(Network, RejectsBadSpecs) {
  EXPECT_FALSE(Network::from_spec("", {1, 8, 8}).ok());
  EXPECT_FALSE(Network::from_spec("conv 4", {1, 8, 8}).ok());
  EXPECT_FALSE(Network::from_spec("conv 4 2", {1, 8, 8}).ok());
  EXPECT_FALSE(Network::from_spec("teleport 3", {1, 8, 8}).ok());
  EXPECT_FALSE(Network::from_spec("maxpool 16", {1, 8, 8}).ok());
  EXPECT_FALSE(Network::from_spec("maxpool 1", {1, 8, 8}).ok());
  EXPECT_FALSE(Network::from_spec("maxpool 9x1", {1, 8, 8}).ok());
  EXPECT_EQ(Network::from_spec("maxpool 2x1", {3, 8, 6})->output().w, 6);
  EXPECT_EQ(Network::from_spec("maxpool 2x1", {3, 8, 6})->spec(), "maxpool 2x1");
  EXPECT_FALSE(Network::from_spec("conv 4 1x2", {1, 8, 8}).ok());
  EXPECT_FALSE(Network::from_spec("conv 4 1x", {1, 8, 8}).ok());
  EXPECT_FALSE(Network::from_spec("conv 4 x3", {1, 8, 8}).ok());
  EXPECT_EQ(Network::from_spec("conv 4 3;relu", {1, 8, 8})->spec(), "conv 4 3; relu");
  EXPECT_EQ(Network::from_spec("conv 4 1x3", {1, 8, 8})->spec(), "conv 4 1x3");
}

TEST(Network, AConvOverOneRowIsCompactedToItsMiddleRow) {
  auto net = Network::from_spec("conv 4 3; relu; colmean; conv 5 3; relu; conv 3 1", {1, 6, 10});
  ASSERT_TRUE(net.ok());
  net->init_params(4);
  auto compact = compact_row_convs(*net);
  ASSERT_TRUE(compact.ok()) << compact.error().message;
  EXPECT_EQ(compact->spec(), "conv 4 3; relu; colmean; conv 5 1x3; relu; conv 3 1");
  EXPECT_EQ(net->params().size() - compact->params().size(), size_t(5 * 4 * 6));  // two of three kernel rows
  Rng rng(2);
  std::vector<float> x(60);
  for (auto& v : x) v = rng.uniform();
  InferenceSession a(*net), b(*compact);
  const float* ya = a.run(x.data());
  std::vector<float> keep(ya, ya + 30);
  const float* yb = b.run(x.data());
  // Sessions that multiply integers round each form's sums at its own scale (a kernel of
  // three rows has more terms to fit in 32 bits than one of a row).
#ifdef SCRAWL_CONV_QUANTISED
  constexpr float kSame = 2e-3f;
#else
  constexpr float kSame = 1e-5f;
#endif
  for (int i = 0; i < 30; ++i) EXPECT_NEAR(keep[size_t(i)], yb[i], kSame);
}

TEST(Network, FoldingBatchNormKeepsTheFunction) {
  Network net = trained_like_network();
  auto folded = fold_batchnorm(net);
  ASSERT_TRUE(folded.ok()) << folded.error().message;
  EXPECT_EQ(folded->spec(), "conv 4 3; relu; maxpool 2; conv 6 3; relu; gap; dense 10; softmax");
  Rng rng(9);
  std::vector<float> x(64);
  for (auto& v : x) v = rng.uniform();
  InferenceSession a(net), b(*folded);
  const float* ya = a.run(x.data());
  std::vector<float> keep(ya, ya + 10);
  const float* yb = b.run(x.data());
  for (int i = 0; i < 10; ++i) EXPECT_NEAR(keep[size_t(i)], yb[i], 1e-5);
}

TEST(WeightsFile, RoundTrips) {
  Model m{trained_like_network(), {{"unsure_below", "0.75"}, {"note", "x"}}};
  const auto bytes = serialize_model(m, TensorType::kFloat32);
  auto back = parse_model(bytes);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->network.spec(), m.network.spec());
  EXPECT_EQ(back->network.params(), m.network.params());
  EXPECT_EQ(back->metadata.at("unsure_below"), "0.75");
}

TEST(WeightsFile, HalfPrecisionIsHalfTheSizeAndCloseEnough) {
  Model m{trained_like_network(), {}};
  const auto full = serialize_model(m, TensorType::kFloat32);
  const auto half = serialize_model(m, TensorType::kFloat16);
  EXPECT_LT(half.size(), full.size() * 6 / 10);
  auto back = parse_model(half);
  ASSERT_TRUE(back.ok()) << back.error().message;
  for (size_t i = 0; i < m.network.params().size(); ++i) {
    const float v = m.network.params()[i];
    EXPECT_NEAR(back->network.params()[i], v, std::abs(v) / 1024 + 1e-7f);
  }
}

// Int8 keeps each output channel's kernel to within half a step of its own scale (the row's
// largest magnitude / 127), so a channel of small weights is not rounded to zero beside one of
// large weights; vectors stay f16.
TEST(WeightsFile, Int8KeepsEachChannelToHalfItsOwnStep) {
  Model m{trained_like_network(), {}};
  float* first_conv = m.network.layer_params(0);
  for (int j = 0; j < 9; ++j) first_conv[j] *= 1e-3f;  // channel 0: a thousand times smaller
  auto back = parse_model(serialize_model(m, TensorType::kInt8));
  ASSERT_TRUE(back.ok()) << back.error().message;
  for (size_t layer = 0; layer < m.network.layer_count(); ++layer) {
    const float* want = m.network.layer_params(layer);
    const float* got = back->network.layer_params(layer);
    for (const auto& dims : m.network.layer(layer).param_shapes()) {
      size_t count = 1;
      for (int d : dims) count *= size_t(d);
      const size_t rows = dims.size() < 2 ? 1 : size_t(dims[0]), per_row = count / rows;
      for (size_t r = 0; r < rows; ++r) {
        float largest = 0;
        for (size_t j = 0; j < per_row; ++j) largest = std::max(largest, std::abs(want[r * per_row + j]));
        for (size_t j = 0; j < per_row; ++j) {
          const float v = want[r * per_row + j];
          const float allowed = dims.size() < 2 ? std::abs(v) / 1024 + 1e-7f : largest / 127 / 2 * 1.001f;
          EXPECT_NEAR(got[r * per_row + j], v, allowed) << "layer " << layer << " row " << r;
        }
      }
      want += count, got += count;
    }
  }
}

TEST(WeightsFile, Int8IsAQuarterOfFloat32) {
  auto net = Network::from_spec("conv 16 3; relu; conv 32 3; relu; gap; dense 10", {1, 8, 8});
  ASSERT_TRUE(net.ok());
  net->init_params(4);
  Model m{std::move(net.value()), {}};
  EXPECT_LT(serialize_model(m, TensorType::kInt8).size(), serialize_model(m, TensorType::kFloat32).size() * 3 / 10);
}

TEST(WeightsFile, Int8WithABrokenScaleIsRefusedInWords) {
  Model m{trained_like_network(), {}};
  auto bytes = serialize_model(m, TensorType::kInt8);
  // The first tensor: rank 4, dims 4 1 3 3, type 2, then its four scales.
  const std::vector<uint8_t> head = {4, 0, 0, 0, 4, 0, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0};
  auto at = std::search(bytes.begin(), bytes.end(), head.begin(), head.end());
  ASSERT_NE(at, bytes.end());
  const float nan = std::numeric_limits<float>::quiet_NaN();
  std::memcpy(&*(at + long(head.size())), &nan, 4);
  const uint32_t crc = crc32(bytes.data(), bytes.size() - 4);
  for (int i = 0; i < 4; ++i) bytes[bytes.size() - 4 + size_t(i)] = uint8_t(crc >> (8 * i));
  auto r = parse_model(bytes);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kBadWeights);
  EXPECT_NE(r.error().message.find("invalid scale"), std::string::npos) << r.error().message;
  // Cut inside the int8 values (checksum fixed): truncated, in words.
  auto cut = serialize_model(m, TensorType::kInt8);
  cut.resize(size_t(at - bytes.begin()) + head.size() + 16 + 10);
  const uint32_t cut_crc = crc32(cut.data(), cut.size());
  for (int i = 0; i < 4; ++i) cut.push_back(uint8_t(cut_crc >> (8 * i)));
  auto t = parse_model(cut);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().message.find("truncated"), std::string::npos) << t.error().message;
}

TEST(WeightsFile, RejectsWrongTruncatedAndCorruptedFiles) {
  Model m{trained_like_network(), {}};
  const auto bytes = serialize_model(m);
  auto expect_error = [](std::vector<uint8_t> b, const std::string& words) {
    auto r = parse_model(b);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kBadWeights);
    EXPECT_NE(r.error().message.find(words), std::string::npos) << r.error().message;
  };
  expect_error({}, "not a Scrawl model");
  expect_error({'h', 'e', 'l', 'l', 'o'}, "not a Scrawl model");
  std::vector<uint8_t> png(bytes.size(), 0);
  png[0] = 0x89, png[1] = 'P';
  expect_error(png, "not a Scrawl model");
  expect_error(std::vector<uint8_t>(bytes.begin(), bytes.begin() + long(bytes.size() / 2)), "corrupted");
  auto flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x40;
  expect_error(flipped, "corrupted");
  auto future = bytes;
  future[8] = 99;
  expect_error(future, "version 99");
}

// A small file with a valid checksum whose architecture asks for more memory than exists
// (dense 65536 on a 64×4096×4096 input: 256 TiB) or overflows a 32-bit size is an error value,
// never an allocation that throws or a size that wraps.
std::vector<uint8_t> weights_file_claiming(uint32_t c, uint32_t h, uint32_t w, const std::string& spec) {
  std::vector<uint8_t> b = {'S', 'C', 'R', 'A', 'W', 'L', 'N', 'N'};
  auto u32 = [&](uint32_t v) {
    for (int i = 0; i < 4; ++i) b.push_back(uint8_t(v >> (8 * i)));
  };
  u32(kWeightsVersion), u32(c), u32(h), u32(w);
  u32(uint32_t(spec.size()));
  b.insert(b.end(), spec.begin(), spec.end());
  u32(0);  // metadata
  u32(0);  // tensors
  u32(crc32(b.data(), b.size()));
  return b;
}

TEST(WeightsFile, RefusesArchitecturesTooLargeToHold) {
  for (const auto& [c, h, w, spec] : std::vector<std::tuple<uint32_t, uint32_t, uint32_t, std::string>>{
           {64, 4096, 4096, "dense 65536"},          // 256 TiB of weights
           {64, 4096, 4096, "conv 4096 15"},         // a 2^36-element activation: overflows int
           {1, 28, 28, "dense 65536; dense 65536"},  // 16 GB
           {1, 28, 28, "conv 4096 3; conv 4096 3"},  // 600 MB of weights, 12 MB a sample
       }) {
    const auto bytes = weights_file_claiming(c, h, w, spec);
    auto r = parse_model(bytes);
    ASSERT_FALSE(r.ok()) << spec;
    EXPECT_EQ(r.error().code, ErrorCode::kBadWeights) << spec;
    EXPECT_NE(r.error().message.find("larger than any model"), std::string::npos) << r.error().message;
  }
  // The app's own architectures are far inside the limits.
  EXPECT_TRUE(Network::from_spec(kSmall, {1, 28, 28}).ok());
}

}  // namespace
}  // namespace scrawl
