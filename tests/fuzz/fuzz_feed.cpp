// The SyncFeed: its Atom pages (documents and the next page) and the register's Toezegging XML
// come from the network, so any bytes end in entries or a clear error.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fetch/official_identity.hpp"
#include "fetch/odata_page.hpp"
#include "fetch/sync_feed.hpp"
#include "fetch/toezegging_feed.hpp"
#include "fuzz_check.hpp"
#include "ingest/register_records.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (auto page = toezeg::fetch::parse_feed_page(bytes, "fuzz-feed.xml")) {
        for (auto& entry : page->documents) {
            (void)toezeg::fetch::identity_of_feed(entry);
            // fetch keeps these in the document's meta.json: they must be valid UTF-8
            (void)nlohmann::json{entry.id, entry.soort, entry.number, entry.title, entry.subject, entry.date}.dump();
        }
        (void)toezeg::fetch::skiptoken_of(page->next);
    } else {
        FUZZ_CHECK(!page.error().message.empty());
    }
    if (auto records = toezeg::fetch::parse_toezegging_xml(bytes, "fuzz-toezegging.xml")) {
        for (auto& r : *records) {
            FUZZ_CHECK(toezeg::fetch::valid_record_id(r.id));
            if (!r.deleted) (void)toezeg::ingest::register_from_tk(r.fields);
            (void)r.fields.dump();  // kept as JSON in git
        }
    }
    return 0;
}
