#pragma once
// The linker's state in SQLite (migration 007): what a later run continues from.
#include <map>
#include <optional>
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
std::optional<track::LinkState> load_link_state(Database& db);
// What linking each letter from `key` on changed, newest first (for track::roll_back).
std::vector<track::LetterUndo> load_undo_from(Database& db, const std::string& key);

struct LinkStateUpdate {
    const track::LinkState* state = nullptr;
    std::map<std::string, LinkedLetter> linked;  // the letters this run linked
    std::optional<std::string> from;             // nullopt: the whole state is new; else the first key relinked
    std::string inputs;                          // fingerprint of the corrections and fates applied
};
// Stores the state after a run: everything when `from` is nullopt, else the entries in
// state->changed, the letters and undo records from `from` on. The caller holds the
// transaction that also writes the tracked items.
void save_link_state(Database& db, const LinkStateUpdate& update);

}  // namespace toezeg::db
