#pragma once
#include <cstddef>
#include <cstdint>

namespace scrawl {

// CRC-32 (IEEE, as zlib and PNG use it). The wasm build has no zlib, so the engine keeps its own.
uint32_t crc32(const uint8_t* data, size_t len, uint32_t crc = 0);

}  // namespace scrawl
