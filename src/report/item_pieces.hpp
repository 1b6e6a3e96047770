#pragma once
// What the report keeps of each tracked item between runs (db/report_pieces): its row of the
// index, of the follow pages and of review.html, its data for the other item tables, its object in items.json, its line in
// items.csv, its search entry, its Atom entries and the rows other pages list it with, made
// once per change of its row. And the same checks the report makes on a whole item
// (overdue, long open, waiting for review) made on its light facts.
#include <string>

#include "core/error.hpp"
#include "db/report_pieces.hpp"
#include "report/exports.hpp"
#include "report/page_writer.hpp"
#include "track/tracker.hpp"

namespace toezeg::report {

// Everything the pieces of every item are made with besides the item's row: the binary, the
// CSV dialect and the row templates (item_row, group_row and review_row.mustache, one key for
// the three). (Not --as-of: see pieces_key.)
std::string pieces_generation(CsvDialect dialect, std::uint64_t row_templates_key);

// What an item's pieces, and every page that shows it, are made from besides the site-wide
// generation: its row's hash, and what the date of the report changes in it, namely whether
// it is overdue and whether it is open too long without a deadline. Each of these turns at most
// once while the row stays as it is, so a new --as-of remakes only the items it turns.
// (How many days late is left to the pages rendered on every run.)
std::string pieces_key(const db::ItemFacts& item, const std::string& as_of);

Result<db::ReportPieces> make_item_pieces(const track::TrackedItem& t, const std::string& as_of, CsvDialect dialect,
                                          PageWriter& out);

// The events of an item that name a document, as event_docs holds them.
struct EventDoc {
    std::string doc;
    int version = 0;
    std::size_t begin = 0, end = 0;
};
std::vector<EventDoc> event_docs_of(const db::ItemFacts& item);

// As track::is_overdue, days_late, open_since, long_open_without_deadline and "review_reason
// is not empty" on the whole item.
bool is_overdue(const db::ItemFacts& item, const std::string& as_of);
long days_late(const db::ItemFacts& item, const std::string& as_of);
std::string open_since(const db::ItemFacts& item);
bool long_open_without_deadline(const db::ItemFacts& item, const std::string& as_of);
bool waits_for_review(const db::ItemFacts& item);

}  // namespace toezeg::report
