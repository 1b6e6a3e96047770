#pragma once
// Kamerstuk references in their many written forms, reduced to one canonical form.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"

namespace toezeg::ingest {

struct KamerstukRef {
    std::string dossier;  // "21 501"
    std::string sub;      // "04", "VI" or ""
    std::string number;   // "287"

    std::string canonical() const;  // "21 501-04, nr. 287", "36 800 VI, nr. 38"
    std::string id() const;         // "kst-21501-04-287"
};

// All citations in `text` (body and footnotes); `body_end` tells which are in footnotes.
std::vector<Citation> find_citations(std::string_view text, std::size_t body_end,
                                     const std::vector<Footnote>& footnotes);
// Parses one reference in any accepted form ("Kamerstuk 36704-63", "KST 32735, nr. 400").
std::optional<KamerstukRef> parse_kamerstuk(std::string_view text);

}  // namespace toezeg::ingest
