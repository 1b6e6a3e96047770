// The linker's state in SQLite: link_entries, link_letters, link_undo and four state keys (see 007_link_state.sql).
#include "db/link_state.hpp"

#include <nlohmann/json.hpp>

namespace toezeg::db {

using nlohmann::json;

namespace {

std::optional<std::string> state_value(Database& db, const char* key) {
    auto st = db.prepare("SELECT value FROM state WHERE key = ?1");
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

void set_state_value(Database& db, const char* key, const std::string& value) {
    db.prepare("INSERT OR REPLACE INTO state(key, value) VALUES (?1, ?2)").bind(1, key).bind(2, value).run();
}

}  // namespace

std::optional<std::map<std::string, LinkedLetter>> linked_letters(Database& db) {
    if (!state_value(db, "link_last_letter")) return std::nullopt;
    std::map<std::string, LinkedLetter> out;
    for (auto st = db.prepare("SELECT doc_id, version, sort_key FROM link_letters"); st.step();)
        out.emplace(st.text(0), LinkedLetter{static_cast<int>(st.integer(1)), st.text(2)});
    return out;
}

std::string last_linked_before(Database& db, const std::string& key) {
    auto st = db.prepare("SELECT max(sort_key) FROM link_letters WHERE sort_key < ?1");
    st.bind(1, key);
    return st.step() && !st.is_null(0) ? st.text(0) : std::string();
}

std::optional<track::LinkState> load_link_state(Database& db) {
    auto last = state_value(db, "link_last_letter");
    if (!last) return std::nullopt;
    track::LinkState out;
    out.last_letter = *last;
    json suffixes = json::parse(state_value(db, "link_suffixes").value_or("{}"));
    for (auto& [base, n] : suffixes.items()) out.next_suffix[base] = n.get<int>();
    for (auto st = db.prepare("SELECT ordinal, data FROM link_entries ORDER BY ordinal"); st.step();) {
        if (static_cast<std::size_t>(st.integer(0)) != out.entries.size())
            throw std::runtime_error("link_entries: entry " + std::to_string(st.integer(0)) + " out of order");
        out.entries.push_back(track::entry_from_json(json::parse(st.text(1))));
    }
    return out;
}

std::vector<track::LetterUndo> load_undo_from(Database& db, const std::string& key) {
    std::vector<track::LetterUndo> out;
    auto st = db.prepare("SELECT data FROM link_undo WHERE sort_key >= ?1 ORDER BY sort_key DESC");
    st.bind(1, key);
    while (st.step()) out.push_back(track::undo_from_json(json::parse(st.text(0))));
    return out;
}

void save_link_state(Database& db, const LinkStateUpdate& update) {
    const auto& state = *update.state;
    auto put = db.prepare("INSERT OR REPLACE INTO link_entries(ordinal, data) VALUES (?1, ?2)");
    auto write = [&](std::size_t k) {
        put.bind(1, static_cast<std::int64_t>(k)).bind(2, track::entry_to_json(state.entries[k]).dump()).run();
    };
    if (!update.from) {
        db.exec("DELETE FROM link_entries; DELETE FROM link_letters; DELETE FROM link_undo");
        for (std::size_t k = 0; k < state.entries.size(); ++k) write(k);
    } else {
        db.prepare("DELETE FROM link_entries WHERE ordinal >= ?1")
            .bind(1, static_cast<std::int64_t>(state.entries.size()))
            .run();
        for (std::size_t k : state.changed) write(k);
        db.prepare("DELETE FROM link_letters WHERE sort_key >= ?1").bind(1, *update.from).run();
        db.prepare("DELETE FROM link_undo WHERE sort_key >= ?1").bind(1, *update.from).run();
    }
    auto letter = db.prepare("INSERT OR REPLACE INTO link_letters(doc_id, version, sort_key) VALUES (?1, ?2, ?3)");
    for (auto& [id, l] : update.linked) letter.bind(1, id).bind(2, l.version).bind(3, l.key).run();
    auto undo = db.prepare("INSERT OR REPLACE INTO link_undo(sort_key, data) VALUES (?1, ?2)");
    for (auto& u : state.undo) undo.bind(1, u.letter).bind(2, track::undo_to_json(u).dump()).run();
    set_state_value(db, "link_suffixes", json(state.next_suffix).dump());
    set_state_value(db, "link_last_letter", state.last_letter);
    set_state_value(db, "link_inputs", update.inputs);
}

}  // namespace toezeg::db
