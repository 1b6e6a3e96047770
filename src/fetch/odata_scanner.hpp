#pragma once
// Reads an OData page in one pass without a JSON tree: a strict RFC 8259 scanner that writes
// each record as nlohmann's `dump(1)` would (keys sorted bytewise, the last of duplicate keys
// kept, one space of indentation, strings escaped as nlohmann escapes them). It gives up
// (std::nullopt) on anything it cannot vouch for, so the caller parses that page with nlohmann.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace toezeg::fetch {

struct ScannedRecord {
    std::string_view bytes;  // the record's JSON as the page holds it
    std::string canonical;   // json::parse(bytes).dump(1) + "\n"; "" when only nlohmann can write
                             // it (a number with a fraction or exponent, or past 64-bit integers)
    nlohmann::json fields;   // json::parse(bytes) for a record with no nested object or array and
                             // a canonical form; null otherwise (the caller parses `bytes`)
};

struct ScannedPage {
    std::optional<std::string> context;    // @odata.context when it is a string
    std::optional<std::string> next_link;  // @odata.nextLink (a string, or the page is given up)
    std::vector<ScannedRecord> records;    // the objects of the `value` array
};

// The most objects and arrays open at once inside a record that the scanner reads (deeper pages
// are given up). Each object's members are copied once into their parent's text, so the work is
// at most this many times the page's size; the deepest OData record (a Document with its
// expansions) is 4 deep.
inline constexpr int k_scanner_max_depth = 16;

// The page's context, nextLink and records, or std::nullopt when the bytes are not exactly an
// object with one `value` array of objects, with every number outside the records an integer
// (JSON errors included: nlohmann then says where).
std::optional<ScannedPage> scan_odata_page(std::string_view bytes);

// `value.dump(1) + "\n"` for one JSON text, or std::nullopt as scan_odata_page gives up (the
// scanner's canonical writer alone, for tests and the fuzz harness).
std::optional<std::string> canonical_json(std::string_view bytes);

}  // namespace toezeg::fetch
