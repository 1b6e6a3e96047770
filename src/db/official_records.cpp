#include "db/official_records.hpp"

#include <re2/re2.h>

#include <map>

#include "db/official_people.hpp"
#include "db/register_records.hpp"
#include "ingest/register_records.hpp"
#include "util/json_text.hpp"

namespace toezeg::db {

using nlohmann::json;

namespace {

using json_text::field;
using json_text::first_field;

// The Zaak ids a record hangs on: the field Zaak_Id (one id or a list; added where the
// records were read through an expansion), else the expanded navigation Zaak ($expand=Zaak).
std::vector<std::string> zaak_ids(const json& r) {
    std::vector<std::string> out;
    auto take = [&](const json& v) {
        if (v.is_string()) out.push_back(v.get<std::string>());
        if (v.is_object() && v.contains("Id") && v["Id"].is_string()) out.push_back(v["Id"].get<std::string>());
    };
    for (const char* key : {"Zaak_Id", "Zaak"}) {
        auto z = r.find(key);
        if (z == r.end()) continue;
        if (z->is_array())
            for (auto& x : *z) take(x);
        else
            take(*z);
        if (!out.empty()) break;
    }
    return out;
}

std::int64_t integer_of(const json& record, const char* key) {
    auto it = record.find(key);
    return it != record.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

// "... (t.v.v. 36410-X-29)" -> "kst-36410-X-29".
std::string replaced_kamerstuk(const std::string& onderwerp) {
    static const RE2 k_tvv(R"(\(t\.v\.v\.\s*([0-9]{4,6}(?:-[0-9A-Za-z]{1,6})*-[0-9]{1,5})\)\s*$)");
    std::string ref;
    if (RE2::PartialMatch(onderwerp, k_tvv, &ref)) return "kst-" + ref;
    return "";
}

}  // namespace

bool indexed_entity(const std::string& entity) {
    return entity == "Zaak" || entity == "Document" || entity == "Besluit" || entity == "Stemming" ||
           entity == ingest::k_tk_register_entity || entity == ingest::k_ek_register_entity || people_entity(entity);
}

void remove_official_record(Database& db, const std::string& entity, const std::string& id) {
    if (entity == "Zaak") db.prepare("DELETE FROM official_zaak WHERE id = ?1").bind(1, id).run();
    if (entity == "Document") {
        db.prepare("DELETE FROM official_document WHERE id = ?1").bind(1, id).run();
        db.prepare("DELETE FROM official_publication WHERE document_id = ?1").bind(1, id).run();
    }
    if (entity == "Besluit") {
        db.prepare("DELETE FROM official_besluit WHERE id = ?1").bind(1, id).run();
        db.prepare("DELETE FROM official_besluit_zaak WHERE besluit_id = ?1").bind(1, id).run();
    }
    if (entity == "Stemming") db.prepare("DELETE FROM official_stemming WHERE id = ?1").bind(1, id).run();
    if (entity == ingest::k_tk_register_entity) remove_register_record(db, Chamber::tk, id);
    if (entity == ingest::k_ek_register_entity) remove_register_record(db, Chamber::ek, id);
    if (people_entity(entity)) remove_people_record(db, entity, id);
}

void put_official_record(Database& db, const std::string& entity, const std::string& id, const json& r) {
    if (people_entity(entity)) return put_people_record(db, entity, id, r);
    // A Zaak or Stemming is one row, replaced by its INSERT OR REPLACE: no DELETE first.
    bool one_row = entity == "Zaak" || entity == "Stemming";
    bool deleted = json_text::is_true(r, "Verwijderd");
    if (!one_row || deleted) remove_official_record(db, entity, id);
    if (deleted) return;
    if (entity == ingest::k_tk_register_entity) return put_register_record(db, ingest::register_from_tk(r));
    if (entity == ingest::k_ek_register_entity) return put_register_record(db, ingest::register_from_ek(r));
    if (entity == "Zaak") {
        std::string onderwerp = field(r, "Onderwerp");
        db.prepare(
              R"(INSERT OR REPLACE INTO official_zaak(id, nummer, soort, onderwerp, kabinetsappreciatie, replaces, gewijzigd_op)
                      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7))")
            .bind(1, id)
            .bind(2, field(r, "Nummer"))
            .bind(3, field(r, "Soort"))
            .bind(4, onderwerp)
            .bind(5, field(r, "Kabinetsappreciatie"))
            .bind(6, replaced_kamerstuk(onderwerp))
            .bind(7, field(r, "GewijzigdOp"))
            .run();
    } else if (entity == "Document") {
        json version = r.contains("HuidigeDocumentVersie") && r["HuidigeDocumentVersie"].is_object()
                           ? r["HuidigeDocumentVersie"]
                           : json::object();
        db.prepare(R"(INSERT INTO official_document(id, zaak_id, nummer, soort, datum, kamerstuk, gewijzigd_op)
                      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7))")
            .bind(1, id)
            .bind(2, zaak_ids(r).empty() ? std::string() : zaak_ids(r).front())
            .bind(3, first_field(r, {"DocumentNummer", "Nummer"}))
            .bind(4, field(r, "Soort"))
            .bind(5, field(r, "Datum").substr(0, 10))
            .bind(6, field(version, "ExterneIdentifier"))
            .bind(7, field(r, "GewijzigdOp"))
            .run();
        if (auto pubs = version.find("DocumentPublicatie"); pubs != version.end() && pubs->is_array())
            for (auto& p : *pubs) {
                if (!p.is_object() || field(p, "Id").empty() || json_text::is_true(p, "Verwijderd")) continue;
                db.prepare(
                      R"(INSERT OR REPLACE INTO official_publication(id, document_id, identifier, document_type, url)
                              VALUES (?1, ?2, ?3, ?4, ?5))")
                    .bind(1, field(p, "Id"))
                    .bind(2, id)
                    .bind(3, field(p, "Identifier"))
                    .bind(4, field(p, "DocumentType"))
                    .bind(5, field(p, "Url"))
                    .run();
            }
    } else if (entity == "Besluit") {
        db.prepare(
              R"(INSERT INTO official_besluit(id, soort, tekst, stemmings_soort, status, agendapunt_id, gewijzigd_op)
                      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7))")
            .bind(1, id)
            .bind(2, field(r, "BesluitSoort"))
            .bind(3, field(r, "BesluitTekst"))
            .bind(4, field(r, "StemmingsSoort"))
            .bind(5, field(r, "Status"))
            .bind(6, field(r, "Agendapunt_Id"))
            .bind(7, field(r, "GewijzigdOp"))
            .run();
        for (auto& z : zaak_ids(r))
            db.prepare("INSERT OR IGNORE INTO official_besluit_zaak(besluit_id, zaak_id) VALUES (?1, ?2)")
                .bind(1, id)
                .bind(2, z)
                .run();
    } else if (entity == "Stemming") {
        db.prepare(
              R"(INSERT OR REPLACE INTO official_stemming(id, besluit_id, soort, fractie, fractie_grootte, vergissing, gewijzigd_op,
                                               persoon_id, actor)
                      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9))")
            .bind(1, id)
            .bind(2, field(r, "Besluit_Id"))
            .bind(3, field(r, "Soort"))
            .bind(4, first_field(r, {"ActorFractie", "FractieNaam", "ActorNaam"}))
            .bind(5, integer_of(r, "FractieGrootte"))
            .bind(6, json_text::is_true(r, "Vergissing") ? 1 : 0)
            .bind(7, field(r, "GewijzigdOp"))
            .bind(8, field(r, "Persoon_Id"))
            .bind(9, field(r, "ActorNaam"))
            .run();
    }
}

