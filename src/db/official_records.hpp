#pragma once
// The index of official records (migration 006): written per record, read as motions.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "db/sqlite.hpp"
#include "track/fate.hpp"

namespace toezeg::db {

// Entities whose records are indexed; others are kept in git only.
bool indexed_entity(const std::string& entity);
// Writes (or replaces) one record of `entity` in its table; Verwijderd records are removed.
// Throws std::runtime_error on a database error.
void put_official_record(Database& db, const std::string& entity, const std::string& id, const nlohmann::json& record);
void remove_official_record(Database& db, const std::string& entity, const std::string& id);
void clear_official_records(Database& db);
std::size_t count_official_records(Database& db, const std::string& entity);
// Every motion Zaak with its documents, publications, Besluiten (with votes) and the Zaak
// that replaces it, if any, ordered by Zaak nummer.
std::vector<track::MotionRecords> load_motion_records(Database& db);

}  // namespace toezeg::db
