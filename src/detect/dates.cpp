#include "detect/dates.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <memory>
#include <vector>

#include "util/utf8.hpp"

namespace toezeg::detect {

namespace {

const std::string k_months = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december";

constexpr int k_max_count = 1200;  // of weeks or months in "binnen N weken": about 100 years

int number_word(const std::string& w) {
    static const std::map<std::string, int> k_words = {{"een", 1},   {"één", 1},    {"twee", 2}, {"drie", 3},
                                                       {"vier", 4},  {"vijf", 5},   {"zes", 6},  {"acht", 8},
                                                       {"tien", 10}, {"twaalf", 12}};
    if (auto it = k_words.find(w); it != k_words.end()) return it->second;
    // Digits: at most k_max_count (a letter's "binnen 99999999999 weken" must not overflow a date).
    int n = 0;
    auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), n);
    if (ec == std::errc::result_out_of_range) return k_max_count;
    return std::clamp(n, 0, k_max_count);
}

// The first date on or after `reference` with this month and day ("voor 1 juli").
Date next_occurrence(Date reference, int month, int day) {
    Date d{reference.year, month, day};
    if (d < reference) d.year += 1;
    return d;
}

Date third_tuesday_of_september(int year) {
    Date d{year, 9, 1};
    long weekday = (d.days() + 4) % 7;  // 1970-01-01 was a Thursday; 0 = Sunday
    long first_tuesday = 1 + (9 - weekday) % 7;
    return Date{year, 9, static_cast<int>(first_tuesday + 14)};
}

}  // namespace

std::optional<Date> reference_date(const Document& doc) {
    if (auto d = Date::parse_iso(doc.meta.date)) return d;
    static const RE2 k_full_date("(?i)\\b(\\d{1,2}) (" + k_months + ") (\\d{4})\\b");
    re2::StringPiece input(doc.text.data(), doc.body_end);
    int day = 0, year = 0;
    std::string month;
    std::optional<Date> latest;
    while (RE2::FindAndConsume(&input, k_full_date, &day, &month, &year)) {
        Date d{year, dutch_month(month), day};
        if (d.valid() && (!latest || *latest < d)) latest = d;
    }
    return latest;
}

std::optional<Date> first_event_date(std::string_view sentence, std::optional<Date> reference) {
    static const RE2 k_date("(?i)(\\S+ )?\\b(\\d{1,2}) (" + k_months + ")(?: (\\d{4}))?");
    re2::StringPiece input(sentence.data(), sentence.size());
    std::string before, month, year;
    int day = 0;
    while (RE2::FindAndConsume(&input, k_date, &before, &day, &month, &year)) {
        std::string prev = utf8::to_lower(before);
        if (prev == "voor " || prev == "vóór " || prev == "uiterlijk " || prev == "per " || prev == "tot " ||
            prev == "na " || prev == "vanaf ")
            continue;
        int m = dutch_month(month);
        if (!year.empty()) {
            Date d{std::atoi(year.c_str()), m, day};
            if (d.valid()) return d;
            continue;
        }
        if (!reference) return std::nullopt;
        Date d{reference->year, m, day};
        if (reference < d) d.year -= 1;  // "jl.": the last such date before the letter
        if (d.valid()) return d;
    }
    return std::nullopt;
}

