// Register status words and register item ids.
#include "core/register.hpp"

#include "core/date.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace toezeg {

std::string_view to_string(Chamber chamber) { return chamber == Chamber::tk ? "tk" : "ek"; }
std::string_view dutch_chamber(Chamber chamber) { return chamber == Chamber::tk ? "Tweede Kamer" : "Eerste Kamer"; }

std::optional<Status> parse_register_status(std::string_view word) {
    std::string w = text::collapse_spaces(utf8::to_lower(word));
    // Quotes around the word, as committee notes write it ("voldaan", “deels voldaan”).
    for (std::string_view quote : {"\"", "\u201c", "\u201d", "'", "\u2018", "\u2019"}) {
        while (w.starts_with(quote)) w.erase(0, quote.size());
        while (w.ends_with(quote)) w.erase(w.size() - quote.size());
    }
    if (w == "openstaand") return Status::open;
    if (w == "voldaan" || w == "afgedaan") return Status::fulfilled;
    if (w == "deels voldaan" || w == "deels afgedaan") return Status::partial;
    if (w == "vervallen") return Status::lapsed;
    return std::nullopt;
}

namespace {

// The Activiteit's Soort as it reads after "toegezegd in": with its article; the kinds of the
// API's list (fetch notes, ronl-agenda) that are "de"-words or plural get theirs, the others "het".
std::string kind_with_article(std::string_view kind) {
    std::string k = text::collapse_spaces(utf8::to_lower(kind));
    if (k.starts_with("plenair debat")) return "het plenaire debat";
    for (std::string_view de : {"procedurevergadering", "technische briefing", "regeling van werkzaamheden",
                                "stemmingen", "mondelinge vragen", "hamerstukken"})
        if (k == de) return (k == "stemmingen" || k == "mondelinge vragen" || k == "hamerstukken" ? "" : "de ") + k;
    if (k.ends_with("gesprek") || k.ends_with("overleg") || k.ends_with("debat")) return "het " + k;
    return k;
}

}  // namespace

std::string register_made_in(const RegisterRecord& record) {
    std::string where;
    if (!record.activity_kind.empty()) {
        where = kind_with_article(record.activity_kind);
        if (!record.activity_subject.empty()) where += " " + record.activity_subject;
    } else if (!record.activity.empty()) {
        where = record.chamber == Chamber::ek ? kind_with_article(record.activity) : record.activity;
    }
    if (where.empty()) return "";
    std::string out = "toegezegd in " + where;
    if (auto d = Date::parse_iso(record.made_on)) out += " van " + d->dutch();
    return out;
}

std::string register_made_to(const RegisterRecord& record) {
    std::string out = text::join(record.members, ", ");
    if (out.empty()) return record.party;
    if (!record.party.empty() && out.find("(" + record.party + ")") == std::string::npos)
        out += " (" + record.party + ")";
    return out;
}

std::string register_item_id(const RegisterRecord& record) {
    return "reg-" + (record.number.empty() ? record.id : record.number);
}

bool is_register_item_id(std::string_view id) { return id.starts_with("reg-"); }

}  // namespace toezeg
