#include "string_pages_eval.h"

#include <chrono>
#include <utility>

namespace scrawl {

int string_page_length(int k, int pages) {
  static constexpr int kOther[] = {3, 4, 6, 7, 8, 9, 10};
  return k >= pages ? 0 : k % 2 == 0 ? 5 : kOther[(k / 2) % 7];
}

std::vector<const char*> page_trait_names(const synth::PageTraits& t) {
  const std::pair<const char*, bool> traits[] = {{"touching", t.touching}, {"broken", t.broken}, {"blue ink", t.blue},
                                                 {"shadow", t.shadow},     {"ruled", t.ruled},   {"border", t.border},
                                                 {"blur", t.blur},         {"jpeg", t.jpeg}};
  std::vector<const char*> names;
  for (const auto& [name, on] : traits)
    if (on) names.push_back(name);
  return names;
}

Result<StringPagesTally> read_string_pages(Recognizer& reader, synth::PageMaker& maker, int pages, int blanks,
                                           uint64_t seed, const PageReadCallback& on_page) {
  StringPagesTally t;
  for (int k = 0; k < pages + blanks; ++k) {
    const int length = string_page_length(k, pages);
    Rng rng(seed, uint64_t(k), 17);
    const synth::Page page = maker.make(length, rng);
    // A page without a file is handed over as its pixels, as a canvas is.
    std::vector<uint8_t> rgba;
    if (page.file.empty()) rgba = synth::page_rgba(page);
    const auto start = std::chrono::steady_clock::now();
    auto r = page.file.empty() ? reader.read(rgba.data(), page.width, page.height) : reader.read(page.file);
    t.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::string got = r ? r->digit_text : "error: " + r.error().message;
    if (length == 0) {
      t.blank_with_digits += r && !r->digits.empty();
    } else {
      t.all.add(page.text, got);
      t.by_length[length].add(page.text, got);
      for (const char* name : page_trait_names(page.traits)) t.by_trait[name].add(page.text, got);
    }
    if (on_page)
      if (Status st = on_page(k, page, got); !st) return st.error();
  }
  return t;
}

}  // namespace scrawl
