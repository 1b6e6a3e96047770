#pragma once
// Is this file a parliamentary document at all? A README or /etc/hostname is not, and once
// stored it would make commitments and possible matches of real ones.
#include <optional>
#include <string>

#include "core/document.hpp"

namespace toezeg::ingest {

// What marks `doc` as a parliamentary document, or nothing when no mark is found: official
// XML, a Kamerstuk header ("36 704, nr. 63"), the Kamer as addressee, a minister's
// signature, or in its opening (3,000 characters) a Kamerstuk it cites (an annex listing
// motions: "(31 924 VII, nr. 1)"), a ministry or Kamer letterhead, the Handelingen's header ("Aanhangsel van de
// Handelingen", "Vergaderjaar 2023–2024") or a ministry's reference ("Kenmerk IENW/BSK-...").
// Expects `doc.citations` to be filled.
std::optional<std::string> parliamentary_mark(const Document& doc);

// The reason to refuse a document without any mark, for an error message.
std::string not_parliamentary_reason();

}  // namespace toezeg::ingest
