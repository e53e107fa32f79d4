// What `scrawl recognize` reads when it reads in bulk: files named, folders of images, list
// files; and, when it resumes, which of them an earlier run's output already holds.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "core/status.h"

namespace scrawl::cli {

// Each argument as it stands, or a folder's image files (by extension, in its subfolders too,
// in name order); then each line of each list file ("-": standard input). Errors name the
// folder or list that could not be read.
Result<std::vector<std::string>> gather_inputs(const std::vector<std::string>& args,
                                               const std::vector<std::string>& lists);

// The files an output written by `scrawl recognize --out` already has a line for (JSON lines or
// CSV). A last line without its newline (a run stopped while writing it) is cut off the file,
// so that the resumed run writes that file's line whole. A missing output is an empty set.
Result<std::set<std::string>> files_already_read(const std::string& out_path, bool csv);

// One CSV cell, always quoted (a name with a comma or a quote stays one cell).
std::string csv_cell(const std::string& s);

}  // namespace scrawl::cli
