#pragma once
// Dates in letters: relative dates ("3 maart jl.") and deadline phrases ("voor de zomer").
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/document.hpp"

namespace toezeg::detect {

// The date relative dates are resolved against: the letter date, else the latest full
// date written in the body, else none.
std::optional<Date> reference_date(const Document& doc);

// The first date in `sentence` that is not part of a deadline phrase, resolved against
// `reference` ("3 maart jl." -> the last 3 March on or before it).
std::optional<Date> first_event_date(std::string_view sentence, std::optional<Date> reference);

// The date an act was made, when a sentence has several: the first after the words of the
// act ("toezegging in mijn brief van 31 december 2014", not the "uw brief van 28 oktober"
// before it), else after a meeting word (debat, overleg, behandeling, vergadering), else the
// last one before such words, else the first. Also "11-06-2009" as in overview tables.
std::optional<Date> act_date(std::string_view sentence, std::optional<Date> reference);

struct Deadline {
    std::string due;   // ISO date, empty for vague phrases
    std::string text;  // the phrase as written
    bool vague = false;
};

// The deadline a sentence sets, by the convention table in README ("Deadlines").
std::optional<Deadline> find_deadline(std::string_view sentence, std::optional<Date> reference);

}  // namespace toezeg::detect
