#pragma once
#include <cstdint>
// Calendar dates (proleptic Gregorian) and the Dutch ways of writing them.
#include <optional>
#include <string>
#include <string_view>

namespace toezeg {

struct Date {
    int year = 0, month = 0, day = 0;

    bool valid() const;
    std::string iso() const;          // "2026-03-03"
    std::string dutch() const;        // "3 maart 2026"
    long days() const;                // days since 1970-01-01
    static Date from_days(long days);
    Date plus_days(long n) const { return from_days(days() + n); }
    Date plus_months(int n) const;
    static std::optional<Date> parse_iso(std::string_view text);
    static Date today();
    auto operator<=>(const Date&) const = default;
};

// The ISO date a timestamp starts with ("2024-01-16T00:00:00" -> "2024-01-16"), "" when it
// starts with none (never a cut through a character of hostile text).
std::string iso_date_prefix(std::string_view timestamp);

// stamp_time() in UTC as ISO 8601 to the second ("2026-12-07T02:15:00Z"), as commits,
// versions and corrections are stamped.
std::string utc_now_iso();
// The time toezeg stamps on what it writes (a commit, a version's ingested_at), in seconds
// since 1970-01-01 UTC: $SOURCE_DATE_EPOCH when it holds a whole number of seconds (the
// reproducible-builds convention, so the same inputs give the same store, commit for commit),
// else now.
std::int64_t stamp_time();

// 1..12 for a Dutch month name ("maart", "mrt", "sept."), 0 when it is none.
int dutch_month(std::string_view word);
const char* dutch_month_name(int month);
int days_in_month(int year, int month);

}  // namespace toezeg
