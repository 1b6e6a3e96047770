#include "db/tracked_items.hpp"

#include <nlohmann/json.hpp>

#include "track/fate.hpp"

namespace toezeg::db {

using nlohmann::json;

namespace {

json events_json(const track::TrackedItem& t) {
    json out = json::array();
    for (auto& e : t.events)
        out.push_back({{"date", e.date}, {"type", e.type}, {"doc", e.doc}, {"version", e.version}, {"evidence", e.evidence},
                       {"span", json::array({e.span.begin, e.span.end})}, {"confidence", e.confidence}, {"detection", e.detection}, {"due", e.due},
                       {"due_before", e.due_before}});
    return out;
}

json matches_json(const track::TrackedItem& t) {
    json out = json::array();
    for (auto& p : t.possible_matches) out.push_back({{"id", p.id}, {"score", p.score}, {"reason", p.reason}});
    return out;
}

constexpr const char* k_columns =
    "id, kind, status, member, members, party, actor, subject, made_on, made_in, due, due_text, ref, dossier, events, "
    "possible_matches, confidence, review, fate";

track::TrackedItem read_row(Statement& st) {
    track::TrackedItem t;
    t.id = st.text(0);
    t.kind = parse_kind(st.text(1)).value_or(Kind::commitment);
    t.status = parse_status(st.text(2)).value_or(Status::open);
    t.member = st.text(3);
    t.members = json::parse(st.text(4)).get<std::vector<std::string>>();
    t.party = st.text(5);
    t.actor = st.text(6);
    t.subject = st.text(7);
    t.made_on = st.text(8);
    t.made_in = st.text(9);
    t.due = st.text(10);
    t.due_text = st.text(11);
    t.ref = st.text(12);
    t.dossier = st.text(13);
    for (auto& e : json::parse(st.text(14))) {
        track::Event ev;
        ev.date = e.value("date", "");
        ev.type = e.value("type", "");
        ev.doc = e.value("doc", "");
        ev.version = e.value("version", 0);
        ev.evidence = e.value("evidence", "");
        auto span = e.value("span", json::array({0, 0}));
        ev.span = Span{span.at(0).get<std::size_t>(), span.at(1).get<std::size_t>()};
        ev.confidence = e.value("confidence", 1.0);
        ev.detection = e.value("detection", 1.0);
        ev.due = e.value("due", "");
        ev.due_before = e.value("due_before", "");
        t.events.push_back(std::move(ev));
    }
    for (auto& p : json::parse(st.text(15)))
        t.possible_matches.push_back({p.value("id", ""), p.value("score", 0.0), p.value("reason", "")});
    t.confidence = st.real(16);
    t.review = st.text(17);
    if (std::string fate = st.text(18); !fate.empty()) t.fate = track::fate_from_json(json::parse(fate, nullptr, false));
    return t;
}

}  // namespace

void replace_tracked_items(Database& db, const std::vector<track::TrackedItem>& items) {
    Transaction tx(db);
    db.exec("DELETE FROM tracked_items");
    auto st = db.prepare(R"(INSERT INTO tracked_items(id, kind, status, member, members, party, actor, subject, made_on,
                              made_in, due, due_text, ref, dossier, first_date, last_date, events, possible_matches,
                              confidence, review, fate)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
                                    ?21))");
    for (auto& t : items) {
        st.bind(1, t.id).bind(2, to_string(t.kind)).bind(3, to_string(t.status)).bind(4, t.member)
            .bind(5, json(t.members).dump()).bind(6, t.party).bind(7, t.actor).bind(8, t.subject).bind(9, t.made_on)
            .bind(10, t.made_in).bind(11, t.due).bind(12, t.due_text).bind(13, t.ref).bind(14, t.dossier)
            .bind(15, t.first_date()).bind(16, t.last_date()).bind(17, events_json(t).dump()).bind(18, matches_json(t).dump())
            .bind(19, t.confidence).bind(20, t.review)
            .bind(21, t.fate ? track::fate_to_json(*t.fate).dump() : std::string());
        st.run();
    }
    tx.commit();
}

