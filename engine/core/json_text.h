// JSON text, written by hand (no JSON library in the engine, no iostreams in the wasm): the
// one string escaper that the reading's JSON, the command line and the wasm bindings share.
#pragma once
#include <string>
#include <string_view>

namespace scrawl {

// s as a JSON string literal, quotes included: '"' and '\' escaped, \n \r \t in their short
// forms and every other control character (below 0x20) as \u00XX; valid UTF-8 ("×", "é") as
// it is, and each byte that is not part of valid UTF-8 (a file name in another encoding) as
// \ufffd, so that the result is always valid JSON.
std::string json_quote(std::string_view s);

// v as a JSON number to `digits` significant digits (printf's %g: 0.998234, 1.5e-07), or
// null where it is not finite (JSON has no NaN or infinity).
std::string json_number(double v, int digits = 6);

}  // namespace scrawl
