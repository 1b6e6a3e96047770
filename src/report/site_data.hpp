#pragma once
// What the report's page writers share: the light facts of every tracked item, the
// documents, and where each item is found.
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"
#include "db/corpus_index.hpp"
#include "db/report_pieces.hpp"
#include "report/follow_pages.hpp"
#include "report/page_writer.hpp"
#include "track/tracker.hpp"

namespace toezeg::report {

struct SiteData {
    std::string as_of;                                          // ISO date of the report
    std::vector<db::ItemFacts> items;                           // every item, in the order of the exports,
                                                                // its row_hash holding its pieces_key
    std::vector<db::DocumentRow> documents;
    std::unordered_map<std::string, std::string> by_ref;        // "32 317, nr. 994" -> document id
    std::unordered_map<std::string, int> latest_version;        // document id -> its latest version
    FollowPages follow;                                         // the page of each Kamerlid, bewindspersoon, dossier
    struct Passage {
        int version = 0;
        std::size_t begin = 0;  // of the passage in that version's text
        std::size_t item = 0;   // in items
    };
    std::unordered_map<std::string, std::vector<Passage>> passages;  // document id -> passages of tracked items in it

    // docs/ file of an event's document version, with the anchor of its passage.
    std::string event_link(const track::Event& e) const;
};

// Adds what an item's page is rendered from to `key`: its row hash, the latest version of
// each document its events link to, the pages of its Kamerleden, bewindspersoon and dossier.
void add_item_inputs(const SiteData& site, const db::ItemFacts& item, PageKey& key);

// One row of an item table (index, weekly report) and the head of an item's page.
nlohmann::json item_row(const std::string& as_of, const track::TrackedItem& t);
// Removes object fields holding "": Mustache opens a section for any string, the empty one
// too ("Termijn ()", "– termijn " with nothing after it), so a field without a value is left out.
void drop_empty_strings(nlohmann::json& j);

// An item whose page or feed (items/<id>.html, items/<id>.xml) is to be rendered.
struct ItemPageJob {
    const db::ItemFacts* facts = nullptr;
    const track::TrackedItem* item = nullptr;
    bool page = false, feed = false;
};
// What an item's own feed is rendered from.
PageKey item_feed_key(const db::ItemFacts& item, const AtomWriter& atom);
Result<void> write_item_pages(const SiteData& site, PageWriter& out, const std::vector<ItemPageJob>& jobs,
                              const std::string& feed_template);
// docs/<id>[.v<n>].html for every version of every document.
Result<void> write_document_pages(const SiteData& site, db::CorpusIndex& index, PageWriter& out);

}  // namespace toezeg::report