namespace {

struct DatedAt {
    std::size_t pos;
    Date date;
};

// Every date of `sentence` that is not part of a deadline phrase, with its offset.
std::vector<DatedAt> event_dates(std::string_view sentence, std::optional<Date> reference) {
    static const RE2 k_date("(?i)((?:\\S+ )?)\\b(\\d{1,2}) (" + k_months + ")(?: (\\d{4}))?");
    static const RE2 k_numeric("((?:\\S+ )?)\\b(\\d{1,2})-(\\d{1,2})-(\\d{4})\\b");
    std::vector<DatedAt> out;
    auto excluded = [](const std::string& before) {
        std::string prev = utf8::to_lower(before);
        return prev == "voor " || prev == "vóór " || prev == "uiterlijk " || prev == "per " || prev == "tot " ||
               prev == "na " || prev == "vanaf ";
    };
    re2::StringPiece input(sentence.data(), sentence.size());
    std::string before, month, year;
    int day = 0;
    while (RE2::FindAndConsume(&input, k_date, &before, &day, &month, &year)) {
        if (excluded(before)) continue;
        auto pos = static_cast<std::size_t>(input.data() - sentence.data());
        Date d{year.empty() ? 0 : std::atoi(year.c_str()), dutch_month(month), day};
        if (year.empty()) {
            if (!reference) continue;
            d.year = reference->year;
            if (*reference < d) d.year -= 1;  // "jl.": the last such date before the letter
        }
        if (d.valid()) out.push_back({pos, d});
    }
    input = re2::StringPiece(sentence.data(), sentence.size());
    int numeric_month = 0, numeric_year = 0;
    while (RE2::FindAndConsume(&input, k_numeric, &before, &day, &numeric_month, &numeric_year)) {
        Date d{numeric_year, numeric_month, day};
        if (!excluded(before) && d.valid())
            out.push_back({static_cast<std::size_t>(input.data() - sentence.data()), d});
    }
    std::sort(out.begin(), out.end(), [](const DatedAt& a, const DatedAt& b) { return a.pos < b.pos; });
    return out;
}

}  // namespace

std::optional<Date> act_date(std::string_view sentence, std::optional<Date> reference) {
    auto dates = event_dates(sentence, reference);
    if (dates.empty()) return std::nullopt;
    static const RE2 k_act("(?i)(toezegging|toegezegd|\\bzegde|aangegeven|aangekondigd|besproken|gevraagd)");
    static const RE2 k_meeting("(?i)(debat|overleg|behandeling|vergadering|notaoverleg|kennismakingsgesprek)");
    for (const RE2* words : {&k_act, &k_meeting}) {
        re2::StringPiece match;
        if (!words->Match(sentence, 0, sentence.size(), RE2::UNANCHORED, &match, 1)) continue;
        auto at = static_cast<std::size_t>(match.data() - sentence.data());
        for (const auto& d : dates)
            if (d.pos > at) return d.date;
        return dates.back().date;
    }
    return dates.front().date;
}

