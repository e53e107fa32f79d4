// The one translation unit that compiles stb_image (Debian's libstb-dev header), so the
// native and the wasm builds decode with exactly the same code.
#define STB_IMAGE_IMPLEMENTATION
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#define STBI_FAILURE_USERMSG
#if defined(__wasm_simd128__) && defined(__SSE2__)
// stb_image takes its SSE2 paths on x86 only; in the browser Emscripten turns the same SSE2
// intrinsics into wasm SIMD (this file is built with -msse2 there). Its SSE2 IDCT gives the
// scalar one's bits, so every build still decodes alike.
#define STBI__X86_TARGET
#endif
#include <stb/stb_image.h>
