#pragma once
// Reads what a letter says about itself: dossier, number, date, addressee, senders, subject.
#include <optional>
#include <string_view>

#include "core/date.hpp"
#include "core/document.hpp"

namespace toezeg::ingest {

// Parses the metadata from normalised text. Fields not in the text stay empty.
Metadata parse_metadata(std::string_view normalised_text, std::size_t body_end);

// "3 maart 2026", "20 november 2025" at the start of `text` (day, month name, year).
std::optional<Date> parse_dutch_date(std::string_view text);

}  // namespace toezeg::ingest
