// Real writers' digits as pen trajectories (../shared/data/real/strokes/*.jsonl): UNIPEN, UJI
// Pen Characters and Chars74K, each line one digit by one person. Points come out with the y
// axis pointing down (as on a canvas), in the source's own units.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "core/status.h"

namespace scrawl::real {

using Stroke = std::vector<std::array<float, 2>>;

struct PenSample {
  int label = -1;
  std::string writer;  // "<source>:<writer>", unique across sources
  std::vector<Stroke> strokes;
};

// One JSONL file of trajectories. source names the set in writer keys ("unipen", "uji", ...).
// Lines without a digit label or without any point are skipped.
Result<std::vector<PenSample>> load_pen_samples(const std::string& path, const std::string& source);

// Every trajectory file in a real-data folder (its strokes/ subfolder).
Result<std::vector<PenSample>> load_all_pen_samples(const std::string& real_dir);

}  // namespace scrawl::real
