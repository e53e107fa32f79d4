// Training examples from real writers: the training writers' digits (real/writer_split.h)
// drawn on canvases and photographed on paper (synth/pen_scenes.h) from their trajectories,
// and CVL's training scans, each read by the reader as an upload is; where it finds exactly
// one digit, the 28×28 it read is kept with the written label.
#pragma once
#include <string>

#include "recognize/recognizer.h"
#include "train/page_cutouts.h"

namespace scrawl::cli {

// Appends to out (labels 0: one whole digit; digits: the written one). Progress to stderr.
Status cut_real_writers(const std::string& real_dir, const std::string& weights_path, uint64_t seed, int threads,
                        LabelledCutouts& out);

}  // namespace scrawl::cli
