#pragma once
// The index of register records and of their joins to tracked items (migration 008).
#include <string>
#include <vector>

#include "core/register.hpp"
#include "db/sqlite.hpp"
#include "track/reconcile.hpp"

namespace toezeg::db {

using track::RegisterJoin;

// Writes (or replaces) one record; throws std::runtime_error on a database error.
void put_register_record(Database& db, const RegisterRecord& record);
void remove_register_record(Database& db, Chamber chamber, const std::string& id);
void clear_register_records(Database& db);
std::vector<RegisterRecord> load_register_records(Database& db);

void replace_register_joins(Database& db, const std::vector<RegisterJoin>& joins);
std::vector<RegisterJoin> load_register_joins(Database& db);
// Whether the index holds any register record or join (else joining registers has nothing to do).
bool has_register_data(Database& db);

// The latest version's text of every document that may name a register number (an FTS5
// prefix search for T0..T9 and TZ tokens), to find the numbers in.
std::vector<std::pair<std::string, std::string>> texts_naming_register_numbers(Database& db);

}  // namespace toezeg::db
