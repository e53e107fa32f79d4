// The samples file: a person's own digits, as the page exports them and imports them, and as
// `scrawl samples` writes the evaluation's writers. JSON:
//   {"format":"scrawl-samples","version":1,"writer":"…",["split":"report",]
//    "samples":[{"label":7,"input":"<base64 of 784 bytes: the 28×28 input, 0 = paper, 255 = ink>"},…]}
#pragma once
#include <string>
#include <vector>

#include "core/status.h"
#include "learn/personal_trainer.h"

namespace scrawl::cli {

struct SampleFile {
  std::string writer;
  std::string split;  // for a real writer of the data: "develop", "report" or "train" (real/writer_split.h)
  std::vector<learn::Sample> samples;
};

std::string samples_json(const SampleFile& file);
Result<SampleFile> parse_samples_json(const std::string& text);

}  // namespace scrawl::cli
