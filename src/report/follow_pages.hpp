#pragma once
// Pages and Atom feeds to follow one Kamerlid, one bewindspersoon, one dossier or one item.
#include <map>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "db/report_pieces.hpp"
#include "report/exports.hpp"
#include "report/page_writer.hpp"
#include "track/tracker.hpp"

namespace toezeg::report {

struct SiteData;

// Where each Kamerlid, bewindspersoon and dossier has its page: "kamerlid/kroger" (+ ".html",
// ".xml"); names whose slugs collide get "-2", "-3" in the order of their names.
struct FollowPages {
    std::map<std::string, std::string> members, actors, dossiers;  // name (every form of a Kamerlid's) -> page
    std::map<std::string, std::string> titles;                     // page -> the name it shows
};
FollowPages follow_pages_of(const std::vector<track::TrackedItem>& items);
FollowPages follow_pages_of(const std::vector<db::ItemFacts>& items);
// The name a Kamerlid's page shows (the most common spelling) for any spelling `form` of it;
// `form` itself when it has no page.
const std::string& member_name(const FollowPages& pages, const std::string& form);

// <folder>/<slug>.html and .xml for every Kamerlid, bewindspersoon and dossier; a page
// whose items' rows changed is built from their kept rows and Atom entries. A page of more
// than `limit` items shows the newest `limit` and links <folder>/<slug>.<yyyy>.html, its
// items by the year of their last event ("zonder-datum" for none), each kept while its rows are.
Result<void> write_follow_pages(const SiteData& site, db::Database& db, PageWriter& out, AtomWriter& atom,
                                std::size_t limit);

}  // namespace toezeg::report