void clear_official_records(Database& db) {
    db.exec(
        "DELETE FROM official_zaak; DELETE FROM official_document; DELETE FROM official_publication; "
        "DELETE FROM official_besluit; DELETE FROM official_besluit_zaak; DELETE FROM official_stemming;");
    clear_register_records(db);
    clear_people_records(db);
}

std::size_t count_official_records(Database& db, const std::string& entity) {
    static const std::map<std::string, std::string> k_tables = {{"Zaak", "official_zaak"},
                                                                {"Document", "official_document"},
                                                                {"Besluit", "official_besluit"},
                                                                {"Stemming", "official_stemming"}};
    if (people_entity(entity)) return count_people_records(db, entity);
    auto it = k_tables.find(entity);
    if (it == k_tables.end()) return 0;
    auto st = db.prepare("SELECT count(*) FROM " + it->second);
    st.step();
    return static_cast<std::size_t>(st.integer(0));
}

std::vector<track::MotionRecords> load_motion_records(Database& db) {
    std::map<std::string, track::MotionRecords> by_zaak;  // by Zaak id
    std::map<std::string, std::string> replaces;          // Zaak id -> the Kamerstuk it replaces
    auto zaken = db.prepare(
        "SELECT id, nummer, onderwerp, kabinetsappreciatie, replaces FROM official_zaak WHERE soort LIKE 'Motie%'");
    while (zaken.step()) {
        auto& m = by_zaak[zaken.text(0)];
        m.zaak_nummer = zaken.text(1);
        m.onderwerp = zaken.text(2);
        m.kabinetsappreciatie = zaken.text(3);
        if (!zaken.text(4).empty()) replaces[zaken.text(0)] = zaken.text(4);
    }
    std::map<std::string, std::string> date_of;  // Zaak id -> its earliest document date
    auto docs =
        db.prepare("SELECT zaak_id, kamerstuk, datum FROM official_document WHERE kamerstuk <> '' ORDER BY datum, id");
    while (docs.step()) {
        auto it = by_zaak.find(docs.text(0));
        if (it == by_zaak.end()) continue;
        it->second.kamerstukken.push_back(docs.text(1));
        date_of.emplace(docs.text(0), docs.text(2));
    }
    auto pubs = db.prepare(
        R"(SELECT d.zaak_id, p.id FROM official_publication p JOIN official_document d ON d.id = p.document_id
                              ORDER BY p.id)");
    while (pubs.step())
        if (auto it = by_zaak.find(pubs.text(0)); it != by_zaak.end()) it->second.publications.push_back(pubs.text(1));
    std::map<std::string, std::vector<track::StemmingRecord>> votes;
    auto st = db.prepare(
        "SELECT besluit_id, soort, fractie, fractie_grootte, gewijzigd_op, persoon_id, actor FROM official_stemming "
        "ORDER BY id");
    while (st.step())
        votes[st.text(0)].push_back(track::StemmingRecord{st.text(1), st.text(2), st.text(4), st.text(5), st.text(6),
                                                          static_cast<int>(st.integer(3))});
    auto besluiten = db.prepare(R"(SELECT bz.zaak_id, b.id, b.soort, b.tekst, b.gewijzigd_op
                                   FROM official_besluit_zaak bz JOIN official_besluit b ON b.id = bz.besluit_id ORDER BY b.id)");
    while (besluiten.step()) {
        auto it = by_zaak.find(besluiten.text(0));
        if (it == by_zaak.end()) continue;
        track::BesluitRecord b{besluiten.text(1), besluiten.text(2), besluiten.text(3), besluiten.text(4), {}};
        if (auto v = votes.find(b.id); v != votes.end()) b.votes = v->second;
        it->second.besluiten.push_back(std::move(b));
    }
    // A gewijzigde motie names the Kamerstuk it replaces; link it as that motion's successor.
    std::map<std::string, std::string> zaak_of_kamerstuk;
    for (auto& [id, m] : by_zaak)
        for (auto& k : m.kamerstukken) zaak_of_kamerstuk.emplace(k, id);
    for (auto& [successor_id, replaced] : replaces) {
        auto original = zaak_of_kamerstuk.find(replaced);
        if (original == zaak_of_kamerstuk.end() || original->second == successor_id) continue;
        auto& s = by_zaak[successor_id];
        auto& o = by_zaak[original->second];
        o.successor = s.kamerstukken.empty() ? s.zaak_nummer : s.kamerstukken.front();
        o.successor_zaak = s.zaak_nummer;
        o.successor_date = date_of[successor_id];
    }
    std::vector<track::MotionRecords> out;
    for (auto& [id, m] : by_zaak) out.push_back(std::move(m));
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.zaak_nummer < b.zaak_nummer; });
    return out;
}

}  // namespace toezeg::db
