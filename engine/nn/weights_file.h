// The versioned binary weights format, little-endian:
//   "SCRAWLNN"  u32 version (2)
//   u32 input c, h, w
//   u32 len, architecture spec (UTF-8, layers separated by ';')
//   u32 len, metadata ("key=value" lines: the training run's settings and command, accuracy,
//     unsure threshold...)
//   u32 tensor count, then per tensor: u32 rank, u32 dims[rank], u32 type (0 = f32, 1 = f16,
//     2 = int8), data padded to 4 bytes: f32 or f16 values; for int8, one f32 scale per row
//     (dims[0] rows; one row for a vector), then the int8 values (value = int8 × its row's scale)
//   u32 CRC-32 of every byte before it
// Version 1 (no type field, f32 only) is still read.
#pragma once
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "core/status.h"
#include "network.h"

namespace scrawl {

inline constexpr uint32_t kWeightsVersion = 2;

// Half precision halves the download; the model's accuracy does not notice. Int8 halves it
// again: each output channel's kernel (a row) gets its own scale, so a channel of small
// weights keeps its precision beside one of large weights. Asked for int8, the serializer
// stores kernels and matrices as int8 and the vectors (biases: a few hundred numbers, each
// added to a whole channel) as f16.
enum class TensorType : uint32_t { kFloat32 = 0, kFloat16 = 1, kInt8 = 2 };

struct Model {
  Network network;
  std::map<std::string, std::string> metadata;
};

std::vector<uint8_t> serialize_model(const Model& model, TensorType type = TensorType::kFloat16);
Result<Model> parse_model(std::span<const uint8_t> bytes);
// parse_model, then checks the network reads one 28×28 image into `classes` outputs; the error
// names what the file should have been ("a digit model").
Result<Model> parse_classifier(std::span<const uint8_t> bytes, int classes, const std::string& what);

}  // namespace scrawl
