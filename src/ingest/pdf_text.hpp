#pragma once
// Text of a PDF in reading order (poppler-cpp), pages separated by form feeds, read in a
// child process under limits: a hostile PDF (a decompression bomb, a million pages) ends in
// a clear error within the time limit, and cannot take the memory of the process that asked.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace toezeg::ingest {

struct PdfLimits {
    int seconds = 10;                              // wall-clock time to read one PDF (ingest --pdf-time)
    std::size_t memory_bytes = std::size_t{1} << 30;  // address space of the reader (not applied under ASan)
    int max_pages = 3000;
    std::size_t max_text_bytes = 50u << 20;        // extracted text
};

// Fails for damaged or encrypted PDFs, for PDFs without a text layer (scans), and for PDFs
// beyond a limit, naming the limit.
Result<std::string> pdf_text(std::string_view bytes, const std::string& source, const PdfLimits& limits = {});

}  // namespace toezeg::ingest
