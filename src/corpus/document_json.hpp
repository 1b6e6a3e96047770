#pragma once
// Document <-> meta.json, the form a document version takes in the git repository.
#include <nlohmann/json.hpp>

#include "core/document.hpp"
#include "core/error.hpp"

namespace toezeg::corpus {

nlohmann::json metadata_to_json(const Metadata& meta);
Metadata metadata_from_json(const nlohmann::json& j);
// Everything but the text itself, which is stored beside it as text.txt.
nlohmann::json document_to_json(const Document& doc);
Result<Document> document_from_json(const nlohmann::json& j, std::string text);

}  // namespace toezeg::corpus
