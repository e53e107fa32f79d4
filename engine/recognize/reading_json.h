// A Reading as JSON members, so that the CLI and the JS API give exactly the same shape:
//   "text":"123 45","lines":2,"digits":[{"digit":1,"confidence":0.99,"unsure":false,"box":[x,y,w,h]},...]
// plus "message":"no digits found" when there are none.
#pragma once
#include <string>

#include "recognizer.h"

namespace scrawl {

// The members without the enclosing braces, for the caller to add its own (a file name...).
std::string reading_json_members(const Reading& reading);

}  // namespace scrawl
