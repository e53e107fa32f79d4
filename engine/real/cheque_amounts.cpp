#include "cheque_amounts.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace scrawl::real {
namespace {

// "2:2 13 25 29;2:31 13 19 25" → the boxes; false if a field is not "d:x y w h".
bool parse_boxes(const std::string& field, const std::string& digits, std::vector<Box>& boxes) {
  std::stringstream all(field);
  std::string one;
  std::string seen;
  while (std::getline(all, one, ';')) {
    Box b;
    char d = 0;
    if (std::sscanf(one.c_str(), "%c:%d %d %d %d", &d, &b.x, &b.y, &b.w, &b.h) != 5 || b.w <= 0 || b.h <= 0)
      return false;
    seen += d;
    boxes.push_back(b);
  }
  return seen == digits;
}

}  // namespace

Result<std::vector<ChequeAmount>> load_cheque_amounts(const std::string& real_dir) {
  const std::string dir = real_dir + "/orand-car-a";
  std::ifstream in(dir + "/labels.csv");
  if (!in) return make_error(ErrorCode::kIo, "cannot open " + dir + "/labels.csv");
  std::vector<ChequeAmount> out;
  std::string line;
  std::getline(in, line);  // file,text,digit_boxes
  for (int row = 2; std::getline(in, line); ++row) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::stringstream fields(line);
    std::string file, text, boxes;
    std::getline(fields, file, ','), std::getline(fields, text, ','), std::getline(fields, boxes);
    ChequeAmount a;
    a.file = dir + "/" + file;
    a.digits = text;
    a.key = "orand:" + file.substr(file.find_last_of('/') + 1);
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || !parse_boxes(boxes, text, a.boxes))
      return make_error(ErrorCode::kIo, dir + "/labels.csv line " + std::to_string(row) + " is not file,digits,boxes");
    out.push_back(std::move(a));
  }
  if (out.empty()) return make_error(ErrorCode::kIo, dir + "/labels.csv lists no amount");
  return out;
}

}  // namespace scrawl::real
