#include "weights_file.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/crc32.h"
#include "core/digit_pixels.h"

namespace scrawl {
namespace {

constexpr char kMagic[8] = {'S', 'C', 'R', 'A', 'W', 'L', 'N', 'N'};
// A layer's output channels; Network::from_spec allows no more.
constexpr size_t kMaxInt8Rows = 4096;

void put_u32(std::vector<uint8_t>& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(uint8_t(v >> (8 * i)));
}

void put_string(std::vector<uint8_t>& out, const std::string& s) {
  put_u32(out, uint32_t(s.size()));
  out.insert(out.end(), s.begin(), s.end());
}

class Reader {
 public:
  explicit Reader(std::span<const uint8_t> b) : b_(b) {}
  bool u32(uint32_t& v) {
    if (b_.size() - pos_ < 4) return false;
    v = uint32_t(b_[pos_]) | uint32_t(b_[pos_ + 1]) << 8 | uint32_t(b_[pos_ + 2]) << 16 | uint32_t(b_[pos_ + 3]) << 24;
    pos_ += 4;
    return true;
  }
  bool bytes(void* dst, size_t n) {
    if (b_.size() - pos_ < n) return false;
    std::memcpy(dst, b_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  bool string(std::string& s, size_t max) {
    uint32_t n;
    if (!u32(n) || n > max || b_.size() - pos_ < n) return false;
    s.assign(reinterpret_cast<const char*>(b_.data() + pos_), n);
    pos_ += n;
    return true;
  }
  size_t pos() const { return pos_; }

 private:
  std::span<const uint8_t> b_;
  size_t pos_ = 0;
};

// Symmetric int8 per row: the row's largest magnitude maps to 127.
void put_int8_rows(std::vector<uint8_t>& out, const float* p, size_t count, size_t rows) {
  const size_t per_row = count / rows;
  std::vector<float> scales(rows);
  for (size_t r = 0; r < rows; ++r) {
    float largest = 0;
    for (size_t j = 0; j < per_row; ++j) largest = std::max(largest, std::abs(p[r * per_row + j]));
    scales[r] = largest / 127.0f;
    uint32_t bits;
    std::memcpy(&bits, &scales[r], 4);
    put_u32(out, bits);
  }
  for (size_t r = 0; r < rows; ++r)
    for (size_t j = 0; j < per_row; ++j) {
      const float v = scales[r] > 0 ? p[r * per_row + j] / scales[r] : 0.0f;
      out.push_back(uint8_t(int8_t(std::clamp(std::lround(v), -127L, 127L))));
    }
  for (size_t pad = count % 4 ? 4 - count % 4 : 0; pad > 0; --pad) out.push_back(0);
}

void put_values(std::vector<uint8_t>& out, TensorType type, const float* p, size_t count, size_t rows) {
  if (type == TensorType::kInt8) {
    put_int8_rows(out, p, count, rows);
  } else if (type == TensorType::kFloat16) {
    for (size_t j = 0; j < count; ++j) {
      const uint16_t bits = Eigen::numext::bit_cast<uint16_t>(Eigen::half(p[j]));
      out.push_back(uint8_t(bits)), out.push_back(uint8_t(bits >> 8));
    }
    if (count % 2) out.push_back(0), out.push_back(0);
  } else {
    for (size_t j = 0; j < count; ++j) {
      uint32_t bits;
      std::memcpy(&bits, p + j, 4);
      put_u32(out, bits);
    }
  }
}

Error bad(const std::string& why) { return make_error(ErrorCode::kBadWeights, "weights file " + why); }

}  // namespace

std::vector<uint8_t> serialize_model(const Model& model, TensorType type) {
  const Network& net = model.network;
  std::vector<uint8_t> out(kMagic, kMagic + 8);
  put_u32(out, kWeightsVersion);
  put_u32(out, uint32_t(net.input().c));
  put_u32(out, uint32_t(net.input().h));
  put_u32(out, uint32_t(net.input().w));
  put_string(out, net.spec());
  std::string meta;
  for (const auto& [k, v] : model.metadata) meta += k + "=" + v + "\n";
  put_string(out, meta);
  uint32_t tensors = 0;
  for (size_t i = 0; i < net.layer_count(); ++i) tensors += uint32_t(net.layer(i).param_shapes().size());
  put_u32(out, tensors);
  const float* p = net.params().data();
  for (size_t i = 0; i < net.layer_count(); ++i) {
    for (const auto& dims : net.layer(i).param_shapes()) {
      put_u32(out, uint32_t(dims.size()));
      size_t count = 1;
      for (int d : dims) {
        put_u32(out, uint32_t(d));
        count *= size_t(d);
      }
      const TensorType stored = type == TensorType::kInt8 && dims.size() < 2 ? TensorType::kFloat16 : type;
      put_u32(out, uint32_t(stored));
      put_values(out, stored, p, count, dims.size() < 2 ? 1 : size_t(dims[0]));
      p += count;
    }
  }
  put_u32(out, crc32(out.data(), out.size()));
  return out;
}

namespace {

// An int8 tensor of `rows` rows: the scales, then the values, padded to 4 bytes.
Status read_int8_rows(Reader& r, size_t count, size_t rows, float* out) {
  float scales[kMaxInt8Rows];
  if (rows > kMaxInt8Rows || count % rows) return bad("has an int8 tensor of more rows than it can hold");
  if (!r.bytes(scales, 4 * rows)) return bad("is truncated");
  for (size_t i = 0; i < rows; ++i)
    if (!(scales[i] >= 0 && scales[i] < 1e30f)) return bad("has an int8 tensor with an invalid scale");
  const size_t per_row = count / rows;
  for (size_t j = 0; j < count; ++j) {
    int8_t q;
    if (!r.bytes(&q, 1)) return bad("is truncated");
    out[j] = float(q) * scales[j / per_row];
  }
  uint8_t pad[3];
  if (count % 4 && !r.bytes(pad, 4 - count % 4)) return bad("is truncated");
  return Ok{};
}

// One tensor's `count` values, stored as `type`; `rows`: its first dimension (1 for a vector).
Status read_values(Reader& r, uint32_t type, size_t count, size_t rows, float* out) {
  if (type == uint32_t(TensorType::kInt8)) return read_int8_rows(r, count, rows, out);
  if (type == uint32_t(TensorType::kFloat32)) {
    if (!r.bytes(out, 4 * count)) return bad("is truncated");
  } else if (type == uint32_t(TensorType::kFloat16)) {
    for (size_t j = 0; j < count; ++j) {
      uint16_t bits;
      if (!r.bytes(&bits, 2)) return bad("is truncated");
      out[j] = float(Eigen::numext::bit_cast<Eigen::half>(bits));
    }
    uint16_t pad;
    if (count % 2 && !r.bytes(&pad, 2)) return bad("is truncated");
  } else {
    return bad("has a tensor of unknown type " + std::to_string(type));
  }
  return Ok{};
}

// The tensors after the header, into the network's parameters, checked against its architecture.
Status read_tensors(Reader& r, uint32_t version, Network& net) {
  uint32_t tensors;
  if (!r.u32(tensors)) return bad("is truncated");
  FloatBuffer& params = net.params();
  size_t filled = 0;
  uint32_t seen = 0;
  for (size_t i = 0; i < net.layer_count(); ++i) {
    for (const auto& dims : net.layer(i).param_shapes()) {
      uint32_t rank;
      if (seen++ >= tensors || !r.u32(rank)) return bad("has fewer tensors than its architecture needs");
      if (rank != dims.size()) return bad("has a tensor of the wrong rank for layer " + std::to_string(i));
      size_t count = 1;
      for (int d : dims) {
        uint32_t got;
        if (!r.u32(got)) return bad("is truncated");
        if (got != uint32_t(d)) return bad("has a tensor of the wrong shape for layer " + std::to_string(i));
        count *= size_t(d);
      }
      uint32_t type = uint32_t(TensorType::kFloat32);
      if (version >= 2 && !r.u32(type)) return bad("is truncated");
      const size_t rows = dims.size() < 2 ? 1 : size_t(dims[0]);
      if (auto st = read_values(r, type, count, rows, params.data() + filled); !st) return st;
      filled += count;
    }
  }
  if (seen != tensors || filled != params.size()) return bad("has more tensors than its architecture needs");
  return Ok{};
}

// The "key=value" lines.
std::map<std::string, std::string> parse_metadata(const std::string& meta) {
  std::map<std::string, std::string> metadata;
  size_t start = 0;
  while (start < meta.size()) {
    size_t end = meta.find('\n', start);
    if (end == std::string::npos) end = meta.size();
    const std::string line = meta.substr(start, end - start);
    const size_t eq = line.find('=');
    if (eq != std::string::npos) metadata[line.substr(0, eq)] = line.substr(eq + 1);
    start = end + 1;
  }
  return metadata;
}

}  // namespace

Result<Model> parse_model(std::span<const uint8_t> bytes) {
  if (bytes.size() < 8 + 4 * 7 || std::memcmp(bytes.data(), kMagic, 8) != 0)
    return bad("is not a Scrawl model (wrong magic bytes)");
  Reader r(bytes.subspan(8));
  uint32_t version, c, h, w;
  if (!r.u32(version)) return bad("is truncated");
  if (version != kWeightsVersion && version != 1)
    return bad("has version " + std::to_string(version) + "; this build reads version " +
               std::to_string(kWeightsVersion));
  const uint32_t stored_crc = uint32_t(bytes[bytes.size() - 4]) | uint32_t(bytes[bytes.size() - 3]) << 8 |
                              uint32_t(bytes[bytes.size() - 2]) << 16 | uint32_t(bytes[bytes.size() - 1]) << 24;
  if (crc32(bytes.data(), bytes.size() - 4) != stored_crc) return bad("is truncated or corrupted (checksum mismatch)");

  std::string spec, meta;
  if (!r.u32(c) || !r.u32(h) || !r.u32(w) || !r.string(spec, 1 << 16) || !r.string(meta, 1 << 20))
    return bad("is truncated");
  if (c == 0 || h == 0 || w == 0 || c > 64 || h > 4096 || w > 4096) return bad("has an invalid input shape");
  auto net = Network::from_spec(spec, Shape{int(c), int(h), int(w)});
  if (!net) return net.error();
  if (auto st = read_tensors(r, version, *net); !st) return st.error();
  if (r.pos() + 8 + 4 != bytes.size()) return bad("has unexpected bytes after its tensors");
  for (float v : net->params())
    if (!(v == v) || v > 1e30f || v < -1e30f) return bad("contains invalid numbers");
  return Model{std::move(net.value()), parse_metadata(meta)};
}

Result<Model> parse_classifier(std::span<const uint8_t> bytes, int classes, const std::string& what) {
  auto model = parse_model(bytes);
  if (!model) return model.error();
  const Network& net = model->network;
  if (net.input() != Shape{1, kDigitSide, kDigitSide} || net.output().size() != classes)
    return make_error(ErrorCode::kBadWeights,
                      "weights file is not " + what + " (28×28 in, " + std::to_string(classes) + " classes out)");
  return model;
}

}  // namespace scrawl
