#include "report/format.hpp"

#include <cstdio>

#include "util/text.hpp"

namespace toezeg::report {

std::string date_label(const std::string& iso) {
    auto d = Date::parse_iso(iso);
    return d ? d->dutch() : iso;
}

std::string status_class(Status status, bool overdue) {
    if (overdue) return "status-overdue";
    return "status-" + std::string(to_string(status));
}

// "Termijn verlopen", not "Verlopen": that reads too much like "Vervallen" (lapsed).
std::string status_label(Status status, bool overdue) {
    return overdue ? "Termijn verlopen" : std::string(dutch_status(status));
}

std::string kind_label(Kind kind) { return kind == Kind::commitment ? "Toezegging" : "Motie"; }

std::string event_label(const std::string& type, Kind kind) {
    if (type == "made") return kind == Kind::commitment ? "toegezegd" : "ingediend";
    if (type == "mentioned") return "genoemd";
    if (type == "repeated") return "herhaald";
    if (type == "deadline changed") return "termijn gewijzigd";
    if (type == "partly fulfilled") return "deels voldaan";
    if (type == "fulfilled") return "voldaan";
    if (type == "lapsed") return "vervallen";
    if (type == "linked") return "handmatig gekoppeld";
    if (type == "unlinked") return "handmatig ontkoppeld";
    if (type == "corrected") return "handmatig verbeterd";
    if (type == "decided") return "besluit van de Kamer";
    return type;
}

std::string deadline_change_label(const track::Event& e) {
    if (e.type != "deadline changed" || e.due.empty()) return "";
    if (e.due_before.empty()) return "nieuwe termijn " + date_label(e.due);
    return "van " + date_label(e.due_before) + " naar " + date_label(e.due);
}

std::string item_summary(const track::TrackedItem& t) {
    if (!t.subject.empty()) return t.subject;
    for (auto& e : t.events)
        if (!e.evidence.empty() && e.evidence[0] != '(') return text::shorten(e.evidence, 110);
    return t.id;
}

std::string IsoWeek::label() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-W%02d", year, week);
    return buf;
}

IsoWeek iso_week_of(Date day) {
    long days = day.days();
    long weekday = ((days + 3) % 7 + 7) % 7;  // 0 = Monday (1970-01-01 was a Thursday)
    Date monday = Date::from_days(days - weekday);
    Date thursday = Date::from_days(days - weekday + 3);
    Date jan1{thursday.year, 1, 1};
    int week = static_cast<int>((thursday.days() - jan1.days()) / 7 + 1);
    return IsoWeek{thursday.year, week, monday};
}

std::optional<IsoWeek> parse_iso_week(const std::string& text) {
    int year = 0, week = 0;
    char w = 0;
    if (std::sscanf(text.c_str(), "%4d-%c%2d", &year, &w, &week) != 3 || (w != 'W' && w != 'w') || week < 1 || week > 53)
        return std::nullopt;
    // The Monday of week 1 is the Monday of the week holding 4 January.
    IsoWeek first = iso_week_of(Date{year, 1, 4});
    Date monday = first.monday.plus_days(7L * (week - 1));
    IsoWeek out = iso_week_of(monday);
    if (out.year != year || out.week != week) return std::nullopt;
    return out;
}

std::string thousands(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t k = 0; k < digits.size(); ++k) {
        if (k > 0 && (digits.size() - k) % 3 == 0) out += '.';
        out += digits[k];
    }
    return out;
}

}  // namespace toezeg::report
