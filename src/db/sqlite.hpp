#pragma once
// RAII wrapper for SQLite. The only header that stands between the code and sqlite3.h.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace toezeg::db {

class Statement {
public:
    Statement(sqlite3* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}
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
    std::int64_t integer(int column) const;
    double real(int column) const;
    bool is_null(int column) const;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt;
};

class Database {
public:
    static Result<Database> open(const std::filesystem::path& path);
    Database(Database&& other) noexcept;
    Database& operator=(Database&&) = delete;
    ~Database();

    Statement prepare(std::string_view sql);
    void exec(const std::string& sql);  // several statements, no parameters (schema only)
    int user_version();
    void set_user_version(int version);
    std::int64_t changes();

private:
    explicit Database(sqlite3* db) : m_db(db) {}
    sqlite3* m_db;
};

// Commits on scope exit unless an exception is in flight, then rolls back.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    void commit();

private:
    Database& m_db;
    bool m_done = false;
};

}  // namespace toezeg::db
