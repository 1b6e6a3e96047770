#pragma once
// Forward-only schema migrations from src/db/migrations/*.sql, tracked by PRAGMA user_version.
#include "db/sqlite.hpp"

namespace toezeg::db {

int latest_schema_version();
// Applies every migration above the database's user_version, each in a transaction.
Result<void> migrate(Database& db);

}  // namespace toezeg::db
