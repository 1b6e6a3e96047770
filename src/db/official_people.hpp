#pragma once
// The index of Activiteit, Persoon and Fractie records (migration 009), and the references of
// register records resolved through it: a Toezegging's debate by its ActiviteitNummer or
// Activiteit Id, the Kamerlid and fractie it was made to by their Ids.
#include <nlohmann/json.hpp>
#include <string>

#include "core/register.hpp"
#include "db/sqlite.hpp"

namespace toezeg::db {

// "Activiteit", "Persoon", "Fractie".
bool people_entity(const std::string& entity);
// Writes (or replaces) one record; a Verwijderd record is removed. Throws on a database error.
void put_people_record(Database& db, const std::string& entity, const std::string& id, const nlohmann::json& record);
void remove_people_record(Database& db, const std::string& entity, const std::string& id);
void clear_people_records(Database& db);
std::size_t count_people_records(Database& db, const std::string& entity);

// Fills what a Tweede Kamer register record names only by reference, from the records indexed:
// the debate (kind, subject, date, committee) when the record has its number or Id but not its
// fields, the Kamerleden of `member_ids` ("A.H. Kröger", with the fractie when the Persoon's
// Fractielabel gives one and no fractie is known) and the fractie of `party_id`. A reference
// whose record is not (yet) indexed stays as it is.
void resolve_register_references(Database& db, RegisterRecord& record);

}  // namespace toezeg::db
