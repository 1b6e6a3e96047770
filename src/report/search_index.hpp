#pragma once
// The report's search without a server: every item and document as a prebuilt index in a
// script (search-index.js), read by filter.js on search.html.
#include <string>

namespace toezeg::report {

struct SiteData;

// search-index.js: `window.toezegSearchIndex = [{"type", "id", "title", "text", "page"}, ...];`
// (an item's text is its evidence, Kamerleden and bewindspersoon; a document's its title,
// id and dossier; at most k_search_text_bytes each).
std::string search_index_script(const SiteData& site);
inline constexpr std::size_t k_search_text_bytes = 600;

}  // namespace toezeg::report
