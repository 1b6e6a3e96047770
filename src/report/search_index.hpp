#pragma once
// The report's search without a server: every item and document in a prebuilt index of
// scripts that search.html loads as a reader searches (filter.js), so a large store's
// search reads only the parts its words need.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "db/corpus_index.hpp"

namespace toezeg::report {

// An entry of the search (an item's `search` piece): its type, title and page, tab-separated,
// then its words (text::search_words of the title and `text`), space-separated; one line.
std::string search_piece(std::string_view type, std::string_view title, std::string_view page,
                         std::string_view text);

// The index's files, "search-index.js" first, from the items' pieces (joined by '\n') and
// the documents:
// - search-index.js: `window.toezegSearchIndex = {"v", "entries", "block", "shards", "blocks",
//   "starts", "words"}`: every word of every entry once, sorted, and the first word of each
//   shard of postings;
// - zoek/p-<k>.js: `toezegSearch.postings[k] = [[...], ...]`: for each word of shard k the
//   entries it occurs in, as differences from the one before (the first from 0);
// - zoek/e-<k>.js: `toezegSearch.entries[k] = [[type, title, page], ...]`: entries
//   k * block to (k + 1) * block - 1.
// "v" stands for all of them (loaded as "?v=...", so a browser never mixes two runs' parts).
std::vector<std::pair<std::string, std::string>> search_index_files(std::string_view item_pieces,
                                                                   const std::vector<db::DocumentRow>& documents);
// The other files a search-index.js written by search_index_files comes with; empty when
// `manifest` is not one.
std::vector<std::string> search_index_parts(std::string_view manifest);

// JSON as it can stand in a script: "</" written "<\/".
std::string script_safe(const std::string& json);

inline constexpr std::size_t k_search_text_bytes = 600;  // of an item's evidence and names
inline constexpr std::size_t k_search_block = 500;       // entries in one zoek/e-<k>.js
inline constexpr std::size_t k_search_shard = 20'000;    // postings in one zoek/p-<k>.js (a word is never split)

}  // namespace toezeg::report
