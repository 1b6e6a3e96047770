#pragma once
// Officiële publicaties XML (kst-*.xml, "officiele-publicatie"): metadata and text.
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
    std::vector<std::string> submitters;  // a motion's al-groep
};

bool looks_like_kst_xml(std::string_view bytes);
Result<XmlDocument> read_kst_xml(std::string_view bytes, const std::string& source);

}  // namespace toezeg::ingest
