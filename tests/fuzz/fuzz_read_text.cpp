// The text normaliser and metadata parser: any bytes given as a letter (text or official XML)
// become a Document whose offsets all point into its text, or a clear error; never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "ingest/letter_check.hpp"
#include "ingest/read_document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (bytes.starts_with("%PDF")) return -1;  // PDFs are read by poppler in a child process
    auto doc = toezeg::ingest::read_text_document(bytes, "fuzz.txt", {});
    if (!doc) {
        FUZZ_CHECK(!doc.error().message.empty());
        return 0;
    }
    toezeg::fuzz::check_document(*doc);
    (void)toezeg::ingest::parliamentary_mark(*doc);
    return 0;
}
