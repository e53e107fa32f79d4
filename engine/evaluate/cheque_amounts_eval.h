// `scrawl eval --amounts`: real cheque amounts (real/cheque_amounts.h) of one part of the split
// read through read(), as an upload is, on several threads, and the tally of their digits per
// number of digits written.
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "real/cheque_amounts.h"
#include "real/writer_split.h"
#include "string_tally.h"
#include "train/reader_threads.h"

namespace scrawl {

// The amounts of one part, in the order given, the first `limit` of them (0: all).
std::vector<real::ChequeAmount> amounts_of_part(const std::vector<real::ChequeAmount>& all, real::WriterUse use,
                                                size_t limit);

struct AmountsRun {
  std::vector<std::string> got;  // per amount: the reading, or "error: " and why
  double seconds = 0;            // decode and read, all threads
};
// An amount whose file cannot be read stops the run.
Result<AmountsRun> read_amounts(const std::vector<real::ChequeAmount>& amounts, int threads,
                                const ReaderFactory& make_reader);

struct AmountsTally {
  StringTally total;
  std::map<size_t, StringTally> by_length;  // by the number of digits written
  size_t empty = 0;                         // readings without a digit
};
// Only the digits of each reading are compared (digits_of).
AmountsTally tally_amounts(const std::vector<real::ChequeAmount>& amounts, const std::vector<std::string>& got);

}  // namespace scrawl
