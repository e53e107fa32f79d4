// Small helpers the CLI commands share: argument parsing, files, quoting (JSON text: core/json_text.h).
#pragma once
#include <cstdint>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "recognize/recognizer.h"

namespace scrawl::cli {

// --name value / --flag / positional. Unknown options are reported by the command.
struct Args {
  std::map<std::string, std::string> options;  // "--epochs" -> "30"; flags -> ""
  std::vector<std::string> positional;
  bool has(const std::string& name) const { return options.count(name) > 0; }
  std::string get(const std::string& name, const std::string& fallback = "") const;
};

// value_options: the options that take a value. Returns an error message on bad input.
std::optional<std::string> parse_args(int argc, char** argv, const std::vector<std::string>& value_options,
                                      const std::vector<std::string>& flag_options, Args& out);

Result<std::vector<uint8_t>> read_file(const std::string& path);
Status write_file(const std::string& path, const std::vector<uint8_t>& bytes);

// The model from a weights file, or the one built in when the path is empty.
Result<std::unique_ptr<Recognizer>> load_recognizer(const std::string& weights_path);

// --one-digit FILE|none: replaces the reader's one-digit check (none: no check). "" keeps it.
Status use_one_digit_check(Recognizer& recognizer, const std::string& flag);
// The same for the line model that rereads each line (--line FILE|none).
Status use_line_reader(Recognizer& recognizer, const std::string& flag);

// The reader an evaluation runs: --weights, --one-digit and --line applied to it.
Result<std::unique_ptr<Recognizer>> load_reader(const Args& args);

// A gallery of what an evaluation read wrongly: dir made, and its index.md opened with `heading`
// (Markdown) written; the caller adds a row per image beside it.
std::ofstream open_gallery(const std::string& dir, const std::string& heading);

// A command line as a person would type it: words with spaces or shell characters in single quotes.
std::string shell_quote(const std::string& word);
// Splits a line written by shell_quote back into its words.
std::vector<std::string> shell_split(const std::string& line);

}  // namespace scrawl::cli
