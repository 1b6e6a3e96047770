#pragma once
// The report's search without a server: every item and document as a prebuilt index in a
// script (search-index.js), read by filter.js on search.html.
#include <string>
#include <vector>

#include "db/corpus_index.hpp"

namespace toezeg::report {

// search-index.js: `window.toezegSearchIndex = [{"type", "id", "title", "text", "page"}, ...];`
// (an item's text is its evidence, Kamerleden and bewindspersoon; a document's its title,
// id and dossier; at most k_search_text_bytes each): the items' kept entries (`item_entries`,
// joined by commas), then the documents.
std::string search_index_script(std::string_view item_entries, const std::vector<db::DocumentRow>& documents);
// JSON as it can stand in a script: "</" written "<\/".
std::string script_safe(const std::string& json);
inline constexpr std::size_t k_search_text_bytes = 600;

}  // namespace toezeg::report
