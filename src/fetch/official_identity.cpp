// A document's official identity from OData Document records and SyncFeed entries.
#include "fetch/official_identity.hpp"

#include <cctype>

#include "core/date.hpp"
#include "core/official.hpp"
#include "util/json_text.hpp"
#include "util/text.hpp"

namespace toezeg::fetch {

using nlohmann::json;

namespace {

// A field as trimmed text (numbers as digits), the first present of several names.
std::string text_of(const json& r, const char* key) { return std::string(text::trim(json_text::field(r, key))); }
std::string first_of(const json& r, std::initializer_list<const char*> keys) {
    return std::string(text::trim(json_text::first_field(r, keys)));
}

// An expanded navigation: an object, or the first object of a list.
const json* expanded(const json& r, const char* key) {
    auto it = r.find(key);
    if (it == r.end()) return nullptr;
    if (it->is_object()) return &*it;
    if (it->is_array() && !it->empty() && it->front().is_object()) return &it->front();
    return nullptr;
}

bool kamerstuk_part(const std::string& s) {
    if (s.empty() || s.size() > 16) return false;
    for (char c : s)
        if (!std::isalnum(static_cast<unsigned char>(c))) return false;
    return true;
}

// "minister van Justitie en Veiligheid" -> "Justitie en Veiligheid".
std::string ministry_of(const std::string& function) {
    std::string lower = function;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* office : {"minister van ", "staatssecretaris van "})
        if (lower.starts_with(office)) return function.substr(std::string(office).size());
    return "";
}

}  // namespace

OfficialIdentity identity_of_record(const json& r) {
    OfficialIdentity id;
    if (!r.is_object()) return id;
    id.guid = text_of(r, "Id");
    id.number = first_of(r, {"DocumentNummer", "Nummer"});  // v4/2.0, v5
    id.soort = text_of(r, "Soort");
    id.title = text_of(r, "Titel");
    id.subject = text_of(r, "Onderwerp");
    id.date = iso_date_prefix(text_of(r, "Datum"));
    id.kamer = text_of(r, "Kamer");
    id.ondernummer = first_of(r, {"Volgnummer", "Ondernummer"});  // v4/2.0, v5
    if (id.ondernummer.starts_with("-")) id.ondernummer.clear();  // -1: no number (v5)
    if (auto* dossier = expanded(r, "Kamerstukdossier")) {
        std::string nummer = text_of(*dossier, "Nummer"), toevoeging = text_of(*dossier, "Toevoeging");
        if (kamerstuk_part(nummer)) id.dossier = nummer + (kamerstuk_part(toevoeging) ? "-" + toevoeging : "");
    }
    if (auto* version = expanded(r, "HuidigeDocumentVersie")) {
        std::string external = text_of(*version, "ExterneIdentifier");
        if (!ref_of_kamerstuk(external).empty()) id.publication = external;
    }
    if (id.publication.empty() && !id.dossier.empty() && kamerstuk_part(id.ondernummer))
        id.publication = "kst-" + id.dossier + "-" + id.ondernummer;
    if (auto actors = r.find("DocumentActor"); actors != r.end() && actors->is_array())
        for (auto& a : *actors) {
            if (!a.is_object() || json_text::is_true(a, "Verwijderd")) continue;
            std::string ministry = ministry_of(text_of(a, "Functie"));
            if (ministry.empty()) continue;
            id.ministry = ministry;
            id.bewindspersoon = text_of(a, "ActorNaam");
            break;
        }
    id.address = official_address(id);
    return id;
}

OfficialIdentity identity_of_feed(const FeedDocument& entry) {
    OfficialIdentity id;
    id.guid = entry.id;
    id.number = entry.number;
    id.soort = entry.soort;
    id.title = entry.title;
    id.subject = entry.subject;
    id.date = entry.date;
    id.address = official_address(id);
    return id;
}

OfficialIdentity merge_identity(OfficialIdentity base, const OfficialIdentity& better) {
    auto take = [](std::string& into, const std::string& from) {
        if (!from.empty()) into = from;
    };
    take(base.guid, better.guid);
    take(base.number, better.number);
    take(base.soort, better.soort);
    take(base.title, better.title);
    take(base.subject, better.subject);
    take(base.date, better.date);
    take(base.kamer, better.kamer);
    take(base.dossier, better.dossier);
    take(base.ondernummer, better.ondernummer);
    take(base.ministry, better.ministry);
    take(base.bewindspersoon, better.bewindspersoon);
    take(base.publication, better.publication);
    base.address = official_address(base);
    return base;
}

}  // namespace toezeg::fetch
