#include "fetch/feed_start.hpp"

#include <cstdint>
#include <optional>

#include "fetch/sync_feed.hpp"

namespace toezeg::fetch {

namespace {

constexpr std::uint64_t k_max_skiptoken = std::uint64_t{1} << 40;

}  // namespace

Result<FeedStart> find_feed_start(HttpClient& http, const std::string& feed_url, const std::string& since) {
    FeedStart start;
    // True when the page after skiptoken `t` holds nothing changed before `since`: it is
    // empty (past the end) or its first entry changed on or after that day.
    auto at_or_after = [&](std::uint64_t t) -> Result<bool> {
        std::string url = t == 0 ? feed_url : feed_url + "&skiptoken=" + std::to_string(t);
        ++start.requests;
        auto response = http.get(url);
        if (!response) return std::unexpected(response.error());
        auto page = parse_feed_page(response->body, url);
        if (!page) return std::unexpected(page.error());
        if (page->documents.empty()) return true;
        return page->documents.front().updated.substr(0, 10) >= since;
    };
    auto first = at_or_after(0);
    if (!first) return std::unexpected(first.error());
    if (*first) return start;
    std::uint64_t low = 0, high = 1;  // at_or_after(low) is false
    for (;;) {
        auto probe = at_or_after(high);
        if (!probe) return std::unexpected(probe.error());
        if (*probe) break;
        low = high;
        high *= 2;
        if (high > k_max_skiptoken)
            return fail(feed_url, "no feed page with entries changed on or after " + since + " up to skiptoken " +
                                      std::to_string(k_max_skiptoken));
    }
    while (high - low > 1) {
        std::uint64_t mid = low + (high - low) / 2;
        auto probe = at_or_after(mid);
        if (!probe) return std::unexpected(probe.error());
        (*probe ? high : low) = mid;
    }
    // The page after `low` starts before `since` and reaches into it: reading starts there,
    // and the entries before `since` on it are skipped.
    if (low > 0) start.skiptoken = std::to_string(low);
    return start;
}

}  // namespace toezeg::fetch
