// Reads MNIST in its original IDX format, gzipped or not (native builds only: uses zlib).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace scrawl {

struct DigitSet {
  int rows = 28, cols = 28;
  std::vector<uint8_t> images;  // count × rows × cols, 0 = background, 255 = ink (as MNIST stores it)
  std::vector<uint8_t> labels;
  size_t size() const { return labels.size(); }
  const uint8_t* image(size_t i) const { return images.data() + i * size_t(rows) * cols; }
};

// Digits [begin, end) of a set, as a set of their own.
DigitSet slice(const DigitSet& set, size_t begin, size_t end);

// split: "train" or "t10k". Looks for <split>-images-idx3-ubyte[.gz] and the labels beside it.
Result<DigitSet> load_mnist(const std::string& dir, const std::string& split);

// The folder from --mnist, else $SCRAWL_MNIST, else "".
std::string mnist_dir(const std::string& flag);

// md5 of the uncompressed file, for the model card.
Result<std::string> mnist_file_md5(const std::string& dir, const std::string& name);

}  // namespace scrawl
