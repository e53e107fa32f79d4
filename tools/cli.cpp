#include "cli.h"

#include <filesystem>

#include "recognize/one_digit_check.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>

namespace scrawl::cli {

std::string Args::get(const std::string& name, const std::string& fallback) const {
  auto it = options.find(name);
  return it == options.end() ? fallback : it->second;
}

std::optional<std::string> parse_args(int argc, char** argv, const std::vector<std::string>& value_options,
                                      const std::vector<std::string>& flag_options, Args& out) {
  auto is = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--") {
      for (++i; i < argc; ++i) out.positional.push_back(argv[i]);
      break;
    }
    if (a.rfind("--", 0) == 0) {
      std::string value;
      const size_t eq = a.find('=');
      const bool inline_value = eq != std::string::npos;
      if (inline_value) value = a.substr(eq + 1), a = a.substr(0, eq);
      if (is(value_options, a)) {
        if (!inline_value) {
          if (i + 1 >= argc) return "option " + a + " needs a value";
          value = argv[++i];
        }
        out.options[a] = value;
      } else if (is(flag_options, a) && !inline_value) {
        out.options[a] = "";
      } else {
        return "unknown option " + a;
      }
    } else {
      out.positional.push_back(a);
    }
  }
  return std::nullopt;
}

Result<std::vector<uint8_t>> read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return make_error(ErrorCode::kIo, "cannot open the file (missing or not readable)");
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  if (f.bad()) return make_error(ErrorCode::kIo, "cannot read the file");
  return bytes;
}

Status write_file(const std::string& path, const std::vector<uint8_t>& bytes) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary);
    if (!f.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size())))
      return make_error(ErrorCode::kIo, "cannot write " + path);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return make_error(ErrorCode::kIo, "cannot write " + path);
  return Ok{};
}

Result<std::unique_ptr<Recognizer>> load_recognizer(const std::string& weights_path) {
  if (weights_path.empty()) return Recognizer::from_embedded();
  auto bytes = read_file(weights_path);
  if (!bytes) return make_error(ErrorCode::kIo, weights_path + ": " + bytes.error().message);
  return Recognizer::from_weights(*bytes);
}

Status use_one_digit_check(Recognizer& recognizer, const std::string& flag) {
  if (flag.empty()) return Ok{};
  if (flag == "none") {
    recognizer.set_one_digit_check(nullptr);
    return Ok{};
  }
  auto bytes = read_file(flag);
  if (!bytes) return make_error(bytes.error().code, flag + ": " + bytes.error().message);
  auto loaded = OneDigitCheck::from_weights(*bytes);
  if (!loaded) return make_error(loaded.error().code, flag + ": " + loaded.error().message);
  recognizer.set_one_digit_check(std::move(loaded.value()));
  return Ok{};
}

Status use_line_reader(Recognizer& recognizer, const std::string& flag) {
  if (flag.empty()) return Ok{};
  if (flag == "none") {
    recognizer.set_line_reader(nullptr);
    return Ok{};
  }
  auto bytes = read_file(flag);
  if (!bytes) return make_error(bytes.error().code, flag + ": " + bytes.error().message);
  auto loaded = LineReader::from_weights(*bytes);
  if (!loaded) return make_error(loaded.error().code, flag + ": " + loaded.error().message);
  recognizer.set_line_reader(std::move(loaded.value()));
  return Ok{};
}

Result<std::unique_ptr<Recognizer>> load_reader(const Args& args) {
  auto rec = load_recognizer(args.get("--weights"));
  if (!rec) return rec.error();
  if (auto st = use_one_digit_check(**rec, args.get("--one-digit")); !st) return st.error();
  if (auto st = use_line_reader(**rec, args.get("--line")); !st) return st.error();
  return rec;
}

std::ofstream open_gallery(const std::string& dir, const std::string& heading) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::ofstream md(std::filesystem::path(dir) / "index.md");
  md << heading;
  return md;
}

std::string shell_quote(const std::string& word) {
  const bool plain = !word.empty() && word.find_first_not_of(
                                          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=,:+@%") ==
                                          std::string::npos;
  if (plain) return word;
  std::string q = "'";
  for (char c : word) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::vector<std::string> shell_split(const std::string& line) {
  std::vector<std::string> words;
  std::string cur;
  bool in_word = false, quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '\'') quoted = false;
      else cur += c;
    } else if (c == '\'') {
      quoted = in_word = true;
    } else if (c == '\\' && i + 1 < line.size()) {
      cur += line[++i], in_word = true;
    } else if (c == ' ') {
      if (in_word) words.push_back(cur), cur.clear(), in_word = false;
    } else {
      cur += c, in_word = true;
    }
  }
  if (in_word) words.push_back(cur);
  return words;
}

}  // namespace scrawl::cli
