#pragma once
// Rebuilds a letter's paragraphs and footnotes from text extracted from a PDF.
#include <string_view>

#include "core/document.hpp"

namespace toezeg::ingest {

// Drops page furniture (running heads, page numbers, return address, repeated links),
// rebuilds paragraphs, joins words broken by the line layout, and moves footnotes to a
// block after the body, each tied to its marker in the body. Input: clean UTF-8 text.
NormalisedText normalise_layout(std::string_view clean_text);

}  // namespace toezeg::ingest