namespace {

std::string where_clause(const TrackedQuery& q) {
    std::string sql = " WHERE 1=1";
    if (q.status) sql += " AND status = ?1";
    if (q.kind) sql += " AND kind = ?2";
    if (q.overdue_only) sql += " AND status = 'open' AND due <> '' AND due < ?3";
    if (!q.member.empty()) sql += " AND lower(members) LIKE '%' || lower(?4) || '%'";
    if (!q.actor.empty()) sql += " AND lower(actor) LIKE '%' || lower(?5) || '%'";
    if (!q.dossier.empty()) sql += " AND (replace(dossier, ' ', '') = ?6 OR replace(ref, ' ', '') LIKE ?6 || '%')";
    if (!q.since.empty()) sql += " AND last_date >= ?7";
    return sql + " ORDER BY first_date, id";
}

void bind_query(Statement& st, const TrackedQuery& q) {
    if (q.status) st.bind(1, to_string(*q.status));
    if (q.kind) st.bind(2, to_string(*q.kind));
    if (q.overdue_only) st.bind(3, q.as_of);
    if (!q.member.empty()) st.bind(4, q.member);
    if (!q.actor.empty()) st.bind(5, q.actor);
    if (!q.dossier.empty()) {
        std::string digits;
        for (char c : q.dossier)
            if (c != ' ') digits.push_back(c);
        st.bind(6, digits);
    }
    if (!q.since.empty()) st.bind(7, q.since);
}

}  // namespace

std::vector<track::TrackedItem> load_tracked_items(Database& db, const TrackedQuery& q) {
    auto st = db.prepare(std::string("SELECT ") + k_columns + " FROM tracked_items" + where_clause(q));
    bind_query(st, q);
    std::vector<track::TrackedItem> out;
    while (st.step()) out.push_back(read_row(st));
    return out;
}

std::vector<TrackedSummary> load_tracked_summaries(Database& db, const TrackedQuery& q) {
    auto st = db.prepare(
        "SELECT id, kind, status, member, members, actor, subject, made_on, due, due_text, ref, "
        "json_extract(events, '$[#-1].date'), json_extract(events, '$[#-1].type'), json_extract(events, '$[#-1].doc'), "
        "json_extract(events, '$[#-1].evidence'), possible_matches <> '[]', "
        "status = 'open' AND due <> '' AND due < ?8, "
        "CASE WHEN fate <> '' THEN json_extract(fate, '$.summary') ELSE '' END, printf('%.2f', confidence), review "
        "FROM tracked_items" +
        where_clause(q));
    bind_query(st, q);
    st.bind(8, q.as_of);
    std::vector<TrackedSummary> out;
    while (st.step()) {
        TrackedSummary t{st.text(0), st.text(1), st.text(2),  st.text(3),  st.text(4),  st.text(5),
                         st.text(6), st.text(7), st.text(8),  st.text(9),  st.text(10), st.text(11),
                         st.text(12), st.text(13), st.text(14), st.text(17), st.integer(15) != 0, st.integer(16) != 0,
                         st.text(18), st.text(19)};
        out.push_back(std::move(t));
    }
    return out;
}

void for_each_tracked_json(Database& db, const TrackedQuery& q, const std::function<void(std::string_view)>& emit) {
    // Events keep their stored keys (date, type, doc, version, evidence, span, confidence, due).
    auto st = db.prepare(
        "SELECT json_object('id', id, 'kind', kind, 'status', status, "
        "'overdue', json(CASE WHEN status = 'open' AND due <> '' AND due < ?8 THEN 'true' ELSE 'false' END), "
        "'member', nullif(member, ''), 'members', json(members), 'party', nullif(party, ''), 'actor', nullif(actor, ''), "
        "'subject', nullif(subject, ''), 'made_on', nullif(made_on, ''), 'made_in', nullif(made_in, ''), "
        "'due', nullif(due, ''), 'due_text', nullif(due_text, ''), 'ref', nullif(ref, ''), 'dossier', nullif(dossier, ''), "
        "'confidence', round(confidence, 2), 'review', nullif(review, ''), "
        "'events', json(events), 'possible_matches', json(possible_matches), 'fate', json(nullif(fate, ''))) FROM tracked_items" +
        where_clause(q));
    bind_query(st, q);
    st.bind(8, q.as_of);
    while (st.step()) emit(st.text(0));
}

std::vector<track::TrackedItem> load_review_queue(Database& db, double threshold) {
    auto st = db.prepare(std::string("SELECT ") + k_columns +
                         " FROM tracked_items WHERE confidence < ?1 OR (review = '' AND possible_matches <> '[]')"
                         " ORDER BY last_date DESC, id");
    st.bind(1, threshold - 1e-9);
    std::vector<track::TrackedItem> out;
    while (st.step()) out.push_back(read_row(st));
    return out;
}

std::optional<track::TrackedItem> load_tracked_item(Database& db, const std::string& id) {
    auto st = db.prepare(std::string("SELECT ") + k_columns + " FROM tracked_items WHERE id = ?1");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_row(st);
}

}  // namespace toezeg::db
