#pragma once
// Text of a PDF in reading order (poppler-cpp), pages separated by form feeds.
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace toezeg::ingest {

// Fails for damaged or encrypted PDFs and for PDFs without a text layer (scans).
Result<std::string> pdf_text(std::string_view bytes, const std::string& source);

}  // namespace toezeg::ingest
