#pragma once
// Document ids: "kst-32317-987" when the letter carries its number, else stable from content.
#include <string>
#include <string_view>

#include "core/document.hpp"
#include "core/error.hpp"

namespace toezeg::ingest {

std::string derive_document_id(const Metadata& meta, std::string_view normalised_text);
// Ids are file names in the store: letters, digits, '-', '_' and '.', no leading dot, <= 120 bytes.
Result<std::string> validate_document_id(std::string_view id);

}  // namespace toezeg::ingest
