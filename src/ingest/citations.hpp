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
    std::string number;   // "287", or the letter of an Eerste Kamer stuk: "D"
    std::string joint;    // further dossiers of a joint stuk: "/30 307" in "30 306/30 307, letter D"
    bool lettered = false;  // an Eerste Kamer stuk named by letter

    std::string canonical() const;  // "21 501-04, nr. 287", "36 800 VI, nr. 38", "30 306/30 307, letter D"
    std::string id() const;         // "kst-21501-04-287", "kst-30306-D"
};

// All citations in `text` (body and footnotes); `body_end` tells which are in footnotes.
std::vector<Citation> find_citations(std::string_view text, std::size_t body_end,
                                     const std::vector<Footnote>& footnotes);
// Parses one reference in any accepted form ("Kamerstuk 36704-63", "KST 32735, nr. 400").
std::optional<KamerstukRef> parse_kamerstuk(std::string_view text);

}  // namespace toezeg::ingest
