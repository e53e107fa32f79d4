# Writes a C++ source holding a weights file as a byte array (or an empty one when the
# file does not exist yet, before the first training run), returned by the function SYMBOL.
# Usage: cmake -DINPUT=weights/scrawl.bin -DOUTPUT=embedded_model.cpp -DSYMBOL=embedded_model_bytes -P embed_model.cmake
if(EXISTS "${INPUT}")
  file(READ "${INPUT}" hex HEX)
  string(LENGTH "${hex}" hex_len)
  math(EXPR size "${hex_len} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
else()
  set(size 0)
  set(bytes "0")
endif()
file(WRITE "${OUTPUT}.tmp" "// Generated from ${INPUT} by cmake/embed_model.cmake. Do not edit.
#include \"recognize/embedded_model.h\"
namespace scrawl {
namespace { alignas(16) const uint8_t kModel[] = {
${bytes}}; }
std::span<const uint8_t> ${SYMBOL}() { return std::span<const uint8_t>(kModel, size_t(${size})); }
}  // namespace scrawl
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
