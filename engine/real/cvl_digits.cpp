#include "cvl_digits.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace scrawl::real {

Result<CvlDigits> load_cvl(const std::string& real_dir, const std::string& split) {
  const std::string dir = real_dir + "/cvl";
  auto set = load_mnist(dir, split);
  if (!set) return set.error();
  CvlDigits out;
  out.digits = std::move(*set);
  std::ifstream in(dir + "/" + split + "-writers.csv");
  if (!in) return make_error(ErrorCode::kIo, "cannot open " + dir + "/" + split + "-writers.csv");
  std::string line;
  std::getline(in, line);  // index,label,writer
  while (std::getline(in, line)) {
    std::stringstream fields(line);
    std::string index, label, writer;
    std::getline(fields, index, ','), std::getline(fields, label, ','), std::getline(fields, writer, ',');
    if (!writer.empty() && writer.back() == '\r') writer.pop_back();
    out.writers.push_back("cvl:" + writer);
  }
  if (out.writers.size() != out.digits.size())
    return make_error(ErrorCode::kIo, dir + "/" + split + "-writers.csv does not list every digit");
  return out;
}

std::string real_dir(const std::string& flag) {
  if (!flag.empty()) return flag;
  const char* env = std::getenv("SCRAWL_REAL");
  return env ? env : "";
}

}  // namespace scrawl::real
