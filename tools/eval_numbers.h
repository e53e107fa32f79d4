// `scrawl eval --real DIR --numbers`: reads whole numbers written in real writers' hands (each
// number made of one writer's own digits, see engine/synth/pen_numbers.h) as form-field scans
// and as phone photos, and reports exact rate and character error rate per look and length.
#pragma once

namespace scrawl::cli {

// Takes all of `scrawl eval`'s arguments (with --real and --numbers among them).
int cmd_eval_numbers(int argc, char** argv);

}  // namespace scrawl::cli
