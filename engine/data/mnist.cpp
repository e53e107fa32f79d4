#include "mnist.h"

#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

#include "md5.h"

namespace scrawl {
namespace {

Result<std::vector<uint8_t>> read_maybe_gz(const std::string& dir, const std::string& name) {
  namespace fs = std::filesystem;
  std::string path = (fs::path(dir) / (name + ".gz")).string();
  if (!fs::exists(path)) path = (fs::path(dir) / name).string();
  if (!fs::exists(path)) return make_error(ErrorCode::kIo, "MNIST file " + name + "(.gz) not found in '" + dir + "'");
  std::unique_ptr<gzFile_s, decltype(&gzclose)> f(gzopen(path.c_str(), "rb"), &gzclose);
  if (!f) return make_error(ErrorCode::kIo, "cannot open " + path);
  std::vector<uint8_t> out;
  uint8_t buf[1 << 16];
  int got;
  while ((got = gzread(f.get(), buf, sizeof buf)) > 0) out.insert(out.end(), buf, buf + got);
  if (got < 0) return make_error(ErrorCode::kIo, path + " is corrupt (gzip error)");
  return out;
}

uint32_t be32(const uint8_t* p) { return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3]; }

}  // namespace

Result<DigitSet> load_mnist(const std::string& dir, const std::string& split) {
  if (dir.empty()) return make_error(ErrorCode::kIo, "no MNIST folder given: pass --mnist DIR or set SCRAWL_MNIST");
  auto images = read_maybe_gz(dir, split + "-images-idx3-ubyte");
  if (!images) return images.error();
  auto labels = read_maybe_gz(dir, split + "-labels-idx1-ubyte");
  if (!labels) return labels.error();
  const auto& im = *images;
  const auto& lb = *labels;
  if (im.size() < 16 || be32(im.data()) != 0x803 || lb.size() < 8 || be32(lb.data()) != 0x801)
    return make_error(ErrorCode::kIo, "MNIST " + split + " files are not IDX files");
  const uint32_t n = be32(im.data() + 4), rows = be32(im.data() + 8), cols = be32(im.data() + 12);
  if (be32(lb.data() + 4) != n || rows != 28 || cols != 28 || im.size() != 16 + size_t(n) * 784 ||
      lb.size() != 8 + size_t(n))
    return make_error(ErrorCode::kIo, "MNIST " + split + " files are truncated or do not match");
  DigitSet set;
  set.images.assign(im.begin() + 16, im.end());
  set.labels.assign(lb.begin() + 8, lb.end());
  for (uint8_t l : set.labels)
    if (l > 9) return make_error(ErrorCode::kIo, "MNIST " + split + " labels hold a value over 9");
  return set;
}

std::string mnist_dir(const std::string& flag) {
  if (!flag.empty()) return flag;
  const char* env = std::getenv("SCRAWL_MNIST");
  return env ? env : "";
}

Result<std::string> mnist_file_md5(const std::string& dir, const std::string& name) {
  auto bytes = read_maybe_gz(dir, name);
  if (!bytes) return bytes.error();
  return md5_hex(bytes->data(), bytes->size());
}

DigitSet slice(const DigitSet& set, size_t begin, size_t end) {
  DigitSet out;
  out.rows = set.rows, out.cols = set.cols;
  end = std::min(end, set.size());
  begin = std::min(begin, end);
  const size_t px = size_t(set.rows) * size_t(set.cols);
  out.images.assign(set.images.begin() + long(begin * px), set.images.begin() + long(end * px));
  out.labels.assign(set.labels.begin() + long(begin), set.labels.begin() + long(end));
  return out;
}

}  // namespace scrawl
