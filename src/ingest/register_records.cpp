#include "ingest/register_records.hpp"

#include <algorithm>

#include "core/date.hpp"
#include "util/text.hpp"

namespace toezeg::ingest {

using nlohmann::json;

namespace {

std::string str(const json& r, const char* key) {
    auto it = r.find(key);
    if (it == r.end() || it->is_null()) return "";
    if (it->is_string()) return it->get<std::string>();
    if (it->is_array()) {
        std::vector<std::string> parts;
        for (auto& v : *it)
            if (v.is_string()) parts.push_back(v.get<std::string>());
        return text::join(parts, "; ");
    }
    return it->dump();
}

std::vector<std::string> list(const json& r, const char* key) {
    std::vector<std::string> out;
    auto it = r.find(key);
    if (it == r.end() || it->is_null()) return out;
    if (it->is_string()) out.push_back(it->get<std::string>());
    if (it->is_array())
        for (auto& v : *it)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

// An OData navigation: a collection (v4 $metadata says Collection(...)) or one object.
std::vector<json> navigation(const json& r, const char* key) {
    std::vector<json> out;
    auto it = r.find(key);
    if (it == r.end()) return out;
    if (it->is_object()) out.push_back(*it);
    if (it->is_array())
        for (auto& v : *it)
            if (v.is_object()) out.push_back(v);
    return out;
}

// DateTimeOffset to ISO date; the API's "no date" (0001-01-01) is none.
std::string date_of(const std::string& value) {
    if (value.starts_with("0001-")) return "";
    return iso_date_prefix(value);
}

}  // namespace

std::string person_name(const json& p) {
    std::vector<std::string> parts;
    for (auto key : {"Initialen", "Tussenvoegsel", "Achternaam"})
        if (auto v = str(p, key); !v.empty()) parts.push_back(v);
    return text::join(parts, " ");
}

std::string fractie_name(const json& f) {
    auto name = str(f, "Afkorting");
    return name.empty() ? str(f, "NaamNL") : name;
}

void set_activity_text(RegisterRecord& record) {
    if (record.activity_kind.empty() && record.activity_subject.empty()) return;
    record.activity = record.activity_kind;
    if (!record.activity_subject.empty())
        record.activity += (record.activity.empty() ? "" : ": ") + record.activity_subject;
}

RegisterRecord register_from_tk(const json& r) {
    RegisterRecord out;
    out.chamber = Chamber::tk;
    out.id = str(r, "Id");
    out.number = str(r, "Nummer");
    out.text = str(r, "Tekst");
    out.status_text = str(r, "Status");
    out.status = parse_register_status(out.status_text);
    out.due = date_of(str(r, "DatumNakoming"));
    out.minister = str(r, "Functie");
    out.person = str(r, "Naam");
    if (out.person.empty()) out.person = person_name(r);
    out.ministry = str(r, "Ministerie");
    out.letter = str(r, "KamerbriefNakoming");
    out.activity_number = str(r, "ActiviteitNummer");
    for (auto& a : navigation(r, "Activiteit")) {
        if (out.activity_id.empty()) out.activity_id = str(a, "Id");
        if (out.activity_kind.empty() && out.activity_subject.empty()) {
            out.activity_kind = str(a, "Soort");
            out.activity_subject = str(a, "Onderwerp");
        }
        if (out.made_on.empty()) out.made_on = date_of(str(a, "Datum"));
        if (out.activity_number.empty()) out.activity_number = str(a, "Nummer");
    }
    set_activity_text(out);
    // A reference without the person's or fractie's fields (the SyncFeed's toegezegdAan) keeps
    // its Id, resolved to a name by the index when the Persoon or Fractie record is there.
    for (auto& p : navigation(r, "ToegezegdAanPersoon")) {
        if (auto name = person_name(p); !name.empty())
            out.members.push_back(name);
        else if (auto id = str(p, "Id"); !id.empty())
            out.member_ids.push_back(id);
    }
    for (auto& f : navigation(r, "ToegezegdAanFractie")) {
        auto name = fractie_name(f);
        if (!name.empty())
            out.party = name;
        else if (auto id = str(f, "Id"); !id.empty())
            out.party_id = id;
    }
    for (auto key : {"IsHerhalingVan", "IsWijzigingVan", "IsAanvullingOp"})
        for (auto& other : navigation(r, key)) {
            auto name = str(other, "Nummer");
            if (name.empty()) name = str(other, "Id");
            if (!name.empty()) out.relations.push_back(std::string(key) + " " + name);
        }
    out.source = "Tweede Kamer open data, Toezegging " + out.id;
    return out;
}

RegisterRecord register_from_ek(const json& r) {
    RegisterRecord out;
    out.chamber = Chamber::ek;
    out.id = str(r, "Id");
    out.number = str(r, "Nummer");
    if (out.number.empty()) out.number = out.id;
    out.title = str(r, "Titel");
    out.text = str(r, "Tekst");
    out.status_text = str(r, "Status");
    out.status = parse_register_status(out.status_text);
    out.made_on = iso_of_dutch_date(str(r, "Datum toezegging"));
    out.due = iso_of_dutch_date(str(r, "Deadline"));
    auto responsible = list(r, "Huidige Verantwoordelijke(n)");
    if (responsible.empty()) responsible = list(r, "Verantwoordelijke(n)");
    out.minister = text::join(responsible, "; ");
    out.members = list(r, "Kamerleden");
    out.committee = str(r, "Commissie");
    out.activity = str(r, "Soort activiteit");
    out.kamerstukken = list(r, "Kamerstukken");
    out.source = str(r, "_bron");
    if (auto h = r.find("Historie"); h != r.end() && h->is_array())
        for (auto& e : *h) {
            RegisterEvent ev;
            ev.date = str(e, "datum");
            ev.status_text = str(e, "status");
            ev.status = parse_register_status(ev.status_text);
            ev.due = str(e, "deadline");
            ev.what = str(e, "besluit");
            ev.occasion = str(e, "aanleiding");
            ev.source = str(e, "bron");
            out.history.push_back(std::move(ev));
        }
    // Known only from committee decisions: the latest decision says the status and deadline.
    for (auto it = out.history.rbegin(); out.status_text.empty() && it != out.history.rend(); ++it)
        if (it->status) {
            out.status = it->status;
            out.status_text = it->status_text;
        }
    if (str(r, "Deadline").empty())
        for (auto& ev : out.history)
            if (!ev.due.empty()) out.due = ev.due;
    if (auto h = r.find("Historie"); out.committee.empty() && h != r.end() && h->is_array())
        for (auto& e : *h)
            if (auto c = str(e, "commissie"); !c.empty()) out.committee = c;
    return out;
}

bool add_ek_decision(json& record, const EkDecision& d) {
    json e = {{"datum", d.event.date},   {"status", d.event.status_text},  {"deadline", d.event.due},
              {"besluit", d.event.what}, {"aanleiding", d.event.occasion}, {"commissie", d.committee},
              {"bron", d.event.source}};
    auto& h = record["Historie"];
    if (!h.is_array()) h = json::array();
    for (auto& old : h)
        if (old.value("datum", "") == d.event.date && old.value("besluit", "") == d.event.what) return false;
    h.push_back(std::move(e));
    std::stable_sort(h.begin(), h.end(),
                     [](const json& a, const json& b) { return a.value("datum", "") < b.value("datum", ""); });
    return true;
}

void keep_ek_history(json& record, const json& stored) {
    auto h = stored.find("Historie");
    if (h != stored.end() && h->is_array()) record["Historie"] = *h;
}

}  // namespace toezeg::ingest
