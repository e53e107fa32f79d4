// The one translation unit that compiles stb_image (Debian's libstb-dev header), so the
// native and the wasm builds decode with exactly the same code.
#define STB_IMAGE_IMPLEMENTATION
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#define STBI_FAILURE_USERMSG
#include <stb/stb_image.h>
