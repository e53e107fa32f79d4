#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace scrawl {
// Hex md5 of a buffer (OpenSSL's libcrypto), to name the training data in the model card.
std::string md5_hex(const uint8_t* data, size_t len);
}  // namespace scrawl
