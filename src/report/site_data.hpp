#pragma once
// What the report's page writers share: the tracked items and documents of one run.
#include <nlohmann/json.hpp>

#include <string>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"
#include "db/corpus_index.hpp"
#include "report/follow_pages.hpp"
#include "report/page_writer.hpp"
#include "track/tracker.hpp"

namespace toezeg::report {

struct SiteData {
    std::string as_of;                                          // ISO date of the report
    std::vector<track::TrackedItem> items;
    std::vector<db::DocumentRow> documents;
    std::unordered_map<std::string, std::string> by_ref;        // "32 317, nr. 994" -> document id
    std::unordered_map<std::string, int> latest_version;        // document id -> its latest version
    FollowPages follow;                                         // the page of each Kamerlid, bewindspersoon, dossier
    struct Passage {
        int version = 0;
        std::size_t begin = 0;  // of the passage in that version's text
        const track::TrackedItem* item = nullptr;
    };
    std::unordered_map<std::string, std::vector<Passage>> passages;  // document id -> passages of tracked items in it
    std::unordered_map<std::string, std::string> row_hash;           // item id -> tracked_items.row_hash

    // The hash of everything the item's row in the index holds, or "" when it has none
    // (a row not yet written by this version): then its pages are keyed by their data.
    const std::string& row_hash_of(const track::TrackedItem& t) const;

    bool overdue(const track::TrackedItem& t) const { return track::is_overdue(t, as_of); }
    // docs/ file of an event's document version, with the anchor of its passage.
    std::string event_link(const track::Event& e) const;
};

// Adds what `t`'s rows and pages are rendered from to `key`; false when `t` has no row
// hash (then the caller keys its pages by their data).
bool add_item_inputs(const SiteData& site, const track::TrackedItem& t, PageKey& key);

// One row of an item table (index, weekly report) and the head of an item's page.
nlohmann::json item_row(const SiteData& site, const track::TrackedItem& t);
// Removes object fields holding "": Mustache opens a section for any string, the empty one
// too ("Termijn ()", "– termijn " with nothing after it), so a field without a value is left out.
void drop_empty_strings(nlohmann::json& j);

// items/<id>.html for every tracked item; `rows` gets each item's row of the index's
// table (item_row.mustache), in the order of site.items.
Result<void> write_item_pages(const SiteData& site, PageWriter& out, std::vector<std::string>& rows);
// docs/<id>[.v<n>].html for every version of every document.
Result<void> write_document_pages(const SiteData& site, db::CorpusIndex& index, PageWriter& out);

}  // namespace toezeg::report
