#include "db/migrations.hpp"

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace toezeg::db {

namespace {
const std::vector<std::pair<std::string, std::string>>& migrations() {
    static const std::vector<std::pair<std::string, std::string>> k_migrations = {
#include "migrations.inc"
    };
    return k_migrations;
}
}  // namespace

int latest_schema_version() { return static_cast<int>(migrations().size()); }

Result<void> migrate(Database& db) {
    int current = db.user_version();
    if (current > latest_schema_version())
        return fail("database", "schema version " + std::to_string(current) + " is newer than this toezeg (" +
                                    std::to_string(latest_schema_version()) + "); upgrade toezeg");
    for (int v = current; v < latest_schema_version(); ++v) {
        const auto& [name, sql] = migrations()[static_cast<std::size_t>(v)];
        try {
            Transaction tx(db);
            db.exec(sql);
            db.set_user_version(v + 1);
            tx.commit();
        } catch (const std::exception& e) {
            return fail("migration " + name, e.what());
        }
    }
    return {};
}

}  // namespace toezeg::db
