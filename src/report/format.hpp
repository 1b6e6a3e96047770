#pragma once
// Dutch labels for the report: dates, statuses, kinds, events, ISO weeks.
#include <string>

#include "core/date.hpp"
#include "core/item.hpp"
#include "track/tracker.hpp"

namespace toezeg::report {

std::string date_label(const std::string& iso);  // "2026-03-03" -> "3 maart 2026"; "" stays ""
std::string status_class(Status status, bool overdue);  // CSS class
std::string status_label(Status status, bool overdue);  // "Openstaand", "Verlopen", ...
std::string kind_label(Kind kind);                       // "Toezegging", "Motie"
std::string thousands(std::size_t n);                    // 23159 -> "23.159"
// "toegezegd" (a commitment made), "ingediend" (a motion), "voldaan", "termijn gewijzigd", ...
std::string event_label(const std::string& type, Kind kind);
// "van 1 juli 2026 naar 31 december 2026" for a "deadline changed" event, "" for others.
std::string deadline_change_label(const track::Event& e);
// What a tracked item is about: its subject, else the first quoted evidence, else its id.
std::string item_summary(const track::TrackedItem& item);

struct IsoWeek {
    int year = 0, week = 0;
    Date monday;
    std::string label() const;  // "2026-W12"
};
IsoWeek iso_week_of(Date day);
// "2026-W12" -> that week; nullopt when malformed.
std::optional<IsoWeek> parse_iso_week(const std::string& text);

}  // namespace toezeg::report
