#include "db/tracked_items.hpp"

#include <array>
#include <map>

#include <nlohmann/json.hpp>

#include "track/fate.hpp"
#include "track/link_state.hpp"
#include "util/text.hpp"

namespace toezeg::db {

using nlohmann::json;

namespace {

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
    t.events = track::events_from_json(json::parse(st.text(14)));
    t.possible_matches = track::matches_from_json(json::parse(st.text(15)));
    t.confidence = st.real(16);
    t.review = st.text(17);
    if (std::string fate = st.text(18); !fate.empty()) t.fate = track::fate_from_json(json::parse(fate, nullptr, false));
    return t;
}

}  // namespace

namespace {

constexpr const char* k_insert =
    R"(INSERT OR REPLACE INTO tracked_items(id, kind, status, member, members, party, actor,
                              subject, made_on, made_in, due, due_text, ref, dossier, first_date, last_date, events,
                              possible_matches, confidence, review, fate, row_hash)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
                                    ?21, ?22))";

// One item's row: its columns as text (confidence as JSON, bound as a number) and their hash.
struct Row {
    std::array<std::string, 21> fields;
    std::string hash;
};

Row row_of(const track::TrackedItem& t) {
    Row row{{t.id,
             std::string(to_string(t.kind)),
             std::string(to_string(t.status)),
             t.member,
             json(t.members).dump(),
             t.party,
             t.actor,
             t.subject,
             t.made_on,
             t.made_in,
             t.due,
             t.due_text,
             t.ref,
             t.dossier,
             t.first_date(),
             t.last_date(),
             track::events_to_json(t.events).dump(),
             track::matches_to_json(t.possible_matches).dump(),
             json(t.confidence).dump(),
             t.review,
             t.fate ? track::fate_to_json(*t.fate).dump() : std::string()},
            {}};
    std::uint64_t a = 1469598103934665603ull, b = 0x9e3779b97f4a7c15ull;
    for (auto& field : row.fields) {
        a = text::fnv1a(field, text::fnv1a("\x1f", a));
        b = text::fnv1a(field, text::fnv1a(std::to_string(field.size()), b));
    }
    row.hash = text::hex(a) + text::hex(b);
    return row;
}

void write_row(Statement& st, const track::TrackedItem& t, const Row& row) {
    for (std::size_t k = 0; k < row.fields.size(); ++k)
        if (k == 18)
            st.bind(19, t.confidence);
        else
            st.bind(static_cast<int>(k + 1), row.fields[k]);
    st.bind(22, row.hash);
    st.run();
}

}  // namespace

void replace_tracked_items(Database& db, const std::vector<track::TrackedItem>& items) {
    Transaction tx(db);
    // Rows are rewritten only where they change: each row keeps a hash of what it holds.
    std::map<std::string, std::string> stored;
    for (auto st = db.prepare("SELECT id, row_hash FROM tracked_items"); st.step();) stored.emplace(st.text(0), st.text(1));
    auto st = db.prepare(k_insert);
    for (auto& t : items) {
        Row row = row_of(t);
        auto old = stored.find(t.id);
        if (old != stored.end()) {
            bool same = old->second == row.hash;
            stored.erase(old);
            if (same) continue;
        }
        write_row(st, t, row);
    }
    auto gone = db.prepare("DELETE FROM tracked_items WHERE id = ?1");
    for (auto& [id, hash] : stored) gone.bind(1, id).run();
    tx.commit();
}

void update_tracked_items(Database& db, const std::vector<track::TrackedItem>& items,
                          const std::vector<std::string>& removed) {
    Transaction tx(db);
    auto gone = db.prepare("DELETE FROM tracked_items WHERE id = ?1");
    for (auto& id : removed) gone.bind(1, id).run();
    auto st = db.prepare(k_insert);
    auto hash = db.prepare("SELECT row_hash FROM tracked_items WHERE id = ?1");
    for (auto& t : items) {
        Row row = row_of(t);
        hash.bind(1, t.id);
        bool same = hash.step() && hash.text(0) == row.hash;
        hash.reset();
        if (!same) write_row(st, t, row);
    }
    tx.commit();
}

std::map<std::string, std::string> tracked_reviews(Database& db, const std::set<std::string>& ids) {
    std::map<std::string, std::string> out;
    auto st = db.prepare("SELECT review FROM tracked_items WHERE id = ?1");
    for (auto& id : ids) {
        st.bind(1, id);
        if (st.step()) out.emplace(id, st.text(0));
        st.reset();
    }
    return out;
}

std::size_t count_tracked_items(Database& db) {
    auto st = db.prepare("SELECT count(*) FROM tracked_items");
    return st.step() ? static_cast<std::size_t>(st.integer(0)) : 0;
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
    if (!q.id.empty()) sql += " AND id = ?9";
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
    if (!q.id.empty()) st.bind(9, q.id);
}

}  // namespace

std::vector<track::TrackedItem> load_tracked_items(Database& db, const TrackedQuery& q) {
    auto st = db.prepare(std::string("SELECT ") + k_columns + " FROM tracked_items" + where_clause(q));
    bind_query(st, q);
    std::vector<track::TrackedItem> out;
    while (st.step()) out.push_back(read_row(st));
    return out;
}

std::unordered_map<std::string, std::string> tracked_row_hashes(Database& db) {
    std::unordered_map<std::string, std::string> out;
    for (auto st = db.prepare("SELECT id, row_hash FROM tracked_items"); st.step();) out.emplace(st.text(0), st.text(1));
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

std::map<std::string, std::string> load_tracked_statuses(Database& db) {
    std::map<std::string, std::string> out;
    auto st = db.prepare("SELECT id, status FROM tracked_items");
    while (st.step()) out.emplace(st.text(0), st.text(1));
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
