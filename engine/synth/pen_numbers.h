// Whole numbers in one real writer's hand: several of that writer's digits (pen trajectories)
// laid in a row as people write them — uneven heights, a wandering baseline, gaps from wide to
// touching — then handed over as a form field cut from a 300 dpi scan (tight margins, the first
// digit a few pixels from the edge) or as a phone's photo of the paper; or written one digit to
// a box in a form's printed row of boxes, or over its comb, and scanned.
#pragma once
#include <string>
#include <vector>

#include "core/rng.h"
#include "real/pen_samples.h"
#include "synth/pen_scenes.h"

namespace scrawl::synth {

enum class NumberLook { kScan, kPhoto, kBoxes };

// The digits' strokes, one sample per digit in writing order, in one frame whose units are
// pixels at a digit height of `height`. `tight` numbers have their digits close or touching.
std::vector<real::Stroke> lay_out_number(const std::vector<const real::PenSample*>& digits, float height, bool tight,
                                         Rng& rng);

// A scan or photo of the number written with those samples. Scene::traits says how it looks.
Scene written_number(const std::vector<const real::PenSample*>& digits, NumberLook look, Rng& rng);

}  // namespace scrawl::synth
