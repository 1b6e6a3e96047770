// How late an open item is, since when it is open, and when an item without a deadline has been open too long.
#include "report/deadlines.hpp"

#include "core/date.hpp"

namespace toezeg::report {

std::string open_since(const track::TrackedItem& item) {
    if (Date::parse_iso(item.made_on)) return item.made_on;
    return item.first_date();
}

long days_late(const track::TrackedItem& item, const std::string& as_of) {
    if (!track::is_overdue(item, as_of)) return 0;
    auto due = Date::parse_iso(item.due), day = Date::parse_iso(as_of);
    if (!due || !day) return 0;
    return day->days() - due->days();
}

std::string days_late_label(long days) { return std::to_string(days) + (days == 1 ? " dag" : " dagen") + " te laat"; }

bool long_open_without_deadline(const track::TrackedItem& item, const std::string& as_of) {
    if (item.status != Status::open || Date::parse_iso(item.due)) return false;
    auto since = Date::parse_iso(open_since(item)), day = Date::parse_iso(as_of);
    return since && day && since->plus_months(k_vague_deadline_months) <= *day;
}

std::string long_open_label() {
    return "langer dan " + std::to_string(k_vague_deadline_months) + " maanden open zonder termijn";
}

}  // namespace toezeg::report
