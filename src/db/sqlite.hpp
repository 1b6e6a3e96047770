#pragma once
// RAII wrapper for SQLite. The only header that stands between the code and sqlite3.h.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace toezeg::db {

// Prepared statements not in use, by their SQL, so a query run once per document is
// compiled once per connection.
struct StatementCache;

class Statement {
public:
    Statement(sqlite3* db, sqlite3_stmt* stmt, StatementCache* home = nullptr) : m_db(db), m_stmt(stmt), m_home(home) {}
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind_null(int index);
    // Steps once; true while a row is available. Throws std::runtime_error on a database error.
    bool step();
    void run();  // steps to completion
    void reset();
    std::string text(int column) const;
    // The same without a copy: valid until the next step, reset or end of the statement.
    std::string_view view(int column) const;
    std::int64_t integer(int column) const;
    double real(int column) const;
    bool is_null(int column) const;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt;
    StatementCache* m_home;  // where the statement goes back when done, if anywhere
};

class Database {
public:
    static Result<Database> open(const std::filesystem::path& path);
    Database(Database&& other) noexcept;
    Database& operator=(Database&&) = delete;
    ~Database();

    // A statement for `sql`, taken from the cache when one is idle.
    Statement prepare(std::string_view sql);
    void exec(const std::string& sql);  // several statements, no parameters (schema only)
    int user_version();
    void set_user_version(int version);
    std::int64_t changes();
    bool in_transaction() const;
    // The file of the main database, "" for one in memory.
    std::filesystem::path file() const;

private:
    explicit Database(sqlite3* db);
    std::unique_ptr<StatementCache> m_cache;
    sqlite3* m_db;
};

// commit() makes the work durable; leaving the scope without it rolls the work back.
// Inside another transaction it is a savepoint: its work becomes part of the outer one.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    void commit();

private:
    Database& m_db;
    bool m_nested = false;
    bool m_done = false;
};

}  // namespace toezeg::db
