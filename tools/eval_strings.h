// `scrawl eval --strings`: reads synthetic pages of whole numbers (MNIST test digits on
// photographed paper, see engine/synth) and blank pages, and reports exact-string accuracy,
// character error rate, false digits on blank pages and time per page.
#pragma once

namespace scrawl::cli {

// Takes all of `scrawl eval`'s arguments (with --strings among them).
int cmd_eval_strings(int argc, char** argv);

}  // namespace scrawl::cli
