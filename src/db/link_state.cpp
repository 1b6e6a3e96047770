// The linker's state in SQLite: link_entries, link_letters, link_undo and four state keys (see 007_link_state.sql).
#include "db/link_state.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>

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

std::optional<track::LinkState> load_link_state_header(Database& db) {
    auto last = state_value(db, "link_last_letter");
    if (!last) return std::nullopt;
    track::LinkState out;
    out.last_letter = *last;
    json suffixes = json::parse(state_value(db, "link_suffixes").value_or("{}"));
    for (auto& [base, n] : suffixes.items()) out.next_suffix[base] = n.get<int>();
    auto st = db.prepare("SELECT max(ordinal) FROM link_entries");
    out.count = st.step() && !st.is_null(0) ? static_cast<std::size_t>(st.integer(0)) + 1 : 0;
    return out;
}

void load_link_entries(Database& db, track::LinkState& state, const std::set<std::size_t>& ordinals) {
    auto st = db.prepare("SELECT data FROM link_entries WHERE ordinal = ?1");
    for (std::size_t k : ordinals) {
        if (k >= state.count || state.entries.contains(k)) continue;
        st.bind(1, static_cast<std::int64_t>(k));
        if (!st.step()) throw std::runtime_error("link_entries: entry " + std::to_string(k) + " is missing");
        state.entries.emplace(k, track::entry_from_json(json::parse(st.text(0))));
        st.reset();
    }
}

void load_all_link_entries(Database& db, track::LinkState& state) {
    auto st = db.prepare("SELECT ordinal, data FROM link_entries WHERE ordinal < ?1 ORDER BY ordinal");
    st.bind(1, static_cast<std::int64_t>(state.count));
    std::size_t rows = 0;
    while (st.step()) {
        ++rows;
        auto k = static_cast<std::size_t>(st.integer(0));
        if (!state.entries.contains(k)) state.entries.emplace(k, track::entry_from_json(json::parse(st.text(1))));
    }
    if (rows != state.count)
        throw std::runtime_error("link_entries: " + std::to_string(rows) + " entries, expected " +
                                 std::to_string(state.count));
}

std::optional<track::LinkState> load_link_state(Database& db) {
    auto out = load_link_state_header(db);
    if (out) load_all_link_entries(db, *out);
    return out;
}

std::set<std::size_t> link_entries_within(Database& db, const track::LetterReach& reach, std::size_t below,
                                          std::size_t spare) {
    std::set<std::size_t> out;
    auto st =
        db.prepare("SELECT ordinal FROM link_keys WHERE key = ?1 AND ordinal < ?2 ORDER BY ordinal DESC LIMIT ?3");
    for (auto& key : reach.keys) {
        std::size_t limit = key.limit > SIZE_MAX - spare ? SIZE_MAX : key.limit + spare;
        st.bind(1, key.key).bind(2, static_cast<std::int64_t>(below));
        st.bind(3, limit > static_cast<std::size_t>(INT64_MAX) ? std::int64_t{-1} : static_cast<std::int64_t>(limit));
        while (st.step()) out.insert(static_cast<std::size_t>(st.integer(0)));
        st.reset();
    }
    if (reach.newest > 0)
        for (std::size_t k = below; k > 0 && below - k < reach.newest + spare; --k) out.insert(k - 1);
    return out;
}

bool link_id_in_use(Database& db, const std::string& id, std::size_t below) {
    auto st = db.prepare("SELECT 1 FROM link_entries WHERE id = ?1 AND ordinal < ?2 LIMIT 1");
    st.bind(1, id).bind(2, static_cast<std::int64_t>(below));
    return st.step();
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
    auto put = db.prepare("INSERT OR REPLACE INTO link_entries(ordinal, id, data) VALUES (?1, ?2, ?3)");
    auto drop_keys = db.prepare("DELETE FROM link_keys WHERE ordinal = ?1");
    auto put_key = db.prepare("INSERT OR IGNORE INTO link_keys(key, ordinal) VALUES (?1, ?2)");
    auto write = [&](std::size_t k, const track::LinkEntry& entry, bool fresh) {
        auto ordinal = static_cast<std::int64_t>(k);
        put.bind(1, ordinal).bind(2, entry.item.id).bind(3, track::entry_to_json(entry).dump()).run();
        if (!fresh) drop_keys.bind(1, ordinal).run();
        for (auto& key : entry.keys) put_key.bind(1, key).bind(2, ordinal).run();
    };
    auto count = static_cast<std::int64_t>(state.count);
    if (!update.from) {
        db.exec("DELETE FROM link_entries; DELETE FROM link_keys; DELETE FROM link_letters; DELETE FROM link_undo");
        for (auto& [k, entry] : state.entries) write(k, entry, true);
    } else {
        db.prepare("DELETE FROM link_entries WHERE ordinal >= ?1").bind(1, count).run();
        db.prepare("DELETE FROM link_keys WHERE ordinal >= ?1").bind(1, count).run();
        for (std::size_t k : state.changed) write(k, state.entries.at(k), false);
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
