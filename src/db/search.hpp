#pragma once
// Full-text search over the stored documents (the FTS5 index text_search) and the tracked items.
#include <string>
#include <vector>

#include "db/sqlite.hpp"
#include "track/tracker.hpp"

namespace toezeg::db {

struct SearchHit {
    std::string type;  // "document" or "item"
    std::string id;
    int version = 0;      // a document's latest version
    std::string title;    // a document's title, an item's subject (or first evidence)
    std::string snippet;  // the matching passage, each match between [ and ]
    double rank = 0;      // FTS5 bm25: lower is better
};

// The user's words as an FTS5 query: each word quoted (so no word is an operator), all
// words required; a word ending in '*' matches as a prefix. "" when there are no words.
std::string fts_query(const std::string& words);
// Documents (their latest version) and then tracked items matching `words`, best first,
// at most `limit` of each. Diacritics and case are ignored ("kroger" finds "Kröger").
std::vector<SearchHit> search(Database& db, const std::vector<track::TrackedItem>& items, const std::string& words,
                              int limit);

}  // namespace toezeg::db
