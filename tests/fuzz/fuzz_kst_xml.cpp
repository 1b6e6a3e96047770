// The official XML reader (kst-*.xml, "officiele-publicatie"): deep nesting, odd encodings and
// broken structure end in a Document or a clear error; the detector then reads what came out.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "detect/detector.hpp"
#include "fuzz_check.hpp"
#include "ingest/kst_xml.hpp"
#include "ingest/read_document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto xml = toezeg::ingest::read_kst_xml(bytes, "fuzz.xml");
    if (!xml) {
        FUZZ_CHECK(!xml.error().message.empty());
        return 0;
    }
    FUZZ_CHECK(xml->text.body_end <= xml->text.text.size());
    if (!toezeg::ingest::looks_like_kst_xml(bytes)) return 0;
    auto doc = toezeg::ingest::read_text_document(bytes, "fuzz.xml", {});
    if (!doc) return 0;
    toezeg::fuzz::check_document(*doc);
    if (doc->text.size() > 65536) return 0;
    for (auto& item : toezeg::detect::detect(*doc, toezeg::detect::default_rules()))
        FUZZ_CHECK(toezeg::fuzz::within(item.span, doc->text));
    return 0;
}
