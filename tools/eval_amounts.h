// `scrawl eval --real DIR --amounts`: reads the handwritten amounts of real bank cheques
// (ORAND-CAR-A) as uploads are read, and reports how many are read exactly and the character
// error rate, per number of digits, with a gallery of those read wrongly.
#pragma once

namespace scrawl::cli {

// Takes all of `scrawl eval`'s arguments (with --real and --amounts among them).
int cmd_eval_amounts(int argc, char** argv);

}  // namespace scrawl::cli
