#pragma once
// The words the report's search matches on, folded as its script folds what a reader types.
#include <string>
#include <string_view>
#include <vector>

namespace toezeg::text {

// The words of `text` for search: canonical decomposition (NFD), the combining marks
// U+0300-U+036F dropped, lower case, cut into runs of letters and digits (Unicode L and N);
// each word once, in the order of first appearance. "Kröger's 36 410-VIII" -> {"kroger",
// "s", "36", "410", "viii"}. filter.js folds the reader's words the same way (`fold`, `words`).
// Bytes that are not UTF-8 end a word.
std::vector<std::string> search_words(std::string_view text);

}  // namespace toezeg::text