std::optional<Deadline> find_deadline(std::string_view sentence, std::optional<Date> reference) {
    std::string s(sentence);
    std::string phrase, a, b, c;
    auto make = [&](const std::string& text, std::optional<Date> due) {
        Deadline d;
        d.text = text;
        if (due && due->valid())
            d.due = due->iso();
        else
            d.vague = true;
        return d;
    };
    auto year_or = [&](const std::string& y, int month, int day) -> std::optional<Date> {
        if (!y.empty()) return Date{std::atoi(y.c_str()), month, day};
        if (!reference) return std::nullopt;
        return next_occurrence(*reference, month, day);
    };

    static const RE2 k_before_date("(?i)\\b((?:uiterlijk|voor|vóór|per)(?: op)? (\\d{1,2}) (" + k_months +
                                   ")(?: (\\d{4}))?)");
    int day = 0;
    if (RE2::PartialMatch(s, k_before_date, &phrase, &day, &a, &b)) {
        auto date = year_or(b, dutch_month(a), day);
        std::string first = utf8::to_lower(phrase.substr(0, 4));
        if (date && (first == "voor" || first == "vóór")) date = date->plus_days(-1);
        return make(phrase, date);
    }
    // A term extended or postponed to a day: "de termijn te verlengen tot 20 februari".
    static const RE2 k_extended(
        "(?i)\\b(?:verleng\\w*|uitstel|uitgesteld|verschoven|verzet)\\b[^.;]{0,60}?\\b(tot (?:en met )?(\\d{1,2}) (" +
        k_months + ")(?: (\\d{4}))?)");
    if (RE2::PartialMatch(s, k_extended, &phrase, &day, &a, &b)) return make(phrase, year_or(b, dutch_month(a), day));
    static const RE2 k_quarter(
        "(?i)\\b((?:uiterlijk |voor |vóór )?(?:in )?het (eerste|tweede|derde|vierde|1e|2e|3e|4e) kwartaal(?: van)?(?: "
        "(\\d{4}))?)");
    if (RE2::PartialMatch(s, k_quarter, &phrase, &a, &b)) {
        static const std::map<std::string, int> k_q = {{"eerste", 3}, {"1e", 3}, {"tweede", 6},  {"2e", 6},
                                                       {"derde", 9},  {"3e", 9}, {"vierde", 12}, {"4e", 12}};
        int month = k_q.at(utf8::to_lower(a));
        return make(phrase, year_or(b, month, days_in_month(2001, month)));
    }
    // "in het eerste trimester van 2018": a third of the year.
    static const RE2 k_trimester(
        "(?i)\\b((?:uiterlijk |voor |vóór )?(?:in )?het (eerste|tweede|derde|1e|2e|3e) trimester(?: van)?(?: "
        "(\\d{4}))?)");
    if (RE2::PartialMatch(s, k_trimester, &phrase, &a, &b)) {
        std::string t = utf8::to_lower(a);
        int month = t == "eerste" || t == "1e" ? 4 : t == "tweede" || t == "2e" ? 8 : 12;
        return make(phrase, year_or(b, month, days_in_month(2001, month)));
    }
    // "in de tweede week van maart": the last week_end of that week.
    static const RE2 k_week(
        "(?i)\\b((?:uiterlijk |voor |vóór )?(?:in )?de (eerste|tweede|derde|vierde|laatste) week van (" + k_months +
        ")(?: (\\d{4}))?)");
    if (RE2::PartialMatch(s, k_week, &phrase, &c, &a, &b)) {
        int month = dutch_month(a);
        std::string w = utf8::to_lower(c);
        int week_end = w == "eerste" ? 7 : w == "tweede" ? 14 : w == "derde" ? 21 : w == "vierde" ? 28 : 31;
        std::optional<Date> due = year_or(b, month, std::min(week_end, 28));
        if (due) due = Date{due->year, month, std::min(week_end, days_in_month(due->year, month))};
        return make(phrase, due);
    }
    // "begin volgend jaar", "nog dit jaar": the year after the letter's, or its own.
    static const RE2 k_next_year(
        "(?i)\\b((begin|medio|eind|einde|in de loop van) volgend jaar|voor het einde van volgend jaar)");
    if (RE2::PartialMatch(s, k_next_year, &phrase, &a)) {
        if (!reference) return make(phrase, std::nullopt);
        std::string p = utf8::to_lower(a);
        int month = p == "begin" ? 3 : p == "medio" ? 6 : 12;
        return make(phrase, Date{reference->year + 1, month, days_in_month(2001, month)});
    }
    // "in de eerste helft van 2027": the end of that half.
    static const RE2 k_half(
        "(?i)\\b((?:uiterlijk |voor |vóór )?(?:in )?de (eerste|tweede) helft van (?:(\\d{4})|dit jaar|het jaar))");
    if (RE2::PartialMatch(s, k_half, &phrase, &a, &b)) {
        int month = utf8::to_lower(a) == "eerste" ? 6 : 12;
        return make(phrase, year_or(b, month, days_in_month(2001, month)));
    }
    struct Season {
        const char* pattern;
        int month, day;
    };
    static const Season k_seasons[] = {
        {"(?i)\\b(voor (?:de zomer|het zomerreces)(?: van (\\d{4}))?)", 7, 1},
        {"(?i)\\b(na (?:de zomer|het zomerreces)(?: van (\\d{4}))?)", 9, 30},
        {"(?i)\\b((?:in|voor) het najaar(?: van (\\d{4}))?)", 11, 30},
        {"(?i)\\b(dit najaar)()", 11, 30},
        {"(?i)\\b(dit voorjaar)()", 5, 31},
        {"(?i)\\b(nog dit jaar|dit jaar nog|eind dit jaar)()", 12, 31},
        {"(?i)\\b(medio dit jaar)()", 6, 30},
        {"(?i)\\b((?:in|voor) het voorjaar(?: van (\\d{4}))?)", 5, 31},
        {"(?i)\\b(voor het kerstreces(?: van (\\d{4}))?)", 12, 19},
        {"(?i)\\b(voor (?:het eind(?:e)? van (?:het|dit) jaar|de jaarwisseling))()", 12, 31},
        {"(?i)\\b((?:voor )?(?:het )?eind(?:e)? (\\d{4}))", 12, 31},
        {"(?i)\\b(medio (\\d{4}))", 6, 30},
        {"(?i)\\b(begin (\\d{4}))", 3, 31},
    };
    static const std::vector<std::unique_ptr<RE2>> k_season_res = [] {
        std::vector<std::unique_ptr<RE2>> out;
        for (const auto& season : k_seasons) out.push_back(std::make_unique<RE2>(season.pattern));
        return out;
    }();
    for (std::size_t i = 0; i < std::size(k_seasons); ++i)
        if (RE2::PartialMatch(s, *k_season_res[i], &phrase, &b))
            return make(phrase, year_or(b, k_seasons[i].month, k_seasons[i].day));
    static const RE2 k_prinsjesdag("(?i)\\b(voor Prinsjesdag)");
    if (RE2::PartialMatch(s, k_prinsjesdag, &phrase)) {
        if (!reference) return make(phrase, std::nullopt);
        Date d = third_tuesday_of_september(reference->year);
        if (d < *reference) d = third_tuesday_of_september(reference->year + 1);
        return make(phrase, d.plus_days(-1));
    }
    static const RE2 k_in_month("(?i)\\b((?:uiterlijk |voor )?(in|eind|medio|begin|half) (" + k_months +
                                ")(?: (\\d{4}))?)");
    std::string part;
    if (RE2::PartialMatch(s, k_in_month, &phrase, &part, &a, &b)) {
        int month = dutch_month(a);
        int year = b.empty() ? (reference ? reference->year : 0) : std::atoi(b.c_str());
        if (b.empty() && reference && month < reference->month) ++year;
        if (!year) return make(phrase, std::nullopt);
        std::string p = utf8::to_lower(part);
        int last_day = p == "medio" || p == "half" ? 15 : p == "begin" ? 10 : days_in_month(year, month);
        return make(phrase, Date{year, month, last_day});
    }
    static const RE2 k_within(
        "(?i)\\b(binnen (\\d+|een|één|twee|drie|vier|vijf|zes|acht|tien|twaalf) (weken|maanden))");
    if (RE2::PartialMatch(s, k_within, &phrase, &a, &b)) {
        if (!reference) return make(phrase, std::nullopt);
        int n = number_word(utf8::to_lower(a));
        Date d = b.starts_with("w") ? reference->plus_days(7L * n) : reference->plus_months(n);
        return make(phrase, d);
    }
    static const RE2 k_vague(
        "(?i)\\b(op (?:korte|zo kort mogelijke) termijn|zo (?:spoedig|snel) mogelijk|binnenkort|te zijner tijd|later "
        "dit jaar|de komende (?:periode|maanden|weken)|in de loop van (?:dit|het) jaar|(?:uiterlijk "
        ")?(?:voor|vóór|na|direct na|rond) (?:het (?:einde|eind|begin) van )?het "
        "(?:voorjaars|mei|herfst|zomer|kerst|krokus)?reces)\\b");
    if (RE2::PartialMatch(s, k_vague, &phrase)) return make(phrase, std::nullopt);
    return std::nullopt;
}

}  // namespace toezeg::detect
