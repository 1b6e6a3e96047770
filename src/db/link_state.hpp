#pragma once
// The linker's state in SQLite (migration 007): what a later run continues from.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "db/sqlite.hpp"
#include "track/link_state.hpp"

namespace toezeg::db {

struct LinkedLetter {
    int version = 0;
    std::string key;  // track::letter_order_key
};

// The letter versions the stored state has linked; nullopt when no state is stored (a new
// or older index).
std::optional<std::map<std::string, LinkedLetter>> linked_letters(Database& db);
// The sort key of the last linked letter before `key` ("" if none).
std::string last_linked_before(Database& db, const std::string& key);
// The whole stored state, every entry loaded.
std::optional<track::LinkState> load_link_state(Database& db);
// The stored state without its entries (count, id suffixes, last letter).
std::optional<track::LinkState> load_link_state_header(Database& db);
// Adds to `state.entries` the stored entries of `ordinals` not loaded yet (those below state.count).
void load_link_entries(Database& db, track::LinkState& state, const std::set<std::size_t>& ordinals);
// Adds every stored entry below state.count not loaded yet.
void load_all_link_entries(Database& db, track::LinkState& state);
// The stored entries linking letters of `reach` can look at, below `below`: per key its
// newest `limit + spare` (entries kept in memory may no longer be under a key), and the
// newest `reach.newest` of all.
std::set<std::size_t> link_entries_within(Database& db, const track::LetterReach& reach, std::size_t below,
                                          std::size_t spare);
// Whether a stored entry below `below` has this id (for track::LinkState::id_in_use).
bool link_id_in_use(Database& db, const std::string& id, std::size_t below);
// What linking each letter from `key` on changed, newest first (for track::roll_back).
std::vector<track::LetterUndo> load_undo_from(Database& db, const std::string& key);

struct LinkStateUpdate {
    const track::LinkState* state = nullptr;
    std::map<std::string, LinkedLetter> linked;  // the letters this run linked
    std::optional<std::string> from;             // nullopt: the whole state is new; else the first key relinked
    std::string inputs;                          // fingerprint of the corrections and fates applied
};
// Stores the state after a run: everything when `from` is nullopt, else the entries in
// state->changed (with their candidate keys) and those past state->count removed, the
// letters and undo records from `from` on. The caller holds the
// transaction that also writes the tracked items.
void save_link_state(Database& db, const LinkStateUpdate& update);

}  // namespace toezeg::db
