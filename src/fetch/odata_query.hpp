#pragma once
// Addresses for reading the Tweede Kamer's OData API incrementally: per entity set the
// filter on GewijzigdOp, the order, the page size and the expansions; the checks a
// server's @odata.nextLink must pass; GewijzigdOp timestamps and Dutch local dates.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace toezeg::fetch {

inline constexpr const char* k_odata_base = "https://gegevensmagazijn.tweedekamer.nl/OData/v5";
inline constexpr int k_odata_page_size = 100;  // v5 refuses a $top above 100 (HTTP 400)

// What is read of one entity set.
struct EntityQuery {
    std::string entity;  // "Zaak"
    std::string filter;  // a fixed part of $filter ("Soort eq 'Motie'"), or ""
    std::string expand;  // $expand, or ""
};

// The entity sets `sync` reads by default, in order: Zaak (motions), Document (motions and
// government letters, with the current version's publications, actors and Zaak),
// Besluit (with its Zaak), Stemming, Toezegging, then Activiteit, Persoon and Fractie (what a
// Toezegging names by reference).
const std::vector<EntityQuery>& default_entity_queries();
// The query for an entity name given on the command line, or nullopt when sync does not
// know it.
std::optional<EntityQuery> entity_query(std::string_view entity);

// The first page's address: base/Entity?$filter=<fixed> and GewijzigdOp gt <after> (or ge
// <since> when there is no position)&$orderby=GewijzigdOp,Id&$top=100&$expand=...
// `after` and `since` must be valid timestamps (odata_timestamp) or "".
std::string entity_url(const std::string& base, const EntityQuery& query, const std::string& after,
                       const std::string& since);
// The next page when the server gives no nextLink but a full page: the same address with $skip.
std::string skip_url(const std::string& first_url, long long skip);

// "" when `next` may be read after `base`'s pages (absolute, http or https, the same scheme,
// host and port as `base`), else why not. A relative link is resolved against `base` first.
std::string resolve_next_link(const std::string& base, const std::string& next, std::string& resolved);

// A GewijzigdOp value as the API gives it ("2025-06-12T12:51:07.563+02:00"); nullopt when it
// is not one. `instant` orders values with different offsets (UTC microseconds).
struct ODataTimestamp {
    std::string text;
    long long instant = 0;
};
std::optional<ODataTimestamp> odata_timestamp(std::string_view text);

// Midnight of an ISO date in Dutch local time, with the offset of that day: "2026-08-01" ->
// "2026-08-01T00:00:00+02:00", "2026-01-10" -> "2026-01-10T00:00:00+01:00"; nullopt if no date.
std::optional<std::string> dutch_midnight(std::string_view iso_date);

// Percent-encodes a query value: all but letters, digits and -_.~$'(),:=/*;!@.
std::string url_encode(std::string_view text);

}  // namespace toezeg::fetch
