#include "cli/output.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>

namespace toezeg::cli {

using nlohmann::json;

namespace {
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

void print_error(const Error& error) { std::cerr << "toezeg: error: " << error.describe() << "\n"; }

void print_warning(const std::string& subject, const std::string& message) {
    std::cerr << "toezeg: warning: " << (subject.empty() ? "" : subject + ": ") << message << "\n";
}

bool use_colour() {
    const char* no_colour = std::getenv("NO_COLOR");
    if (no_colour && *no_colour) return false;
    return ::isatty(STDOUT_FILENO) != 0;
}

std::string format_table(const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> widths;
    for (auto& row : rows)
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (widths.size() <= c) widths.push_back(0);
            widths[c] = std::max(widths[c], display_width(row[c]));
        }
    std::string out;
    for (auto& row : rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            out += row[c];
            if (c + 1 < row.size()) out += std::string(widths[c] - display_width(row[c]) + 2, ' ');
        }
        out += "\n";
    }
    return out;
}

}  // namespace toezeg::cli
