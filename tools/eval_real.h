// `scrawl eval --real DIR`: reads real writers' digits as people hand them to the app (canvas
// drawings and paper photos rendered from their pen trajectories, CVL form scans) and images
// of no digit, and reports accuracy per kind of input, with empty and split answers apart.
#pragma once

namespace scrawl::cli {

// Takes all of `scrawl eval`'s arguments (with --real among them).
int cmd_eval_real(int argc, char** argv);

}  // namespace scrawl::cli
