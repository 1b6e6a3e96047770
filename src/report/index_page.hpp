#pragma once
// index.html, the overview: counts per status, the most overdue and the longest open items
// (bounded, with links to their lists), recently fulfilled, the months' lists, and the
// breakdowns per bewindspersoon and Kamerlid. Rendered on every run (it holds days late).
#include "core/error.hpp"
#include "db/sqlite.hpp"
#include "report/list_pages.hpp"
#include "report/site_data.hpp"

namespace toezeg::report {

// At most options.index_list_limit rows of overdue and long open items, the table of all
// items when there are at most options.index_table_limit.
Result<void> write_index_page(const SiteData& site, db::Database& db, const ListPages& lists,
                              const ReportOptions& options, PageWriter& out);

// An item's row as the tables rendered on every run show it (index, weekly report): its
// kept row_json with how many days late it is on `as_of`.
mus::data row_on(db::Database& db, const db::ItemFacts& item, const std::string& as_of);

}  // namespace toezeg::report
