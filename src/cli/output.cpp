#include "cli/output.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>

#include "core/date.hpp"

namespace toezeg::cli {

using nlohmann::json;

namespace {
Verbosity g_verbosity = Verbosity::normal;

json or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

std::size_t display_width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}
}  // namespace

json item_to_json(const Item& it, const std::string& doc) {
    return json{{"doc", doc},
                {"kind", std::string(to_string(it.kind))},
                {"status", std::string(to_string(it.status))},
                {"evidence", it.evidence},
                {"span", json::array({it.span.begin, it.span.end})},
                {"member", or_null(it.member)},
                {"members", it.members},
                {"party", or_null(it.party)},
                {"actor", or_null(it.actor)},
                {"made_on", or_null(it.made_on)},
                {"made_in", or_null(it.made_in)},
                {"subject", or_null(it.subject)},
                {"due", or_null(it.due)},
                {"due_text", or_null(it.due_text)},
                {"ref", or_null(it.ref)},
                {"rule", it.rule},
                {"confidence", std::round(it.confidence * 100) / 100}};
}

json error_to_json(const Error& error) { return json{{"subject", error.subject}, {"message", error.message}}; }

json ingest_result_json(const pipeline::IngestResult& r) {
    json out{{"source", r.source}, {"outcome", std::string(pipeline::to_string(r.outcome))}};
    if (r.outcome == pipeline::Outcome::failed) {
        out["error"] = error_to_json(r.error);
        return out;
    }
    out["id"] = r.id;
    out["version"] = r.version;
    out["note"] = or_null(r.note);
    out["warnings"] = r.warnings;
    return out;
}

void print_error(const Error& error) { std::cerr << "toezeg: error: " << error.describe() << "\n"; }

void set_verbosity(Verbosity v) { g_verbosity = v; }
Verbosity verbosity() { return g_verbosity; }

void print_note(const std::string& message) {
    if (g_verbosity == Verbosity::verbose) std::cerr << "toezeg: " << message << "\n";
}

void print_info(const std::string& message) {
    if (g_verbosity != Verbosity::quiet) std::cerr << "toezeg: " << message << "\n";
}

void print_warning(const std::string& subject, const std::string& message) {
    if (g_verbosity == Verbosity::quiet) return;
    std::cerr << "toezeg: warning: " << (subject.empty() ? "" : subject + ": ") << message << "\n";
}

bool valid_date_option(const std::string& value, const char* name) {
    if (value.empty() || Date::parse_iso(value)) return true;
    print_error(Error{name, "must be a date as YYYY-MM-DD, not '" + value + "'"});
    return false;
}

bool use_colour() {
    const char* no_colour = std::getenv("NO_COLOR");
    if (no_colour && *no_colour) return false;
    return ::isatty(STDOUT_FILENO) != 0;
}

std::size_t terminal_width() {
    if (::isatty(STDOUT_FILENO) == 0) return 0;
    if (const char* columns = std::getenv("COLUMNS"); columns && *columns) {
        char* end = nullptr;
        long n = std::strtol(columns, &end, 10);
        if (*end == '\0' && n > 0 && n < 10000) return static_cast<std::size_t>(n);
    }
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 0;
}

std::string tracked_items(std::size_t n) { return std::to_string(n) + (n == 1 ? " tracked item" : " tracked items"); }

std::string format_table(const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> widths;
    for (auto& row : rows)
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (widths.size() <= c) widths.push_back(0);
            widths[c] = std::max(widths[c], display_width(row[c]));
        }
    std::string out;
    for (auto& row : rows) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            line += row[c];
            if (c + 1 < row.size()) line += std::string(widths[c] - display_width(row[c]) + 2, ' ');
        }
        // Empty last cells (a deletion has no version or source) leave no trailing blanks.
        line.erase(line.find_last_not_of(' ') + 1);
        out += line + "\n";
    }
    return out;
}

}  // namespace toezeg::cli

namespace toezeg::cli {

namespace {
// Columns the rows take before their last column, with format_table's two-space gaps.
std::size_t width_before_last(const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> widths;
    for (auto& row : rows)
        for (std::size_t c = 0; c + 1 < row.size(); ++c) {
            if (widths.size() <= c) widths.push_back(0);
            widths[c] = std::max(widths[c], display_width(row[c]));
        }
    std::size_t used = 0;
    for (auto w : widths) used += w + 2;
    return used;
}

// The rows without the given columns (never the last one).
std::vector<std::vector<std::string>> without_columns(std::vector<std::vector<std::string>> rows,
                                                      std::vector<std::size_t> columns) {
    std::sort(columns.begin(), columns.end(), std::greater<>());
    for (auto& row : rows)
        for (std::size_t c : columns)
            if (c + 1 < row.size()) row.erase(row.begin() + static_cast<std::ptrdiff_t>(c));
    return rows;
}
}  // namespace

std::vector<std::vector<std::string>> fit_to_width(std::vector<std::vector<std::string>> rows, std::size_t width,
                                                   const std::vector<std::size_t>& droppable) {
    if (width == 0 || rows.empty()) return rows;
    std::vector<std::size_t> dropped;
    for (std::size_t column : droppable) {
        if (width_before_last(without_columns(rows, dropped)) + 24 <= width) break;
        dropped.push_back(column);
    }
    rows = without_columns(std::move(rows), dropped);
    std::size_t used = width_before_last(rows);
    std::size_t room = width > used + 12 ? width - used : 12;
    for (auto& row : rows)
        if (!row.empty() && display_width(row.back()) > room) {
            std::string& last = row.back();
            std::size_t bytes = 0, shown = 0;
            while (bytes < last.size() && shown + 1 < room) {
                bytes += 1;
                while (bytes < last.size() && (static_cast<unsigned char>(last[bytes]) & 0xC0) == 0x80) ++bytes;
                ++shown;
            }
            last = last.substr(0, bytes) + "…";
        }
    return rows;
}

}  // namespace toezeg::cli
