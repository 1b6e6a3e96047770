#include "fetch/toezegging_feed.hpp"

#include <cctype>
#include <pugixml.hpp>

#include "util/xml_depth.hpp"
#include "util/xml_encoding.hpp"
#include "util/xml_names.hpp"

namespace toezeg::fetch {

using nlohmann::json;

namespace {

using xml::attr_local;
using xml::child_local;
using xml::local;

bool is_nil(const pugi::xml_node& node) { return attr_local(node, "nil") == "true"; }

// The XSD's reference elements and the OData navigation each becomes.
std::string_view navigation_of(std::string_view element) {
    if (element == "activiteit") return "Activiteit";
    if (element == "isHerhalingVan") return "IsHerhalingVan";
    if (element == "isAanvullingOp") return "IsAanvullingOp";
    if (element == "isWijzigingVan") return "IsWijzigingVan";
    return "";
}

void collect(const pugi::xml_node& node, std::vector<pugi::xml_node>& out) {
    for (auto& c : node.children()) {
        if (c.type() != pugi::node_element) continue;
        if (local(c.name()) == "toezegging")
            out.push_back(c);
        else
            collect(c, out);
    }
}

// Adds a reference {"Id": ref} to the list `navigation` of the record. False when an element of
// the same name came first as a value (hostile or broken input: the two cannot both be kept).
bool add_reference(json& r, std::string_view navigation, const pugi::xml_node& node) {
    std::string ref = attr_local(node, "ref");
    if (ref.empty() || is_nil(node)) return true;
    json& list = r[std::string(navigation)];
    if (!list.is_null() && !list.is_array()) return false;
    list.push_back({{"Id", ref}});
    return true;
}

}  // namespace

bool looks_like_toezegging_xml(std::string_view bytes) {
    std::string_view head = bytes.substr(0, 4096);
    return head.find("tkData") != std::string_view::npos && bytes.find("toezegging") != std::string_view::npos &&
           (head.find("<?xml") != std::string_view::npos || head.find('<') < 8);
}

Result<std::vector<ODataRecord>> parse_toezegging_xml(std::string_view xml, const std::string& source) {
    if (!xml::readable_encoding(xml)) return fail(source, "not valid UTF-8 (and no other encoding declared); refused");
    pugi::xml_document doc;
    auto parsed = doc.load_buffer(xml.data(), xml.size());
    if (!parsed) return fail(source, std::string("not well-formed XML: ") + parsed.description());
    if (xml::depth(doc) > xml::k_max_depth)
        return fail(source, "XML nested deeper than " + std::to_string(xml::k_max_depth) + " levels; refused");
    std::vector<pugi::xml_node> nodes;
    collect(doc, nodes);
    if (nodes.empty()) return fail(source, "no <toezegging> entity in this XML");
    std::vector<ODataRecord> out;
    for (std::size_t k = 0; k < nodes.size(); ++k) {
        auto& node = nodes[k];
        std::string where = "toezegging " + std::to_string(k + 1) + " of " + std::to_string(nodes.size());
        ODataRecord rec;
        rec.id = attr_local(node, "id");
        if (!valid_record_id(rec.id)) return fail(source, where + " has no valid id: '" + rec.id.substr(0, 80) + "'");
        rec.deleted = attr_local(node, "verwijderd") == "true";
        json r = {{"Id", rec.id}, {"Verwijderd", rec.deleted}};
        if (auto when = attr_local(node, "bijgewerkt"); !when.empty()) r["GewijzigdOp"] = when;
        std::vector<std::string> letters;
        for (auto& c : node.children()) {
            if (c.type() != pugi::node_element) continue;
            std::string_view name = local(c.name());
            auto both = [&](std::string_view nav) {
                return fail(source, where + " has '" + std::string(nav) + "' both as a value and as a reference; refused");
            };
            if (auto nav = navigation_of(name); !nav.empty()) {
                if (!add_reference(r, nav, c)) return both(nav);
                continue;
            }
            if (name == "toegezegdAan") {
                for (auto& who : c.children()) {
                    std::string_view kind = local(who.name());
                    std::string_view nav = kind == "persoon"   ? "ToegezegdAanPersoon"
                                           : kind == "fractie" ? "ToegezegdAanFractie"
                                                               : "";
                    if (!nav.empty() && !add_reference(r, nav, who)) return both(nav);
                }
                continue;
            }
            std::string key(name);
            if (key.empty()) continue;
            key[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(key[0])));
            if (key == "KamerbriefNakoming") {
                if (!is_nil(c)) letters.push_back(c.text().get());
                continue;
            }
            r[key] = is_nil(c) ? json(nullptr) : json(c.text().get());
        }
        if (letters.size() == 1)
            r["KamerbriefNakoming"] = letters[0];
        else if (letters.size() > 1)
            r["KamerbriefNakoming"] = letters;
        rec.fields = std::move(r);
        out.push_back(std::move(rec));
    }
    return out;
}

}  // namespace toezeg::fetch
