#pragma once
// What the report keeps of each tracked item (migrations 011, 014 and 016: report_pieces, what
// every run reads, report_exports and report_unregistered): pieces of its pages and exports, made when the
// item's row changes, and the light facts of every item that the
// report's lists, counts and page keys need, read without its events.
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/item.hpp"
#include "db/sqlite.hpp"

namespace toezeg::db {

// An Atom entry of an item (its first event or a change of status), with the weekly
// report's row for a change.
struct ReportEntry {
    std::string item_id;
    int ordinal = 0;  // of the event in the item
    std::string date, entry_id, title, summary;
    std::string change;  // JSON, "" for the first event
};

struct ReportPieces {
    std::string row_html, row_json, export_json, csv, search, event_docs, found, unregistered;
    std::string group_row_html, review_html;  // its row on follow pages and on review.html (migration 014)
    std::vector<ReportEntry> entries;
};

// A tracked item as the report's lists see it: its row's columns without events, and the
// pieces every run needs.
struct ItemFacts {
    std::string id, row_hash;
    Kind kind = Kind::commitment;
    Status status = Status::open;
    std::string due, made_on, first_date, last_date, actor, dossier, review;
    std::vector<std::string> members;
    double confidence = 1.0;
    bool has_possible = false;
    std::string row_html, event_docs;
    // What its pieces were made from (report_pieces.row_hash and generation), "" when it has none.
    std::string pieces_key, pieces_generation;
};

// Stores the pieces of one item (its entries replace the ones before), with `key` (its row
// hash and what else they were made from) and `generation` as ItemFacts reads them back.
void save_report_pieces(Database& db, const std::string& id, const std::string& key, const std::string& generation,
                        const ReportPieces& pieces);
// Drops the pieces of items no longer tracked; `items` is how many are tracked, each with its
// pieces saved.
void drop_gone_report_pieces(Database& db, std::size_t items);
// Every item's row on register.html for when no register record joins it (migration 016), in
// the order of the exports: one call of `emit` (id, first date, row) each.
void for_each_unregistered_row(Database& db,
                               const std::function<void(std::string_view, std::string_view, std::string_view)>& emit);
// Every item, in the order of the exports (first date, id); row_html and event_docs as its
// pieces last held them ("" when it has none yet).
std::vector<ItemFacts> load_item_facts(Database& db);
// One piece (a column of report_pieces or report_exports: "row_json", "found", "csv", ...) of
// one item, "" if none.
std::string report_piece(Database& db, std::string_view column, const std::string& id);
// That piece of each item of `ids`, in that order, joined in one string (in one query).
std::string report_pieces_joined(Database& db, std::string_view column, const std::vector<std::string>& ids);
// The newest `limit` Atom entries of the items `ids` (date, newest first, then entry id), in one query.
std::vector<ReportEntry> latest_report_entries_of(Database& db, const std::vector<std::string>& item_ids, int limit);
// Those pieces of every item in the order of the exports, read in one pass over the table
// (each pass reads every item's row whole): one call of `emit` (id, the pieces in the order
// of `columns`, empty ones included; valid during the call) each.
void for_each_report_pieces(Database& db, const std::vector<std::string_view>& columns,
                            const std::function<void(std::string_view, const std::vector<std::string_view>&)>& emit);
// The newest `limit` entries of all items: date descending, then entry id.
std::vector<ReportEntry> latest_report_entries(Database& db, int limit);
std::vector<ReportEntry> report_entries_of(Database& db, const std::string& item_id);
// Changes of status dated from `from` to `to`, in the order of the items, then of their events.
std::vector<ReportEntry> report_changes_between(Database& db, const std::string& from, const std::string& to);

}  // namespace toezeg::db
