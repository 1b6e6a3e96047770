// Addresses, nextLink checks and timestamps for reading the OData API incrementally.
#include "fetch/odata_query.hpp"

#include <re2/re2.h>

#include <cctype>

#include "core/date.hpp"

namespace toezeg::fetch {

namespace {

// Document kinds sync keeps: motions (and their amended versions) and government letters.
constexpr const char* k_document_filter =
    "(Soort eq 'Motie' or Soort eq 'Motie (gewijzigd/nader)' or Soort eq 'Brief regering')";

struct Origin {
    std::string scheme, authority;
};

std::optional<Origin> origin_of(const std::string& url) {
    auto colon = url.find("://");
    if (colon == std::string::npos) return std::nullopt;
    Origin o;
    o.scheme = url.substr(0, colon);
    for (char& c : o.scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (o.scheme != "http" && o.scheme != "https") return std::nullopt;
    auto start = colon + 3;
    auto end = url.find_first_of("/?#", start);
    o.authority = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
    for (char& c : o.authority) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (o.authority.empty() || o.authority.find('@') != std::string::npos) return std::nullopt;
    return o;
}

long long days_from_civil(int y, int m, int d) { return Date{y, m, d}.days(); }

// The last Sunday of a month, as days since 1970-01-01.
long long last_sunday(int year, int month) {
    long long last = days_from_civil(year, month, days_in_month(year, month));
    long long weekday = ((last + 4) % 7 + 7) % 7;  // 0 = Sunday (1970-01-01 was a Thursday)
    return last - weekday;
}

}  // namespace

const std::vector<EntityQuery>& default_entity_queries() {
    static const std::vector<EntityQuery> k_queries = {
        {"Zaak", "Soort eq 'Motie'", ""},
        {"Document", k_document_filter,
         "HuidigeDocumentVersie($expand=DocumentPublicatie),DocumentActor,Kamerstukdossier,Zaak($select=Id)"},
        {"Besluit", "", "Zaak($select=Id)"},
        {"Stemming", "", ""},
        {"Toezegging", "", ""},
        // What a Toezegging names by reference: its debate (ActiviteitNummer), and the Kamerlid and
        // fractie it was made to (Ids only in the SyncFeed's toegezegdAan).
        {"Activiteit", "", ""},
        {"Persoon", "", ""},
        {"Fractie", "", ""},
    };
    return k_queries;
}

std::optional<EntityQuery> entity_query(std::string_view entity) {
    for (auto& q : default_entity_queries())
        if (q.entity == entity) return q;
    return std::nullopt;
}

std::string url_encode(std::string_view text) {
    static const char* k_hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size() * 3);
    for (unsigned char c : text) {
        // OData's own punctuation stays as it is (clients of the API found that escaped '$'
        // breaks it); space, '+' (a time zone offset), '&', '#', '%' and non-ASCII are escaped.
        if (std::isalnum(c) ||
            std::string_view("-_.~$'(),:=/*;!@").find(static_cast<char>(c)) != std::string_view::npos) {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(k_hex[c >> 4]);
            out.push_back(k_hex[c & 15]);
        }
    }
    return out;
}

std::string entity_url(const std::string& base, const EntityQuery& query, const std::string& after,
                       const std::string& since) {
    std::string filter = query.filter;
    auto also = [&](const std::string& clause) { filter += (filter.empty() ? "" : " and ") + clause; };
    if (!after.empty())
        also("GewijzigdOp gt " + after);
    else if (!since.empty())
        also("GewijzigdOp ge " + since);
    std::string url = base + "/" + query.entity + "?";
    if (!filter.empty()) url += "$filter=" + url_encode(filter) + "&";
    url += "$orderby=" + url_encode("GewijzigdOp,Id") + "&$top=" + std::to_string(k_odata_page_size);
    if (!query.expand.empty()) url += "&$expand=" + url_encode(query.expand);
    return url;
}

std::string skip_url(const std::string& first_url, long long skip) {
    return first_url + "&$skip=" + std::to_string(skip);
}

std::string resolve_next_link(const std::string& base, const std::string& next, std::string& resolved) {
    resolved = next;
    if (next.empty()) return "the link is empty";
    if (next.find("://") == std::string::npos) {
        if (next.find_first_of(" \r\n\t") != std::string::npos) return "the link holds white space";
        resolved = base + (next.starts_with("/") ? "" : "/") + next;
        if (next.starts_with("/")) {
            auto o = origin_of(base);
            if (!o) return "the base address is not http or https";
            resolved = o->scheme + "://" + o->authority + next;
        }
    }
    auto from = origin_of(base), to = origin_of(resolved);
    if (!to) return "it is not an http or https address";
    if (!from || from->scheme != to->scheme || from->authority != to->authority)
        return "it leads to another host (" + to->scheme + "://" + to->authority + ") than the service's";
    if (resolved.find_first_of(" \r\n\t") != std::string::npos) return "the link holds white space";
    return "";
}

std::optional<ODataTimestamp> odata_timestamp(std::string_view text) {
    static const RE2 k_pattern(
        R"((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(Z|([+-])(\d{2}):(\d{2})))");
    int y, mo, d, h, mi, s;
    std::string fraction, zone, sign, offset_hours, offset_minutes;  // strings: absent after a 'Z'
    if (!RE2::FullMatch(text, k_pattern, &y, &mo, &d, &h, &mi, &s, &fraction, &zone, &sign, &offset_hours,
                        &offset_minutes))
        return std::nullopt;
    int oh = zone == "Z" ? 0 : std::stoi(offset_hours), om = zone == "Z" ? 0 : std::stoi(offset_minutes);
    Date date{y, mo, d};
    if (!date.valid() || h > 23 || mi > 59 || s > 60 || oh > 14 || om > 59) return std::nullopt;
    long long micros = 0;
    for (std::size_t k = 0; k < 6; ++k) micros = micros * 10 + (k < fraction.size() ? fraction[k] - '0' : 0);
    long long offset = (zone == "Z" ? 0 : (sign == "-" ? -1 : 1) * (oh * 3600LL + om * 60LL));
    long long seconds = date.days() * 86400LL + h * 3600LL + mi * 60LL + s - offset;
    return ODataTimestamp{std::string(text), seconds * 1'000'000LL + micros};
}

std::optional<std::string> dutch_midnight(std::string_view iso_date) {
    auto date = Date::parse_iso(iso_date);
    if (!date || !date->valid()) return std::nullopt;
    // Summer time runs from the last Sunday of March (02:00) to the last Sunday of October
    // (03:00): midnight is summer time from the day after the first to the second itself.
    long long day = date->days();
    bool summer = day > last_sunday(date->year, 3) && day <= last_sunday(date->year, 10);
    return date->iso() + "T00:00:00" + (summer ? "+02:00" : "+01:00");
}

}  // namespace toezeg::fetch
