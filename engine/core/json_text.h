// JSON text, written by hand (no JSON library in the engine, no iostreams in the wasm): the
// one string escaper that the reading's JSON, the command line and the wasm bindings share.
#pragma once
#include <string>
#include <string_view>

namespace scrawl {

// s as a JSON string literal, quotes included: '"' and '\' escaped, \n \r \t in their short
// forms and every other control character (below 0x20) as \u00XX; the rest, UTF-8 included
// ("×", "é"), as it is.
std::string json_quote(std::string_view s);

}  // namespace scrawl
