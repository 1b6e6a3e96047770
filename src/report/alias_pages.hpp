#pragma once
// A small page at the address of every old id (an alias kept when an item's or document's
// id changed): a link and a meta refresh to the page of the id it stands for, so bookmarks
// and links in feeds keep working; an old item feed keeps being written (a feed reader
// follows no meta refresh).
#include "core/error.hpp"
#include "db/sqlite.hpp"
#include "report/site_data.hpp"

namespace toezeg::report {

// items/<old id>.html and docs/<old id>.html for every alias whose id no item or document
// has now and that leads to one that does, and items/<old id>.xml: the old item feed, with
// the current item's entries and one that names its new id; returns how many were written.
Result<std::size_t> write_alias_pages(const SiteData& site, db::Database& db, PageWriter& out,
                                      const std::string& feed_template);

}  // namespace toezeg::report
