#pragma once
// The report's item lists in bounded pages under lijst/: every item by the month it was
// first found, overdue items by the year of their deadline, items long open without a
// deadline by the year they were made. Each page is kept when its items' rows are, so a
// weekly run renders only the pages its changes touch, at any size of the store.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "report/site_data.hpp"

namespace toezeg::report {

// One page of a list, as the index links it.
struct ListPage {
    std::string part;  // "2024-03", "2025", or "zonder-datum"
    std::string label;  // "maart 2024", "2025", "zonder datum"
    std::string file;   // "lijst/2024-03.html"
    std::size_t count = 0;
};

struct ListPages {
    std::vector<ListPage> months;     // every item, by the month of its first date
    std::vector<ListPage> overdue;    // overdue on as_of, by the year of the deadline
    std::vector<ListPage> long_open;  // long open without a deadline on as_of, by the year since
};

// Writes lijst/<yyyy-mm>.html, lijst/verlopen-<yyyy>.html and lijst/lang-open-<yyyy>.html.
Result<ListPages> write_list_pages(const SiteData& site, PageWriter& out);

// documents.html: every document, the latest first, up to options.index_table_limit of them;
// past it the latest options.index_list_limit; and links to lijst/documenten-<yyyy-mm>.html,
// the documents of each month (by the date of the latest version), each kept while its
// documents are as before.
Result<void> write_documents_page(const SiteData& site, const ReportOptions& options, PageWriter& out);

// lijst/beoordelen-<yyyy-mm>.html: the items waiting for review (`queue`, newest first) by
// the month of their last event, each page kept while its items' rows are; the pages' links.
Result<std::vector<ListPage>> write_review_months(const std::vector<const db::ItemFacts*>& queue,
                                                  const std::string& threshold, db::Database& db, PageWriter& out);
// Rows kept for a page at the top (links to items/<id>.html) as a page one folder down shows them.
std::string rows_one_folder_down(const std::string& rows_html);

// The part of a list an ISO date falls in: "2024" (year_part), "2024-03" (month_part), or
// "zonder-datum" when it is no date.
std::string year_part(const std::string& iso);
std::string month_part(const std::string& iso);
// A part as a reader reads it: "maart 2024", "2024", "zonder datum".
std::string part_label(const std::string& part);
// Groups keyed by their part, the latest first and "zonder-datum" last.
template <class T>
std::vector<std::pair<std::string, T>> latest_first(std::map<std::string, T> groups) {
    std::vector<std::pair<std::string, T>> out;
    for (auto it = groups.rbegin(); it != groups.rend(); ++it)
        if (it->first != "zonder-datum") out.emplace_back(it->first, std::move(it->second));
    if (auto undated = groups.find("zonder-datum"); undated != groups.end())
        out.emplace_back(undated->first, std::move(undated->second));
    return out;
}

// An item row kept for the index (links to items/<id>.html) as a page one folder down shows it.
std::string row_one_folder_down(const std::string& row_html);

}  // namespace toezeg::report
