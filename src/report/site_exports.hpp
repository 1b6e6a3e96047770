#pragma once
// The site's exports, written from the pieces each item kept: items.json, items.csv and
// search-index.js (read in one pass, each kept as it is when its key says nothing changed),
// documents.json and feed.xml.
#include <string>

#include "core/error.hpp"
#include "report/exports.hpp"
#include "report/site_data.hpp"

namespace toezeg::report {

// `generation` is that of the pieces (pieces_generation), `feed_template` feed.mustache.
Result<void> write_site_exports(const SiteData& site, db::Database& db, PageWriter& out, const std::string& generation,
                                CsvDialect dialect, const std::string& feed_template);

}  // namespace toezeg::report
