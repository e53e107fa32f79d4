#include "written_numbers_items.h"

#include <map>

#include "core/rng.h"

namespace scrawl {

WrittenNumbers pick_written_numbers(const std::vector<real::PenSample>& pens, real::WriterUse use, size_t count,
                                    uint64_t seed) {
  std::map<std::string, std::vector<const real::PenSample*>> by_writer;
  for (const auto& s : pens)
    if (real::writer_use(s.writer) == use) by_writer[s.writer].push_back(&s);
  std::vector<const std::vector<const real::PenSample*>*> writers;
  for (const auto& [key, samples] : by_writer)
    if (samples.size() >= 5) writers.push_back(&samples);
  WrittenNumbers out;
  out.writers = writers.size();
  if (writers.empty()) return out;
  out.numbers.resize(count);
  Rng pick(seed, 41, 0);
  for (WrittenNumber& n : out.numbers) {
    const auto& samples = *writers[size_t(pick.below(int(writers.size())))];
    const int length = 5 + pick.below(6);
    for (int k = 0; k < length; ++k) {
      const real::PenSample* s = samples[size_t(pick.below(int(samples.size())))];
      n.digits.push_back(s);
      n.text += char('0' + s->label);
    }
    n.source = samples[0]->writer.substr(0, samples[0]->writer.find(':'));
  }
  return out;
}

}  // namespace scrawl
