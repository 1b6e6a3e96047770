#pragma once
// How late an open item is, since when it is open, and when an item without a deadline has been open too long.
#include <string>

#include "track/tracker.hpp"

namespace toezeg::report {

// An open item without a date as deadline ("op korte termijn", "te zijner tijd", none)
// is flagged once it has been open this long (README, "The report").
constexpr int k_vague_deadline_months = 6;

// The day it was made (made_on), else the date of its first event; "" when unknown.
std::string open_since(const track::TrackedItem& item);
// Days between the deadline and `as_of` for an overdue item, else 0.
long days_late(const track::TrackedItem& item, const std::string& as_of);
// "1 dag te laat", "12 dagen te laat".
std::string days_late_label(long days);
// Open, no date as deadline, and open since k_vague_deadline_months or longer before `as_of`.
bool long_open_without_deadline(const track::TrackedItem& item, const std::string& as_of);
// "langer dan 6 maanden open zonder termijn".
std::string long_open_label();

}  // namespace toezeg::report
