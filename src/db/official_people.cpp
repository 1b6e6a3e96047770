#include "db/official_people.hpp"

#include "core/date.hpp"
#include "ingest/register_records.hpp"
#include "util/json_text.hpp"

namespace toezeg::db {

using json_text::field;
using json_text::first_field;
using nlohmann::json;

namespace {

// A DateTimeOffset as its ISO date (the date the API writes, in its own Dutch offset); the
// API's "no date" (0001-01-01) is none.
std::string date_of(const json& r, const char* key) {
    std::string value = field(r, key);
    return value.starts_with("0001-") ? "" : iso_date_prefix(value);
}

}  // namespace

bool people_entity(const std::string& entity) {
    return entity == "Activiteit" || entity == "Persoon" || entity == "Fractie";
}

void remove_people_record(Database& db, const std::string& entity, const std::string& id) {
    if (entity == "Activiteit") db.prepare("DELETE FROM official_activiteit WHERE id = ?1").bind(1, id).run();
    if (entity == "Persoon") db.prepare("DELETE FROM official_persoon WHERE id = ?1").bind(1, id).run();
    if (entity == "Fractie") db.prepare("DELETE FROM official_fractie WHERE id = ?1").bind(1, id).run();
}

void put_people_record(Database& db, const std::string& entity, const std::string& id, const json& r) {
    remove_people_record(db, entity, id);
    if (json_text::is_true(r, "Verwijderd")) return;
    if (entity == "Activiteit") {
        db.prepare(R"(INSERT INTO official_activiteit(id, nummer, soort, onderwerp, datum, commissie, gewijzigd_op)
                      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7))")
            .bind(1, id)
            .bind(2, field(r, "Nummer"))
            .bind(3, field(r, "Soort"))
            .bind(4, field(r, "Onderwerp"))
            .bind(5, date_of(r, "Datum"))
            .bind(6, first_field(r, {"Voortouwnaam", "VoortouwCommissieNaam"}))
            .bind(7, field(r, "GewijzigdOp"))
            .run();
    } else if (entity == "Persoon") {
        db.prepare(R"(INSERT INTO official_persoon(id, name, roepnaam, functie, fractie, gewijzigd_op)
                      VALUES (?1, ?2, ?3, ?4, ?5, ?6))")
            .bind(1, id)
            .bind(2, ingest::person_name(r))
            .bind(3, field(r, "Roepnaam"))
            .bind(4, field(r, "Functie"))
            .bind(5, field(r, "Fractielabel"))
            .bind(6, field(r, "GewijzigdOp"))
            .run();
    } else if (entity == "Fractie") {
        auto zetels = r.find("AantalZetels");
        db.prepare(R"(INSERT INTO official_fractie(id, afkorting, naam, zetels, datum_actief, datum_inactief,
                                                   gewijzigd_op) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7))")
            .bind(1, id)
            .bind(2, field(r, "Afkorting"))
            .bind(3, field(r, "NaamNL"))
            .bind(4, zetels != r.end() && zetels->is_number_integer() ? zetels->get<std::int64_t>() : 0)
            .bind(5, date_of(r, "DatumActief"))
            .bind(6, date_of(r, "DatumInactief"))
            .bind(7, field(r, "GewijzigdOp"))
            .run();
    }
}

void clear_people_records(Database& db) {
    db.exec("DELETE FROM official_activiteit; DELETE FROM official_persoon; DELETE FROM official_fractie;");
}

std::size_t count_people_records(Database& db, const std::string& entity) {
    const char* sql = entity == "Activiteit" ? "SELECT count(*) FROM official_activiteit"
                      : entity == "Persoon"  ? "SELECT count(*) FROM official_persoon"
                      : entity == "Fractie"  ? "SELECT count(*) FROM official_fractie"
                                             : nullptr;
    if (!sql) return 0;
    auto st = db.prepare(sql);
    st.step();
    return static_cast<std::size_t>(st.integer(0));
}

void resolve_register_references(Database& db, RegisterRecord& r) {
    if (r.chamber != Chamber::tk) return;
    if (r.activity_kind.empty() && r.activity_subject.empty() &&
        (!r.activity_number.empty() || !r.activity_id.empty())) {
        // By Id when the record names it, else by number (the latest record of that number).
        auto st = db.prepare(R"(SELECT nummer, soort, onderwerp, datum, commissie FROM official_activiteit
                                WHERE (?1 <> '' AND id = ?1) OR (?1 = '' AND ?2 <> '' AND nummer = ?2)
                                ORDER BY gewijzigd_op DESC LIMIT 1)");
        st.bind(1, r.activity_id).bind(2, r.activity_number);
        if (st.step()) {
            if (r.activity_number.empty()) r.activity_number = st.text(0);
            r.activity_kind = st.text(1);
            r.activity_subject = st.text(2);
            if (r.made_on.empty()) r.made_on = st.text(3);
            if (r.committee.empty()) r.committee = st.text(4);
            ingest::set_activity_text(r);
        }
    }
    if (!r.party_id.empty()) {
        auto st = db.prepare("SELECT afkorting, naam FROM official_fractie WHERE id = ?1");
        st.bind(1, r.party_id);
        if (st.step()) {
            r.party = st.text(0).empty() ? st.text(1) : st.text(0);
            r.party_id.clear();
        }
    }
    std::vector<std::string> unresolved;
    for (auto& id : r.member_ids) {
        auto st = db.prepare("SELECT name, fractie FROM official_persoon WHERE id = ?1");
        st.bind(1, id);
        if (!st.step() || st.text(0).empty()) {
            unresolved.push_back(id);
            continue;
        }
        r.members.push_back(st.text(0));
        if (r.party.empty() && r.party_id.empty()) r.party = st.text(1);
    }
    r.member_ids = std::move(unresolved);
}

}  // namespace toezeg::db
