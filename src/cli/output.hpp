#pragma once
// What the CLI prints: JSON for machines, aligned tables and colour for people.
#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/item.hpp"
#include "pipeline/ingest_files.hpp"

namespace toezeg::cli {

// Exit codes, documented in README: all went well / some inputs failed / usage or fatal error.
constexpr int k_exit_ok = 0;
constexpr int k_exit_some_failed = 1;
constexpr int k_exit_fatal = 2;

// How much the CLI says on stderr besides errors: --quiet (errors only), default, --verbose.
enum class Verbosity { quiet, normal, verbose };
void set_verbosity(Verbosity v);
Verbosity verbosity();

nlohmann::json item_to_json(const Item& item, const std::string& doc);
// {"subject", "message"}: an error as --json outputs show it.
nlohmann::json error_to_json(const Error& error);
// {source, outcome, id, version, note, warnings, error}: one ingested file.
nlohmann::json ingest_result_json(const pipeline::IngestResult& result);
void print_error(const Error& error);
// Warnings are left out under --quiet; notes are printed only under --verbose.
void print_warning(const std::string& subject, const std::string& message);
void print_note(const std::string& message);
// What a person should know but is no problem (an old id read as its new one): left out under --quiet.
void print_info(const std::string& message);
// An optional date option: empty or YYYY-MM-DD; else prints why and returns false.
bool valid_date_option(const std::string& value, const char* name);
// True when stdout is a terminal and NO_COLOR is not set.
bool use_colour();
// Columns of the terminal stdout writes to ($COLUMNS, else the tty's), 0 when not a terminal.
std::size_t terminal_width();
// Left-aligned columns; the last column is not padded and no line ends in blanks.
std::string format_table(const std::vector<std::vector<std::string>>& rows);
// "1 tracked item", "16 tracked items": the count every changing command ends with.
std::string tracked_items(std::size_t n);
// Makes format_table's lines fit in `width` columns: first drops the columns `droppable`
// names (in that order) while the others leave the last column fewer than 24 columns, then
// shortens the last column (with "…"; at least 12 of it stay). A width of 0 changes nothing.
std::vector<std::vector<std::string>> fit_to_width(std::vector<std::vector<std::string>> rows, std::size_t width,
                                                   const std::vector<std::size_t>& droppable = {});

}  // namespace toezeg::cli
