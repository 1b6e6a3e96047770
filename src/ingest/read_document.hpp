#pragma once
// From a file's bytes (text, PDF or official XML) to a Document: normalise, parse metadata, cite, identify.
#include <string>
#include <string_view>

#include "core/document.hpp"
#include "core/error.hpp"
#include "ingest/pdf_text.hpp"

namespace toezeg::ingest {

struct ReadOptions {
    std::string id;    // --id / --as: use this id instead of deriving one
    std::string date;  // --date: ISO letter date when the text has none
    PdfLimits pdf;     // what reading a PDF may take
};

Result<Document> read_text_document(std::string_view bytes, const std::string& source, const ReadOptions& options);

}  // namespace toezeg::ingest
