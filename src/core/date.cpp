#include "core/date.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace toezeg {

namespace {
constexpr std::array<const char*, 12> k_month_names = {"januari", "februari", "maart",     "april",
                                                       "mei",     "juni",     "juli",      "augustus",
                                                       "september", "oktober", "november", "december"};
}

int days_in_month(int year, int month) {
    static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : k_days[month - 1];
}

bool Date::valid() const {
    return year >= 1800 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 &&
           day <= days_in_month(year, month);
}

std::string Date::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::string Date::dutch() const {
    return std::to_string(day) + " " + dutch_month_name(month) + " " + std::to_string(year);
}

long Date::days() const {
    // Howard Hinnant's days_from_civil.
    int y = year - (month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = static_cast<unsigned>(y - era * 400);
    unsigned mp = static_cast<unsigned>(month + (month > 2 ? -3 : 9));
    unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

Date Date::from_days(long z) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = static_cast<unsigned>(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = static_cast<long>(yoe) + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

Date Date::plus_months(int n) const {
    int total = year * 12 + (month - 1) + n;
    Date r{total / 12, total % 12 + 1, day};
    if (r.day > days_in_month(r.year, r.month)) r.day = days_in_month(r.year, r.month);
    return r;
}

std::string iso_date_prefix(std::string_view timestamp) {
    auto date = Date::parse_iso(timestamp.substr(0, 10));
    return date ? date->iso() : std::string();
}

std::optional<Date> Date::parse_iso(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    auto num = [&](std::size_t pos, std::size_t len) {
        int v = 0;
        for (std::size_t i = pos; i < pos + len; ++i) v = v * 10 + (text[i] - '0');
        return v;
    };
    Date d{num(0, 4), num(5, 2), num(8, 2)};
    if (!d.valid()) return std::nullopt;
    return d;
}

Date Date::today() {
    auto now = std::chrono::system_clock::now();
    auto days = std::chrono::floor<std::chrono::days>(now);
    return from_days(days.time_since_epoch().count());
}

int dutch_month(std::string_view word) {
    std::string w;
    for (char c : word)
        if (c != '.') w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (w.size() < 3) return 0;
    for (int i = 0; i < 12; ++i) {
        std::string_view name = k_month_names[static_cast<std::size_t>(i)];
        if (w == name) return i + 1;
    }
    static constexpr std::array<const char*, 12> k_abbrev = {"jan", "feb", "mrt", "apr", "mei", "jun",
                                                             "jul", "aug", "sep", "okt", "nov", "dec"};
    for (int i = 0; i < 12; ++i)
        if (w == k_abbrev[static_cast<std::size_t>(i)]) return i + 1;
    if (w == "sept") return 9;
    return 0;
}

const char* dutch_month_name(int month) {
    return month >= 1 && month <= 12 ? k_month_names[static_cast<std::size_t>(month - 1)] : "?";
}

std::int64_t stamp_time() {
    const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
    if (epoch != nullptr && *epoch != '\0' && std::strlen(epoch) <= 12 &&
        std::all_of(epoch, epoch + std::strlen(epoch), [](char c) { return c >= '0' && c <= '9'; }))
        return std::stoll(epoch);
    return static_cast<std::int64_t>(std::time(nullptr));
}

std::string utc_now_iso() {
    std::time_t t = static_cast<std::time_t>(stamp_time());
    std::tm parts{};
    gmtime_r(&t, &parts);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return buf;
}

}  // namespace toezeg
