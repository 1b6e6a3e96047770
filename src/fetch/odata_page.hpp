#pragma once
// One page of an OData v4 response of the Tweede Kamer's open data ({"@odata.context",
// "value": [...], "@odata.nextLink"}), read from bytes whatever their source (a file, HTTP).
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace toezeg::fetch {

struct ODataRecord {
    std::string id;         // the record's Id (a GUID)
    bool deleted = false;   // Verwijderd: true
    nlohmann::json fields;  // the record as given
    std::string content;    // the file git keeps: fields.dump(1) + "\n" ("" from the reference reader below)
};

struct ODataPage {
    std::string entity;  // "Zaak", "Besluit", ...
    std::vector<ODataRecord> records;
    std::string next_link;  // "" on the last page
};

// Parses a page; `name` (a file name or URL) is used in errors and, when @odata.context
// does not name the entity, its stem before the first '.' is the entity ("Stemming.page2.json").
// Fails on anything not a page: no JSON, no `value` array, a record without a valid Id.
// With `expected` (an address read for that entity set), the page must be of that entity:
// it is the entity when @odata.context names none, and a context naming another one fails.
// Reads the page with `scan_odata_page` (no JSON tree for a flat record; each record's content
// written as it is read) and falls back to nlohmann for a page the scanner gives up on.
Result<ODataPage> parse_odata_page(std::string_view bytes, const std::string& name, const std::string& expected = "");

// The same page read through nlohmann's tree alone, records' content left "": the reference
// parse_odata_page must agree with (its fallback; for the differential tests and fuzzing).
Result<ODataPage> parse_odata_page_with_nlohmann(std::string_view bytes, const std::string& name,
                                                 const std::string& expected = "");

// The entity set an @odata.context names: ".../$metadata#Zaak(Id,Nummer)" -> "Zaak".
std::string entity_of_context(std::string_view context);

// Record ids become file names: 1-64 of [A-Za-z0-9-].
bool valid_record_id(std::string_view id);

}  // namespace toezeg::fetch
