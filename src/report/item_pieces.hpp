#pragma once
// What the report keeps of each tracked item between runs (db/report_pieces): its row of the
// index, its data for the other item tables, its object in items.json, its line in
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

// Everything the pieces are made with besides the item's row: the binary, --as-of, the CSV
// dialect and the row template.
std::string pieces_generation(const std::string& as_of, CsvDialect dialect, std::uint64_t row_template_key);

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
