// Training examples from real writers: the training writers' digits (real/writer_split.h)
// drawn on canvases and photographed on paper (synth/pen_scenes.h) from their trajectories,
// CVL's training scans and the digits of the training cheques' amounts (ORAND-CAR-A, cut by
// their boxes), each read by the reader as an upload is; where it finds exactly one digit, the
// 28×28 it read is kept with the written label.
#pragma once
#include <string>

#include "recognize/recognizer.h"
#include "train/page_cutouts.h"

namespace scrawl::cli {

// Appends to out (labels 0: one whole digit; digits: the written one). Progress to stderr.
Status cut_real_writers(const std::string& real_dir, const std::string& weights_path, uint64_t seed, int threads,
                        LabelledCutouts& out);

// Shapes that are no digit (train/not_a_digit.h) drawn on `scenes` canvases and photographed
// pages as people draw them, read by the reader: every cut-out of a reading of one or two
// digits (where the check decides whether there is a digit at all) is appended to out as
// not one digit (label 1). Progress to stderr.
Status cut_drawn_shapes(int scenes, const std::string& weights_path, uint64_t seed, int threads, LabelledCutouts& out);

}  // namespace scrawl::cli
