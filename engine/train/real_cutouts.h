// Training examples from real writers: the training writers' digits (real/writer_split.h)
// drawn on canvases and photographed on paper (synth/pen_scenes.h) from their trajectories,
// CVL's training scans, with ink_crops the same scans cut to their ink as other scanners save
// them (synth/ink_crop.h, in a look drawn at random), and the digits of the training cheques' amounts
// (ORAND-CAR-A, cut by their boxes), each read by the reader as an upload is; where it finds
// exactly one digit, the 28×28 it read is kept with the written label.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "page_cutouts.h"
#include "reader_threads.h"

namespace scrawl {

// Appends to out (labels 0: one whole digit; digits: the written one). progress is called
// after each canvas, photo and scan.
Status cut_real_writers(const std::string& real_dir, const ReaderFactory& make_reader, uint64_t seed, int threads,
                        LabelledCutouts& out, const ReadProgress& progress = {}, bool ink_crops = false);

// Shapes that are no digit (not_a_digit.h) drawn on `scenes` canvases and photographed pages
// as people draw them (with ink_crops, a quarter as many again cut to their ink as a scanner's
// crop), read by the reader: every cut-out of a reading of one or two digits
// (where the check decides whether there is a digit at all) is appended to out as not one
// digit (label 1).
Status cut_drawn_shapes(int scenes, const ReaderFactory& make_reader, uint64_t seed, int threads, LabelledCutouts& out,
                        bool ink_crops = false);

}  // namespace scrawl
