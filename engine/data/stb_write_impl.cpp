// The one translation unit that compiles stb_image_write (for the evaluation's JPEGs and
// the report's PNGs; native tools only).
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#include <stb/stb_image_write.h>
