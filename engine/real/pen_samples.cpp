#include "pen_samples.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace scrawl::real {

Result<std::vector<PenSample>> load_pen_samples(const std::string& path, const std::string& source) {
  std::ifstream in(path);
  if (!in) return make_error(ErrorCode::kIo, "cannot open " + path);
  std::vector<PenSample> out;
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    const auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object())
      return make_error(ErrorCode::kIo, path + ": line " + std::to_string(line_no) + " is not JSON");
    const auto label = j.value("label", std::string());
    if (label.size() != 1 || label[0] < '0' || label[0] > '9') continue;
    PenSample s;
    s.label = label[0] - '0';
    s.writer = source + ":" + j.value("writer", std::string("?"));
    const bool y_up = j.value("y_axis", std::string("down")) == "up";
    if (!j.contains("strokes") || !j["strokes"].is_array()) continue;
    for (const auto& stroke : j["strokes"]) {
      Stroke st;
      for (const auto& p : stroke)
        if (p.is_array() && p.size() >= 2 && p[0].is_number() && p[1].is_number())
          st.push_back({p[0].get<float>(), y_up ? -p[1].get<float>() : p[1].get<float>()});
      if (!st.empty()) s.strokes.push_back(std::move(st));
    }
    if (!s.strokes.empty()) out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<PenSample>> load_all_pen_samples(const std::string& real_dir) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(real_dir) / "strokes";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return make_error(ErrorCode::kIo, "no strokes/ folder in " + real_dir);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".jsonl") files.push_back(e.path());
  std::sort(files.begin(), files.end());  // the same order on every machine
  std::vector<PenSample> all;
  for (const auto& f : files) {
    std::string source = f.stem().string();
    source = source.substr(0, source.find('-'));  // "unipen-1a" -> "unipen"
    auto part = load_pen_samples(f.string(), source);
    if (!part) return part.error();
    for (auto& s : *part) all.push_back(std::move(s));
  }
  if (all.empty()) return make_error(ErrorCode::kIo, "no pen trajectories in " + dir.string());
  return all;
}

}  // namespace scrawl::real
