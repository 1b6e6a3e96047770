#include "fetch/odata_page.hpp"

#include <cctype>
#include <filesystem>

#include "fetch/odata_scanner.hpp"

namespace toezeg::fetch {

using nlohmann::json;

namespace {

bool valid_entity(std::string_view name) {
    if (name.empty() || name.size() > 64 || !std::isupper(static_cast<unsigned char>(name[0]))) return false;
    for (char c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) return false;
    return true;
}

}  // namespace

std::string entity_of_context(std::string_view context) {
    auto hash = context.rfind('#');
    if (hash == std::string_view::npos) return "";
    std::string_view rest = context.substr(hash + 1);
    std::size_t end = 0;
    while (end < rest.size() && std::isalnum(static_cast<unsigned char>(rest[end]))) ++end;
    return std::string(rest.substr(0, end));
}

bool valid_record_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
    return true;
}

namespace {

// What a page holds, from nlohmann's tree or from the scanner.
struct PageParts {
    std::string context;  // @odata.context when it is a string
    bool has_next = false, next_is_string = true;
    std::string next_link;
    std::vector<json> records;
    std::vector<std::string> contents;  // each record's canonical form, when the scanner made it
};

// The checks both readers share, in the order nlohmann's reader always made them.
Result<ODataPage> page_of(PageParts&& parts, const std::string& name, const std::string& expected) {
    ODataPage out;
    out.entity = entity_of_context(parts.context);
    if (!expected.empty() && !out.entity.empty() && out.entity != expected)
        return fail(name, "asked for " + expected + " records, the answer holds " + out.entity + " records");
    if (out.entity.empty() && !expected.empty()) out.entity = expected;
    if (out.entity.empty()) {
        std::string stem = std::filesystem::path(name).filename().string();
        out.entity = stem.substr(0, stem.find('.'));
    }
    if (!valid_entity(out.entity))
        return fail(name,
                    "cannot tell the entity: @odata.context names none and the file name gives '" + out.entity + "'");
    if (parts.has_next) {
        if (!parts.next_is_string) return fail(name, "@odata.nextLink is not a string");
        out.next_link = std::move(parts.next_link);
    }
    out.records.reserve(parts.records.size());
    for (std::size_t k = 0; k < parts.records.size(); ++k) {
        json& r = parts.records[k];
        std::string where = "record " + std::to_string(k + 1) + " of " + std::to_string(parts.records.size());
        if (!r.is_object()) return fail(name, where + " is not an object");
        auto id = r.find("Id");
        if (id == r.end() || !id->is_string()) return fail(name, where + " has no string \"Id\"");
        std::string id_text = id->get<std::string>();
        if (!valid_record_id(id_text))
            return fail(name, where + " has an Id that is not a GUID: '" + id_text.substr(0, 80) + "'");
        auto deleted = r.find("Verwijderd");
        if (deleted != r.end() && !deleted->is_boolean() && !deleted->is_null())
            return fail(name, where + " (" + id_text + ") has a \"Verwijderd\" that is not true or false");
        ODataRecord rec;
        rec.id = std::move(id_text);
        rec.deleted = deleted != r.end() && deleted->is_boolean() && deleted->get<bool>();
        rec.fields = std::move(r);
        if (k < parts.contents.size()) rec.content = std::move(parts.contents[k]);
        out.records.push_back(std::move(rec));
    }
    return out;
}

// The scanner's reading, or std::nullopt for nlohmann to read the page (and say what is wrong).
std::optional<PageParts> scanned_parts(std::string_view bytes) {
    auto scanned = scan_odata_page(bytes);
    if (!scanned) return std::nullopt;
    PageParts parts;
    if (scanned->context) parts.context = std::move(*scanned->context);
    if (scanned->next_link) {
        parts.has_next = true;
        parts.next_link = std::move(*scanned->next_link);
    }
    parts.records.reserve(scanned->records.size());
    parts.contents.reserve(scanned->records.size());
    try {
        for (auto& r : scanned->records) {
            if (r.fields.is_null()) r.fields = json::parse(r.bytes);  // nested, or a number only nlohmann reads
            if (r.canonical.empty()) r.canonical = r.fields.dump(1) + "\n";
            parts.records.push_back(std::move(r.fields));
            parts.contents.push_back(std::move(r.canonical));
        }
    } catch (const json::exception&) {  // a number past double's range: nlohmann refuses the page
        return std::nullopt;
    }
    return parts;
}

}  // namespace

Result<ODataPage> parse_odata_page(std::string_view bytes, const std::string& name, const std::string& expected) {
    if (auto parts = scanned_parts(bytes)) return page_of(std::move(*parts), name, expected);
    auto page = parse_odata_page_with_nlohmann(bytes, name, expected);
    if (page)
        for (auto& r : page->records) r.content = r.fields.dump(1) + "\n";
    return page;
}

Result<ODataPage> parse_odata_page_with_nlohmann(std::string_view bytes, const std::string& name,
                                                 const std::string& expected) {
    json page;
    try {
        page = json::parse(bytes);
    } catch (const json::parse_error& e) {
        bool at_end = e.byte >= bytes.size();
        return fail(name, std::string(at_end ? "JSON cut off" : "not JSON") + " at byte " + std::to_string(e.byte) +
                              " of " + std::to_string(bytes.size()) + ": not an OData page");
    } catch (const json::exception& e) {  // a number past double's range ("9e431"), ...
        return fail(name, std::string("not an OData page: ") + e.what());
    }
    if (!page.is_object()) return fail(name, "not an OData page: the top level is not an object");
    auto value = page.find("value");
    if (value == page.end() || !value->is_array()) return fail(name, "not an OData page: no \"value\" array");
    PageParts parts;
    if (auto context = page.find("@odata.context"); context != page.end() && context->is_string())
        parts.context = context->get<std::string>();
    if (auto next = page.find("@odata.nextLink"); next != page.end()) {
        parts.has_next = true;
        parts.next_is_string = next->is_string();
        if (parts.next_is_string) parts.next_link = next->get<std::string>();
    }
    parts.records = std::move(value->get_ref<json::array_t&>());
    return page_of(std::move(parts), name, expected);
}

}  // namespace toezeg::fetch
