// Debian's stb_image (2.27) trusts a JPEG's Huffman table: code counts adding up to more than
// 256 index past its tables (stbi__build_huffman), and stbi_info already parses them. The
// tables are checked here first, reading the markers as stb_image does.
#pragma once
#include <cstdint>
#include <span>

namespace scrawl {

// Whether every Huffman table (DHT segment) in the JPEG holds at most 256 codes; true for bytes
// stb_image would not read as a JPEG. Other damage is left to the decoder, which reports it safely.
bool jpeg_huffman_tables_ok(std::span<const uint8_t> bytes);

}  // namespace scrawl
