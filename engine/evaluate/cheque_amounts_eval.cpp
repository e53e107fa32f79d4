#include "cheque_amounts_eval.h"

#include <chrono>
#include <fstream>
#include <iterator>

namespace scrawl {

std::vector<real::ChequeAmount> amounts_of_part(const std::vector<real::ChequeAmount>& all, real::WriterUse use,
                                                size_t limit) {
  std::vector<real::ChequeAmount> amounts;
  for (const auto& a : all)
    if (real::writer_use(a.key) == use && (!limit || amounts.size() < limit)) amounts.push_back(a);
  return amounts;
}

Result<AmountsRun> read_amounts(const std::vector<real::ChequeAmount>& amounts, int threads,
                                const ReaderFactory& make_reader) {
  AmountsRun run;
  run.got.resize(amounts.size());
  const auto t0 = std::chrono::steady_clock::now();
  Status st = on_readers(amounts.size(), threads, make_reader, [&](Recognizer& rec, size_t i) -> Status {
    std::ifstream in(amounts[i].file, std::ios::binary);
    std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.empty()) return make_error(ErrorCode::kBadArgument, "cannot read " + amounts[i].file);
    auto r = rec.read(bytes);
    run.got[i] = r ? r->digit_text : "error: " + r.error().message;
    return Ok{};
  });
  if (!st) return st.error();
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return run;
}

AmountsTally tally_amounts(const std::vector<real::ChequeAmount>& amounts, const std::vector<std::string>& got) {
  AmountsTally t;
  for (size_t i = 0; i < amounts.size(); ++i) {
    const std::string read = digits_of(got[i]);
    t.total.add(amounts[i].digits, read);
    t.by_length[amounts[i].digits.size()].add(amounts[i].digits, read);
    t.empty += read.empty();
  }
  return t;
}

}  // namespace scrawl
