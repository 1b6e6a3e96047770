#pragma once
// What the CLI prints: JSON for machines, aligned tables and colour for people.
#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/item.hpp"

namespace toezeg::cli {

// Exit codes, documented in README: all went well / some inputs failed / usage or fatal error.
constexpr int k_exit_ok = 0;
constexpr int k_exit_some_failed = 1;
constexpr int k_exit_fatal = 2;

nlohmann::json item_to_json(const Item& item, const std::string& doc);
void print_error(const Error& error);
void print_warning(const std::string& subject, const std::string& message);
// True when stdout is a terminal and NO_COLOR is not set.
bool use_colour();
// Left-aligned columns; the last column is not padded.
std::string format_table(const std::vector<std::vector<std::string>>& rows);

}  // namespace toezeg::cli
