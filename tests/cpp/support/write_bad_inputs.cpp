// scrawl_bad_inputs OUT_DIR: writes the bad-input corpus (bad_inputs.h) to OUT_DIR, a file each,
// with expected.tsv beside them (name, expected answer, what the file is).
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "support/bad_inputs.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: scrawl_bad_inputs OUT_DIR\n");
    return 2;
  }
  const std::filesystem::path out = argv[1];
  std::filesystem::create_directories(out);
  std::ofstream expected(out / "expected.tsv");
  for (const auto& input : scrawl::testing::bad_inputs()) {
    std::ofstream(out / input.name, std::ios::binary)
        .write(reinterpret_cast<const char*>(input.bytes.data()), std::streamsize(input.bytes.size()));
    expected << input.name << '\t' << input.expect << '\t' << input.why << '\n';
  }
  return expected ? 0 : 1;
}
