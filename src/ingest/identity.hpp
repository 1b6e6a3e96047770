#pragma once
// Document ids: "kst-32317-987" when the letter carries its number, else stable from content.
#include <optional>
#include <string>
#include <string_view>

#include "core/document.hpp"
#include "core/error.hpp"

namespace toezeg::ingest {

std::string derive_document_id(const Metadata& meta, std::string_view normalised_text);
// The id the same letter got before slugs were cut at word boundaries (see text::legacy_slug),
// when it differs: a new version of a letter stored under that id joins it.
std::optional<std::string> legacy_document_id(const Metadata& meta);
// Ids are file names in the store: letters, digits, '-', '_' and '.', no leading dot, <= 120 bytes.
Result<std::string> validate_document_id(std::string_view id);

}  // namespace toezeg::ingest
