// OData JSON import: a page of any entity, each record written to the official-records index
// (a real SQLite database in memory, migrated as a store's is), then every motion's fate read
// back from it and its JSON form read again. Each input's writes are rolled back.
// Differential: the page scanner (no JSON tree) and nlohmann's reader must give the same error,
// or the same records with the same fields and the same stored bytes (dump(1) + "\n"); the
// scanner's canonical form of any JSON text must be nlohmann's.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string_view>

#include "db/migrations.hpp"
#include "db/official_records.hpp"
#include "db/sqlite.hpp"
#include "fetch/odata_page.hpp"
#include "fetch/odata_scanner.hpp"
#include "fetch/official_identity.hpp"
#include "fuzz_check.hpp"
#include "ingest/register_records.hpp"
#include "track/fate.hpp"

namespace {

toezeg::db::Database& database() {
    static toezeg::db::Database db = [] {
        auto opened = toezeg::db::Database::open(":memory:");
        FUZZ_CHECK(opened.has_value());
        FUZZ_CHECK(toezeg::db::migrate(*opened).has_value());
        return std::move(*opened);
    }();
    return db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (auto canonical = toezeg::fetch::canonical_json(bytes)) {
        nlohmann::json tree = nlohmann::json::parse(bytes, nullptr, false);
        FUZZ_CHECK(!tree.is_discarded());
        FUZZ_CHECK(*canonical == tree.dump(1) + "\n");
    }
    auto page = toezeg::fetch::parse_odata_page(bytes, "fuzz.json");
    auto reference = toezeg::fetch::parse_odata_page_with_nlohmann(bytes, "fuzz.json");
    FUZZ_CHECK(page.has_value() == reference.has_value());
    if (!page) {
        FUZZ_CHECK(!page.error().message.empty());
        FUZZ_CHECK(page.error().message == reference.error().message);
        return 0;
    }
    FUZZ_CHECK(page->entity == reference->entity && page->next_link == reference->next_link);
    FUZZ_CHECK(page->records.size() == reference->records.size());
    for (std::size_t k = 0; k < page->records.size(); ++k) {
        auto& mine = page->records[k];
        auto& theirs = reference->records[k];
        FUZZ_CHECK(mine.id == theirs.id && mine.deleted == theirs.deleted);
        FUZZ_CHECK(mine.fields == theirs.fields && mine.fields.dump() == theirs.fields.dump());
        FUZZ_CHECK(mine.content == theirs.fields.dump(1) + "\n");
    }
    auto& db = database();
    toezeg::db::Transaction tx(db);  // never committed: the next input starts from an empty index
    for (auto& r : page->records) {
        FUZZ_CHECK(toezeg::fetch::valid_record_id(r.id));
        (void)toezeg::fetch::identity_of_record(r.fields);
        if (page->entity == "Toezegging" && !r.deleted) (void)toezeg::ingest::register_from_tk(r.fields);
        if (!toezeg::db::indexed_entity(page->entity)) continue;
        if (r.deleted)
            toezeg::db::remove_official_record(db, page->entity, r.id);
        else
            toezeg::db::put_official_record(db, page->entity, r.id, r.fields);
    }
    for (auto& motion : toezeg::db::load_motion_records(db)) {
        auto fate = toezeg::track::decide_fate(motion);
        if (!fate) continue;
        auto again = toezeg::track::fate_from_json(toezeg::track::fate_to_json(*fate));
        FUZZ_CHECK(again.has_value());
    }
    return 0;
}
