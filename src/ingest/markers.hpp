#pragma once
// Footnote markers in body text: "België.4", "radicalisering.1 Daarnaast", "geïnformeerd 9.".
#include <optional>
#include <string_view>

#include "core/document.hpp"

namespace toezeg::ingest {

// The first marker for footnote `number` at or after `from`, or nullopt.
std::optional<Span> find_marker(std::string_view body, int number, std::size_t from);

}  // namespace toezeg::ingest
