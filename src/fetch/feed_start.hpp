#pragma once
// Where a new store starts reading the SyncFeed for `fetch --since DATE`. The feed cannot be
// filtered by date and starts at its oldest page (2008); its skiptokens rise with every
// change, so the first skiptoken whose entries changed on or after DATE is found by an
// exponential then binary search: about 2 log2(skiptoken) page requests (some 50 for
// today's feed) instead of reading every page since the start.
#include <string>

#include "core/error.hpp"
#include "fetch/http_client.hpp"

namespace toezeg::fetch {

struct FeedStart {
    std::string skiptoken;  // "" = the feed's first page
    int requests = 0;       // pages asked for during the search
};

// `feed_url` is the feed without a skiptoken (".../SyncFeed/2.0/Feed?category=Document");
// `since` an ISO date. Fails when a probed page cannot be read.
Result<FeedStart> find_feed_start(HttpClient& http, const std::string& feed_url, const std::string& since);

}  // namespace toezeg::fetch
