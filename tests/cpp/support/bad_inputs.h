// The bad-input corpus: files people may hand Scrawl that are damaged, odd, huge or hostile,
// made by the project's own code (nothing is committed). tests/cpp/recognize/bad_input_test.cpp
// checks the answer to each; scrawl_bad_inputs writes them to a folder for
// scripts/bad-inputs.sh, which times each through the CLI and records its memory.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace scrawl::testing {

struct BadInput {
  std::string name;  // a file name with the extension such a file would have
  std::vector<uint8_t> bytes;
  // What Scrawl must answer: "7" (that text read), "nothing" (no digit: a reading without
  // digits, or the errors no_digit / too_many_marks), "answer" (any reading or error in
  // words), or "error:CODE" (that error, e.g. "error:image_too_large").
  std::string expect;
  std::string why;  // what the file is, for a failing test's message
};

std::vector<BadInput> bad_inputs();

}  // namespace scrawl::testing
