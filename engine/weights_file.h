// The versioned binary weights format, little-endian:
//   "SCRAWLNN"  u32 version (1)
//   u32 input c, h, w
//   u32 len, architecture spec (UTF-8, layers separated by ';')
//   u32 len, metadata ("key=value" lines: training command, accuracy, unsure threshold...)
//   u32 tensor count, then per tensor: u32 rank, u32 dims[rank], f32 data[product]
//   u32 CRC-32 of every byte before it
#pragma once
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "nn/network.h"
#include "result.h"

namespace scrawl {

inline constexpr uint32_t kWeightsVersion = 1;

struct Model {
  Network network;
  std::map<std::string, std::string> metadata;
};

std::vector<uint8_t> serialize_model(const Model& model);
Result<Model> parse_model(std::span<const uint8_t> bytes);

}  // namespace scrawl
