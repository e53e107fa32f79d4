// `scrawl eval --strings`: strings of 3 to 10 MNIST test digits written on synthetic photographed
// pages (synth/string_page.h) and blank pages, read one after another through read(), and
// tallied per length and per what the page went through.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "recognize/recognizer.h"
#include "string_tally.h"
#include "synth/string_page.h"

namespace scrawl {

// How many digits page k of a run with `pages` pages of digits holds: half of them 5, the
// rest cycling through the other lengths; from `pages` on, blank pages (0).
int string_page_length(int k, int pages);

// What a page went through, as the table of traits names it (in its order).
std::vector<const char*> page_trait_names(const synth::PageTraits& traits);

struct StringPagesTally {
  std::map<int, StringTally> by_length;
  std::map<std::string, StringTally> by_trait;  // a page counts under each of its traits
  StringTally all;                              // every page of digits
  size_t blank_with_digits = 0;                 // blank pages on which any digit was read
  double seconds = 0;                           // in read() alone (decode and read), one thread
};

// Called after each page with its number, the page and its reading (or "error: " and why);
// an error it returns stops the run.
using PageReadCallback = std::function<Status(int k, const synth::Page& page, const std::string& got)>;

// Page k is made from Rng(seed, k, 17) by `maker` (over the MNIST test set).
Result<StringPagesTally> read_string_pages(Recognizer& reader, synth::PageMaker& maker, int pages, int blanks,
                                           uint64_t seed, const PageReadCallback& on_page = {});

}  // namespace scrawl
