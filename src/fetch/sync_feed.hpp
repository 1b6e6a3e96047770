#pragma once
// The Tweede Kamer open-data SyncFeed (Atom): pages of entities, paged by skiptoken.
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace toezeg::fetch {

// One Document entity of the feed (namespace http://www.tweedekamer.nl/xsd/tkData/v1-0).
struct FeedDocument {
    std::string id;            // GUID; its file is at /SyncFeed/2.0/Resources/<id>
    bool deleted = false;      // verwijderd="true"
    std::string soort;         // "Brief regering", "Motie", ...
    std::string number;        // documentNummer, "2025D20508"
    std::string title, subject, date, content_type, updated;
};

struct FeedPage {
    std::vector<FeedDocument> documents;
    std::string next;  // the <link rel="next"> address, empty on the last page
};

Result<FeedPage> parse_feed_page(std::string_view xml, const std::string& source);
std::string skiptoken_of(const std::string& url);  // "" when the address has none

}  // namespace toezeg::fetch
