#pragma once
// The static report site: dashboard, weekly report, item and document pages, exports.
#include <filesystem>
#include <string>

#include "core/error.hpp"
#include "db/corpus_index.hpp"
#include "report/exports.hpp"

namespace toezeg::report {

struct ReportOptions {
    std::filesystem::path out_dir = "reports";
    std::string as_of;                   // ISO date; overdue and "this week" are relative to it
    std::string week;  // "2026-W12"; default: the last full week before as_of, else the latest week with documents
    std::filesystem::path templates_dir; // replaces built-in templates by name when set
    CsvDialect csv_dialect = CsvDialect::rfc4180;  // of items.csv
    // The index holds the table of all items up to this many, else only the links to the
    // months' pages (lijst/<yyyy-mm>.html); it shows at most list_limit rows of the overdue
    // and of the long open items, with links to their pages.
    std::size_t index_table_limit = 1000;
    std::size_t index_list_limit = 100;
    // A Kamerlid's, bewindspersoon's or dossier's page shows at most this many items, the
    // newest; past it, links to its pages per year (<folder>/<slug>.<yyyy>.html).
    std::size_t group_page_limit = 500;
    // review.html shows at most this many items waiting for review, the newest; past it, links
    // to the pages of each month of their last event (lijst/beoordelen-<yyyy-mm>.html).
    std::size_t review_page_limit = 500;
    // register.html lists at most this many of the letters' commitments no register record joins,
    // the newest; past it, links to the pages of each month (lijst/niet-in-register-<yyyy-mm>.html).
    std::size_t register_page_limit = 500;
};

struct ReportStats {
    int written = 0;    // files whose content changed
    int unchanged = 0;  // files left as they were
    int reused = 0;     // of those, pages not even rendered: their inputs are as in the last run
    int removed = 0;    // pages of items or documents that are no longer there
    std::string week_page;
    std::string week_note;  // set when the default week had no documents and an earlier week was taken
};

// Writes the site into options.out_dir; files whose content is unchanged are not touched.
Result<ReportStats> write_report(db::CorpusIndex& index, const ReportOptions& options);

}  // namespace toezeg::report
