#include "db/register_records.hpp"

#include <nlohmann/json.hpp>

#include "db/official_people.hpp"

namespace toezeg::db {

using nlohmann::json;

namespace {

std::string status_word(const std::optional<Status>& s) { return s ? std::string(to_string(*s)) : ""; }

// The one wire format of a RegisterRecord in the index.
json to_json(const RegisterRecord& r) {
    json history = json::array();
    for (auto& e : r.history)
        history.push_back({{"date", e.date},
                           {"status", status_word(e.status)},
                           {"status_text", e.status_text},
                           {"due", e.due},
                           {"what", e.what},
                           {"occasion", e.occasion},
                           {"source", e.source}});
    return {{"chamber", to_string(r.chamber)},
            {"id", r.id},
            {"number", r.number},
            {"title", r.title},
            {"text", r.text},
            {"status", status_word(r.status)},
            {"status_text", r.status_text},
            {"made_on", r.made_on},
            {"due", r.due},
            {"minister", r.minister},
            {"person", r.person},
            {"ministry", r.ministry},
            {"members", r.members},
            {"party", r.party},
            {"committee", r.committee},
            {"activity", r.activity},
            {"activity_number", r.activity_number},
            {"activity_id", r.activity_id},
            {"activity_kind", r.activity_kind},
            {"activity_subject", r.activity_subject},
            {"member_ids", r.member_ids},
            {"party_id", r.party_id},
            {"letter", r.letter},
            {"kamerstukken", r.kamerstukken},
            {"relations", r.relations},
            {"history", history},
            {"source", r.source}};
}

RegisterRecord from_json(const json& j) {
    RegisterRecord r;
    r.chamber = j.value("chamber", "tk") == "ek" ? Chamber::ek : Chamber::tk;
    r.id = j.value("id", "");
    r.number = j.value("number", "");
    r.title = j.value("title", "");
    r.text = j.value("text", "");
    r.status = parse_status(j.value("status", ""));
    r.status_text = j.value("status_text", "");
    r.made_on = j.value("made_on", "");
    r.due = j.value("due", "");
    r.minister = j.value("minister", "");
    r.person = j.value("person", "");
    r.ministry = j.value("ministry", "");
    r.members = j.value("members", std::vector<std::string>{});
    r.party = j.value("party", "");
    r.committee = j.value("committee", "");
    r.activity = j.value("activity", "");
    r.activity_number = j.value("activity_number", "");
    r.activity_id = j.value("activity_id", "");
    r.activity_kind = j.value("activity_kind", "");
    r.activity_subject = j.value("activity_subject", "");
    r.member_ids = j.value("member_ids", std::vector<std::string>{});
    r.party_id = j.value("party_id", "");
    r.letter = j.value("letter", "");
    r.kamerstukken = j.value("kamerstukken", std::vector<std::string>{});
    r.relations = j.value("relations", std::vector<std::string>{});
    if (auto h = j.find("history"); h != j.end() && h->is_array())
        for (auto& e : *h)
            r.history.push_back(RegisterEvent{e.value("date", ""), parse_status(e.value("status", "")),
                                              e.value("status_text", ""), e.value("due", ""), e.value("what", ""),
                                              e.value("occasion", ""), e.value("source", "")});
    r.source = j.value("source", "");
    return r;
}

}  // namespace

void put_register_record(Database& db, const RegisterRecord& r) {
    db.prepare(R"(INSERT OR REPLACE INTO register_records(chamber, id, number, status, due, record)
                  VALUES (?1, ?2, ?3, ?4, ?5, ?6))")
        .bind(1, to_string(r.chamber))
        .bind(2, r.id)
        .bind(3, r.number)
        .bind(4, status_word(r.status))
        .bind(5, r.due)
        .bind(6, to_json(r).dump())
        .run();
}

void remove_register_record(Database& db, Chamber chamber, const std::string& id) {
    db.prepare("DELETE FROM register_records WHERE chamber = ?1 AND id = ?2")
        .bind(1, to_string(chamber))
        .bind(2, id)
        .run();
}

void clear_register_records(Database& db) { db.exec("DELETE FROM register_records;"); }

std::vector<RegisterRecord> load_register_records(Database& db) {
    std::vector<RegisterRecord> out;
    auto st = db.prepare("SELECT record FROM register_records ORDER BY chamber, number, id");
    while (st.step()) {
        json j = json::parse(st.text(0), nullptr, false);
        if (j.is_object()) out.push_back(from_json(j));
    }
    // What a record names only by reference is read from the records indexed now, so the order in
    // which Toezegging, Activiteit, Persoon and Fractie records arrived does not matter.
    for (auto& r : out) resolve_register_references(db, r);
    return out;
}

void replace_register_joins(Database& db, const std::vector<RegisterJoin>& joins) {
    Transaction tx(db);
    db.exec("DELETE FROM register_joins;");
    for (auto& j : joins)
        db.prepare(R"(INSERT OR REPLACE INTO register_joins(chamber, id, item_id, score, reasons, by_hand)
                      VALUES (?1, ?2, ?3, ?4, ?5, ?6))")
            .bind(1, to_string(j.chamber))
            .bind(2, j.id)
            .bind(3, j.item_id)
            .bind(4, j.score)
            .bind(5, json(j.reasons).dump())
            .bind(6, j.by_hand ? 1 : 0)
            .run();
    tx.commit();
}

std::vector<RegisterJoin> load_register_joins(Database& db) {
    std::vector<RegisterJoin> out;
    auto st =
        db.prepare("SELECT chamber, id, item_id, score, reasons, by_hand FROM register_joins ORDER BY chamber, id");
    while (st.step()) {
        RegisterJoin j;
        j.chamber = st.text(0) == "ek" ? Chamber::ek : Chamber::tk;
        j.id = st.text(1);
        j.item_id = st.text(2);
        j.score = st.real(3);
        json reasons = json::parse(st.text(4), nullptr, false);
        if (reasons.is_array())
            for (auto& r : reasons)
                if (r.is_string()) j.reasons.push_back(r.get<std::string>());
        j.by_hand = st.integer(5) != 0;
        out.push_back(std::move(j));
    }
    return out;
}

}  // namespace toezeg::db

namespace toezeg::db {

std::vector<std::pair<std::string, std::string>> texts_naming_register_numbers(Database& db) {
    std::vector<std::pair<std::string, std::string>> out;
    auto st = db.prepare(
        R"(SELECT v.doc_id, v.text FROM text_search t JOIN versions v ON v.rowid = t.rowid
           WHERE text_search MATCH 't0* OR t1* OR t2* OR t3* OR t4* OR t5* OR t6* OR t7* OR t8* OR t9* OR tz*'
             AND v.version = (SELECT max(version) FROM versions WHERE doc_id = v.doc_id)
           ORDER BY v.doc_id)");
    while (st.step()) out.emplace_back(st.text(0), st.text(1));
    return out;
}

bool has_register_data(Database& db) {
    auto st = db.prepare("SELECT EXISTS (SELECT 1 FROM register_records) OR EXISTS (SELECT 1 FROM register_joins)");
    return st.step() && st.integer(0) != 0;
}

}  // namespace toezeg::db
