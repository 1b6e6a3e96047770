// The detector on short texts: every item's evidence lies in the letter and is what its span
// says; statuses and kinds stay in range. Inputs are read as a letter first (as ingest does).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "detect/detector.hpp"
#include "fuzz_check.hpp"
#include "ingest/read_document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 16384) return -1;  // short texts; long ones are bench/large-letters' business
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (bytes.starts_with("%PDF")) return -1;
    auto doc = toezeg::ingest::read_text_document(bytes, "fuzz.txt", {});
    if (!doc) return 0;
    auto items = toezeg::detect::detect(*doc, toezeg::detect::default_rules());
    for (auto& item : items) {
        FUZZ_CHECK(toezeg::fuzz::within(item.span, doc->text));
        FUZZ_CHECK(!item.evidence.empty());
        FUZZ_CHECK(item.confidence >= 0.0 && item.confidence <= 1.0);
        FUZZ_CHECK(item.member.empty() || !item.members.empty());
    }
    return 0;
}
