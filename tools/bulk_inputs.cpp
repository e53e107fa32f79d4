#include "bulk_inputs.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace scrawl::cli {
namespace fs = std::filesystem;
namespace {

bool looks_like_image(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  for (const char* e : {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tga", ".webp", ".heic", ".tif", ".tiff"})
    if (ext == e) return true;
  return false;
}

Status add_folder(const std::string& dir, std::vector<std::string>& out) {
  std::error_code ec;
  std::vector<std::string> found;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec) && looks_like_image(it->path())) found.push_back(it->path().string());
  if (ec) return make_error(ErrorCode::kIo, dir + ": cannot read the folder (" + ec.message() + ")");
  std::sort(found.begin(), found.end());
  out.insert(out.end(), found.begin(), found.end());
  return Ok{};
}

// The "file" member of a line written by print_reading's JSON, unquoted.
std::string json_file_member(const std::string& line) {
  const std::string key = "{\"file\":\"";
  if (line.compare(0, key.size(), key) != 0) return {};
  std::string out;
  for (size_t i = key.size(); i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"') return out;
    if (c != '\\' || i + 1 >= line.size()) {
      out += c;
      continue;
    }
    const char e = line[++i];
    if (e == 'u') {
      // json_quote writes \u00XX for control characters; anything else is not our line.
      const std::string hex = line.substr(i + 1, 4);
      char* end = nullptr;
      const long code = std::strtol(hex.c_str(), &end, 16);
      if (hex.size() != 4 || *end || code < 0 || code > 0xff) return {};
      out += char(code);
      i += 4;
    } else {
      out += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'b' ? '\b' : e == 'f' ? '\f' : e;
    }
  }
  return {};
}

// The first cell of a CSV line written with csv_cell.
std::string csv_first_cell(const std::string& line) {
  if (line.empty() || line[0] != '"') return {};
  std::string out;
  for (size_t i = 1; i < line.size(); ++i) {
    if (line[i] != '"') out += line[i];
    else if (i + 1 < line.size() && line[i + 1] == '"') out += '"', ++i;
    else return out;
  }
  return {};
}

}  // namespace

Result<std::vector<std::string>> gather_inputs(const std::vector<std::string>& args,
                                               const std::vector<std::string>& lists) {
  std::vector<std::string> out;
  for (const std::string& a : args) {
    std::error_code ec;
    if (fs::is_directory(a, ec)) {
      if (auto st = add_folder(a, out); !st) return st.error();
    } else {
      out.push_back(a);
    }
  }
  for (const std::string& list : lists) {
    std::ifstream file;
    if (list != "-") {
      file.open(list);
      if (!file) return make_error(ErrorCode::kIo, list + ": cannot open the list of files");
    }
    std::istream& in = list == "-" ? std::cin : file;
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) out.push_back(line);
    }
  }
  return out;
}

Result<std::set<std::string>> files_already_read(const std::string& out_path, bool csv) {
  std::set<std::string> done;
  std::error_code ec;
  if (!fs::exists(out_path, ec)) return done;
  std::ifstream in(out_path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kIo, out_path + ": cannot open the output to resume it");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();
  const size_t whole = text.empty() || text.back() == '\n' ? text.size() : text.rfind('\n') + 1;
  if (whole != text.size()) {
    fs::resize_file(out_path, whole, ec);
    if (ec) return make_error(ErrorCode::kIo, out_path + ": cannot cut off its unfinished last line");
  }
  for (size_t start = 0; start < whole;) {
    const size_t end = text.find('\n', start);
    const std::string line = text.substr(start, end - start);
    const std::string file = csv ? csv_first_cell(line) : json_file_member(line);
    if (!file.empty()) done.insert(file);
    start = end + 1;
  }
  return done;
}

std::string csv_cell(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace scrawl::cli
