#pragma once
// The reasons of the errors a ci run reports, in Dutch for the summary: every English message
// of a `fail(...)` (stderr keeps the English) is matched by one rule of a table
// (error_reasons_nl.cpp) and said again in the words a clerk uses.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace toezeg::report {

// One row of the table: an RE2 pattern that must match the whole English message, the Dutch
// sentence with {1}, {2}, ... for the pattern's groups ({1*}: the group said in Dutch when a
// rule knows it, e.g. a system's or library's message), and a message the rule is for.
struct ErrorReasonRule {
    std::string_view english;
    std::string_view dutch;
    std::string_view example;
};

// The table, in the order it is tried (the first rule that matches the whole message wins).
std::span<const ErrorReasonRule> error_reason_rules();

// The Dutch reason for an English message, or nullopt when no rule matches it.
std::optional<std::string> dutch_reason(std::string_view message);

// The Dutch reason, or the message itself marked "(onvertaald)": never dropped.
std::string dutch_reason_or_marked(std::string_view message);

// An error as the summary shows it: its subject (fixed English words in Dutch), ": ", its reason.
std::string describe_in_dutch(const Error& error);

}  // namespace toezeg::report
