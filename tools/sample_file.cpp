#include "sample_file.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/json_text.h"

namespace scrawl::cli {
namespace {

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(const uint8_t* bytes, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; i += 3) {
    const uint32_t v = uint32_t(bytes[i]) << 16 | (i + 1 < n ? uint32_t(bytes[i + 1]) << 8 : 0u) |
                       (i + 2 < n ? uint32_t(bytes[i + 2]) : 0u);
    out += kBase64[v >> 18 & 63];
    out += kBase64[v >> 12 & 63];
    out += i + 1 < n ? kBase64[v >> 6 & 63] : '=';
    out += i + 2 < n ? kBase64[v & 63] : '=';
  }
  return out;
}

bool unbase64(const std::string& text, std::vector<uint8_t>& out) {
  out.clear();
  uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=') break;
    const char* at = std::char_traits<char>::find(kBase64, 64, c);
    if (!at) return false;
    acc = acc << 6 | uint32_t(at - kBase64);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(uint8_t(acc >> bits & 255));
    }
  }
  return true;
}

}  // namespace

std::string samples_json(const SampleFile& file) {
  std::string out = "{\"format\":\"scrawl-samples\",\"version\":1,\"writer\":" + json_quote(file.writer) +
                    (file.split.empty() ? std::string() : ",\"split\":" + json_quote(file.split)) + ",\"samples\":[";
  uint8_t bytes[kDigitSide * kDigitSide];
  for (size_t i = 0; i < file.samples.size(); ++i) {
    const learn::Sample& s = file.samples[i];
    for (size_t k = 0; k < s.pixels.size(); ++k)
      bytes[k] = uint8_t(std::lround(std::clamp(s.pixels[k], 0.0f, 1.0f) * 255));
    out += std::string(i ? ",\n" : "\n") + "{\"label\":" + std::to_string(int(s.label)) + ",\"input\":\"" +
           base64(bytes, sizeof bytes) + "\"}";
  }
  return out + "\n]}\n";
}

Result<SampleFile> parse_samples_json(const std::string& text) {
  const auto bad = [](const std::string& why) {
    return make_error(ErrorCode::kBadArgument, "this is not a file of Scrawl samples: " + why);
  };
  auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) return bad("it is not JSON");
  if (json.value("format", "") != "scrawl-samples") return bad("its \"format\" is not \"scrawl-samples\"");
  if (json.value("version", 0) != 1) return bad("it is of a version this Scrawl does not read");
  if (!json.contains("samples") || !json["samples"].is_array()) return bad("it has no list of samples");
  SampleFile file;
  if (json.contains("writer") && json["writer"].is_string()) file.writer = json["writer"];
  if (json.contains("split") && json["split"].is_string()) file.split = json["split"];
  std::vector<uint8_t> bytes;
  for (const auto& s : json["samples"]) {
    if (!s.is_object() || !s.contains("label") || !s["label"].is_number_integer() || !s.contains("input") ||
        !s["input"].is_string())
      return bad("a sample lacks its label or its input");
    const int label = s["label"];
    if (label < 0 || label > 9) return bad("a sample's label is not a digit from 0 to 9");
    if (!unbase64(s["input"].get<std::string>(), bytes) || bytes.size() != size_t(kDigitSide * kDigitSide))
      return bad("a sample's input is not 784 bytes in base64");
    learn::Sample sample;
    sample.label = uint8_t(label);
    for (size_t k = 0; k < bytes.size(); ++k) sample.pixels[k] = float(bytes[k]) / 255.0f;
    file.samples.push_back(sample);
  }
  return file;
}

}  // namespace scrawl::cli
