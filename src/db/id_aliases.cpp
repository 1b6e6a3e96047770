// The id_aliases table (see 012_id_aliases.sql) and the items a retrack replaces.
#include "db/id_aliases.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "track/link_state.hpp"

namespace toezeg::db {

using nlohmann::json;

namespace {

bool has_table(Database& db, const char* name) {
    auto st = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
    st.bind(1, name);
    return st.step();
}

// The passages of stored events, the earliest first.
std::vector<track::Passage> passages_of(const json& events) {
    if (!events.is_array()) return {};
    auto list = track::events_from_json(events);
    std::stable_sort(list.begin(), list.end(), [](auto& a, auto& b) { return a.date < b.date; });
    std::vector<track::Passage> out;
    for (auto& e : list)
        if (!e.doc.empty() && !e.evidence.empty()) out.push_back(track::Passage{e.doc, e.evidence});
    return out;
}

}  // namespace

void replace_item_aliases(Database& db, const std::map<std::string, StoredAlias>& aliases) {
    Transaction tx(db);
    db.prepare("DELETE FROM id_aliases WHERE kind = 'item'").run();
    auto put = db.prepare("INSERT INTO id_aliases(alias, kind, target, why) VALUES (?1, 'item', ?2, ?3)");
    for (auto& [alias, a] : aliases) {
        put.bind(1, alias).bind(2, a.target).bind(3, a.why).run();
        put.reset();
    }
    tx.commit();
}

std::map<std::string, StoredAlias> load_item_aliases(Database& db) {
    std::map<std::string, StoredAlias> out;
    for (auto st = db.prepare("SELECT alias, target, why FROM id_aliases WHERE kind = 'item'"); st.step();)
        out[st.text(0)] = StoredAlias{st.text(1), st.text(2)};
    return out;
}

void add_document_alias(Database& db, const std::string& alias, const std::string& target) {
    if (alias.empty() || alias == target) return;
    db.prepare("INSERT OR REPLACE INTO id_aliases(alias, kind, target, why) VALUES (?1, 'document', ?2, 'document')")
        .bind(1, alias)
        .bind(2, target)
        .run();
}

void remove_document_aliases(Database& db, const std::string& target) {
    db.prepare("DELETE FROM id_aliases WHERE kind = 'document' AND target = ?1").bind(1, target).run();
}

std::optional<StoredAlias> find_alias(Database& db, const std::string& kind, const std::string& id) {
    auto st = db.prepare("SELECT target, why FROM id_aliases WHERE kind = ?1 AND alias = ?2");
    st.bind(1, kind).bind(2, id);
    if (!st.step()) return std::nullopt;
    return StoredAlias{st.text(0), st.text(1)};
}

std::map<std::pair<std::string, std::string>, StoredAlias> load_aliases(Database& db) {
    std::map<std::pair<std::string, std::string>, StoredAlias> out;
    for (auto st = db.prepare("SELECT kind, alias, target, why FROM id_aliases"); st.step();)
        out[{st.text(0), st.text(1)}] = StoredAlias{st.text(2), st.text(3)};
    return out;
}

std::optional<std::pair<std::string, std::string>> follow_alias(const std::map<std::string, StoredAlias>& aliases,
                                                                const std::string& id,
                                                                const std::function<bool(const std::string&)>& exists) {
    std::string at = id, why;
    for (int step = 0; step < 16; ++step) {
        auto it = aliases.find(at);
        if (it == aliases.end() || it->second.target == at) return std::nullopt;
        at = it->second.target;
        if (why.empty() || it->second.why == "merged") why = it->second.why;
        if (exists(at)) return std::pair{at, why};
    }
    return std::nullopt;
}

std::set<std::string> tracked_item_ids(Database& db) {
    std::set<std::string> out;
    if (!has_table(db, "tracked_items")) return out;
    for (auto st = db.prepare("SELECT id FROM tracked_items"); st.step();) out.insert(st.text(0));
    return out;
}

bool tracked_item_exists(Database& db, const std::string& id) {
    if (!has_table(db, "tracked_items")) return false;
    auto st = db.prepare("SELECT 1 FROM tracked_items WHERE id = ?1");
    st.bind(1, id);
    return st.step();
}

std::map<std::string, std::vector<track::Passage>> load_previous_items(Database& db, const std::set<std::string>& ids) {
    std::map<std::string, std::vector<track::Passage>> out;
    if (ids.empty()) return out;
    json wanted = json::array();
    for (auto& id : ids) wanted.push_back(id);
    std::string list = wanted.dump();
    if (has_table(db, "tracked_items")) {
        auto st = db.prepare("SELECT id, events FROM tracked_items WHERE id IN (SELECT value FROM json_each(?1))");
        for (st.bind(1, list); st.step();) out[st.text(0)] = passages_of(json::parse(st.text(1), nullptr, false));
    }
    if (out.size() < ids.size() && has_table(db, "link_entries")) {
        // An item merged into another by a correction lives on only in the linker's entries.
        auto st = db.prepare(
            "SELECT json_extract(data, '$.id'), json_extract(data, '$.events') FROM link_entries "
            "WHERE json_extract(data, '$.id') IN (SELECT value FROM json_each(?1))");
        for (st.bind(1, list); st.step();)
            if (!out.contains(st.text(0))) out[st.text(0)] = passages_of(json::parse(st.text(1), nullptr, false));
    }
    return out;
}

}  // namespace toezeg::db
