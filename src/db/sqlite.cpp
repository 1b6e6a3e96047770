#include "db/sqlite.hpp"

#include <sqlite3.h>

#include <stdexcept>
#include <string>
#include <unordered_map>

namespace toezeg::db {

struct StatementCache {
    std::unordered_map<std::string, sqlite3_stmt*> idle;
    ~StatementCache() {
        for (auto& [sql, stmt] : idle) sqlite3_finalize(stmt);
    }
};

namespace {
[[noreturn]] void throw_error(sqlite3* db, const std::string& what) {
    throw std::runtime_error("sqlite: " + what + ": " + sqlite3_errmsg(db));
}
}  // namespace

Statement::Statement(Statement&& other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt), m_home(other.m_home) {
    other.m_stmt = nullptr;
}
Statement::~Statement() {
    if (!m_stmt) return;
    if (m_home) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        if (m_home->idle.try_emplace(sqlite3_sql(m_stmt), m_stmt).second) return;
    }
    sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, std::string_view value) {
    if (sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        throw_error(m_db, "bind");
    return *this;
}
Statement& Statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK) throw_error(m_db, "bind");
    return *this;
}
Statement& Statement::bind(int index, double value) {
    if (sqlite3_bind_double(m_stmt, index, value) != SQLITE_OK) throw_error(m_db, "bind");
    return *this;
}
Statement& Statement::bind_null(int index) {
    if (sqlite3_bind_null(m_stmt, index) != SQLITE_OK) throw_error(m_db, "bind");
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw_error(m_db, "step");
}
void Statement::run() {
    while (step()) {
    }
    reset();
}
void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}
std::string Statement::text(int column) const {
    auto p = sqlite3_column_text(m_stmt, column);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)))
             : std::string();
}
std::string_view Statement::view(int column) const {
    auto p = sqlite3_column_text(m_stmt, column);
    return p ? std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)))
             : std::string_view();
}
std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(m_stmt, column); }
double Statement::real(int column) const { return sqlite3_column_double(m_stmt, column); }
bool Statement::is_null(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

Result<Database> Database::open(const std::filesystem::path& path) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        return fail(path.string(), "cannot open database: " + msg);
    }
    sqlite3_busy_timeout(db, 10000);
    Database out(db);
    try {
        out.exec("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;");
    } catch (const std::exception& e) {
        return fail(path.string(), e.what());
    }
    return out;
}

Database::Database(sqlite3* db) : m_cache(std::make_unique<StatementCache>()), m_db(db) {}
Database::Database(Database&& other) noexcept : m_cache(std::move(other.m_cache)), m_db(other.m_db) { other.m_db = nullptr; }
Database::~Database() {
    m_cache.reset();  // finalizes the idle statements before the connection closes
    sqlite3_close_v2(m_db);
}

std::filesystem::path Database::file() const {
    const char* name = sqlite3_db_filename(m_db, "main");
    return name ? std::filesystem::path(name) : std::filesystem::path();
}

Statement Database::prepare(std::string_view sql) {
    if (auto it = m_cache->idle.find(std::string(sql)); it != m_cache->idle.end()) {
        sqlite3_stmt* stmt = it->second;
        m_cache->idle.erase(it);  // in use now; a second use of the same SQL meanwhile prepares its own
        return Statement(m_db, stmt, m_cache.get());
    }
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK)
        throw_error(m_db, "prepare '" + std::string(sql.substr(0, 60)) + "'");
    return Statement(m_db, stmt, m_cache.get());
}

void Database::exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : "unknown error";
        sqlite3_free(err);
        throw std::runtime_error("sqlite: " + msg);
    }
}

int Database::user_version() {
    auto st = prepare("PRAGMA user_version");
    st.step();
    return static_cast<int>(st.integer(0));
}

void Database::set_user_version(int version) { exec("PRAGMA user_version=" + std::to_string(version)); }
std::int64_t Database::changes() { return sqlite3_changes64(m_db); }

bool Database::in_transaction() const { return sqlite3_get_autocommit(m_db) == 0; }

Transaction::Transaction(Database& db) : m_db(db), m_nested(db.in_transaction()) {
    m_db.exec(m_nested ? "SAVEPOINT nested" : "BEGIN IMMEDIATE");
}
Transaction::~Transaction() {
    if (!m_done) {
        try {
            m_db.exec(m_nested ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK");
        } catch (...) {
        }
    }
}
void Transaction::commit() {
    m_db.exec(m_nested ? "RELEASE nested" : "COMMIT");
    m_done = true;
}

}  // namespace toezeg::db
