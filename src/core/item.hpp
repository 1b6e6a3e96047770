#pragma once
// A commitment (toezegging) or motion (motie) found in one letter.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"

namespace toezeg {

enum class Kind { commitment, motion };
// The Tweede Kamer register's Openstaand, Voldaan, Deels voldaan, Vervallen; for motions
// also the Kamer's own decision when it did not adopt one: Verworpen (also a tie) and
// Aangehouden (held). Only an open item can be overdue.
enum class Status { open, fulfilled, partial, lapsed, rejected, held };
inline constexpr Status k_all_statuses[] = {Status::open,   Status::fulfilled, Status::partial,
                                            Status::lapsed, Status::rejected,  Status::held};

std::string_view to_string(Kind kind);
std::string_view to_string(Status status);
std::optional<Kind> parse_kind(std::string_view text);
std::optional<Status> parse_status(std::string_view text);
std::string_view dutch_status(Status status);

struct Item {
    Kind kind = Kind::commitment;
    Status status = Status::open;
    std::string evidence;               // verbatim sentences from the normalised text
    Span span;                          // offsets of the evidence
    std::string member;                 // first Kamerlid named, "" if none
    std::vector<std::string> members;   // all named Kamerleden
    std::string party;
    std::string actor;                  // "minister van Asiel en Migratie"
    std::string made_on;                // ISO date the commitment was made or the motion submitted
    std::string made_in;                // "commissiedebat JBZ-Raad"
    std::string subject;
    std::string due;                    // ISO deadline or ""
    std::string due_text;               // the phrase the deadline came from
    std::string ref;                    // canonical Kamerstuk reference or ""
    std::string rule;                   // id of the rule that decided the status
    bool earlier = false;               // a commitment made before this letter (answered or referred to)
    double confidence = 1.0;            // how complete the act is and how certain its status words, in [0, 1]
};

}  // namespace toezeg
