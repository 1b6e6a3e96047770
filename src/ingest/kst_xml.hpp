#pragma once
// Officiële publicaties XML (kst-*.xml, "officiele-publicatie"): metadata and text.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"
#include "core/error.hpp"

namespace toezeg::ingest {

struct XmlDocument {
    NormalisedText text;        // body paragraphs, footnote block, footnote markers
    Metadata meta;
    std::string kind;           // "motie", "brief" or "" (from the title)
    std::vector<std::string> submitters;  // a motion's names after "en gaat over tot de orde van de dag."
};

// A submitter as a motion lists it, without trailing punctuation ("Teunissen," -> "Teunissen");
// nullopt for what is no name (a clause of the text, "en gaat over tot de orde van de dag.").
std::optional<std::string> submitter_name(std::string_view line);

bool looks_like_kst_xml(std::string_view bytes);
Result<XmlDocument> read_kst_xml(std::string_view bytes, const std::string& source);

}  // namespace toezeg::ingest
