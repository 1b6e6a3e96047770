#include "ingest/metadata.hpp"

#include <re2/re2.h>

#include "util/text.hpp"
#include "util/utf8.hpp"

namespace toezeg::ingest {

namespace {

std::string flatten(std::string_view s) { return text::collapse_spaces(s); }

std::string head_of(std::string_view text, std::size_t body_end, std::size_t limit) {
    std::string head(text.substr(0, std::min(body_end, limit)));
    for (auto& c : head)
        if (c == '\n') c = ' ';
    return text::collapse_spaces(head);
}

std::string lower_first(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] + 32);
    return s;
}

void parse_header(const std::string& head, Metadata& m) {
    static const RE2 k_dossier(R"(^(?:\S+ ){0,3}?(\d{2} \d{3}(?:-\d{2}| [IVXLC]{1,6})?) +(.+?) +Nr\. ?(\d{1,4})\b)");
    static const RE2 k_number(R"((?:^|\s)Nr\. ?(\d{1,4}) +(?:Brief|BRIEF|Verslag|VERSLAG|Motie|MOTIE)\b)");
    static const RE2 k_sender(R"(\bBrief van (.+?)(?: Aan de | Den Haag,| Datum\b|$))");
    static const RE2 k_addressee(R"(\b(?:Aan )?[Dd]e [Vv]oorzitter van de (Tweede|Eerste) Kamer)");
    std::string dossier, title, number;
    if (RE2::PartialMatch(head.substr(0, 400), k_dossier, &dossier, &title, &number)) {
        m.dossier = dossier;
        m.dossier_title = title;
        m.number = number;
    } else if (RE2::PartialMatch(head.substr(0, 400), k_number, &number)) {
        m.number = number;
    }
    std::string sender;
    if (RE2::PartialMatch(head, k_sender, &sender)) m.sender = text::trim(sender);
    std::string kamer;
    if (RE2::PartialMatch(head, k_addressee, &kamer)) m.addressee = kamer + " Kamer";
}

void parse_date(const std::string& head, Metadata& m) {
    static const RE2 k_date(R"((?:Den Haag,|\bDatum:?)\s+(\d{1,2} \p{L}+\.? \d{4}))");
    std::string found;
    if (RE2::PartialMatch(head, k_date, &found))
        if (auto d = parse_dutch_date(found)) m.date = d->iso();
}

void parse_subject(std::string_view text, std::size_t body_end, Metadata& m) {
    static const RE2 k_subject(R"((?m)^(?:Betreft|Onderwerp):?\s+(.+)$)");
    std::string_view head = text.substr(0, std::min<std::size_t>(body_end, 3000));
    std::string subject;
    if (RE2::PartialMatch(head, k_subject, &subject)) m.subject = flatten(subject);
}

void parse_meeting(const std::string& head, Metadata& m) {
    static const std::string k_dates = R"((\d{1,2}(?:(?:, | en |-| t/m | tot en met )\d{1,2})* \p{L}+ \d{4}))";
    static const RE2 k_short("\\(([\\p{L}-]*Raad)\\) (van|op) " + k_dates);
    static const RE2 k_long("((?:informele |formele )?Raad(?: [\\p{Lu}][\\p{L}]*(?: en [\\p{Lu}][\\p{L}]*)*)?) (van|op) " + k_dates);
    std::string name, prep, dates;
    if (RE2::PartialMatch(head, k_short, &name, &prep, &dates) ||
        RE2::PartialMatch(head, k_long, &name, &prep, &dates))
        m.meeting = name + " " + prep + " " + dates;
}

bool looks_like_name(std::string_view s) {
    if (s.empty() || s.size() > 60 || s.ends_with(",")) return false;
    std::size_t i = 0;
    if (!utf8::is_upper(utf8::next(s, i))) return false;
    int words = 1;
    for (char c : s) words += c == ' ';
    return words <= 6 && s.find(" de minister") == std::string_view::npos;
}

void parse_signers(std::string_view text, std::size_t body_end, Metadata& m) {
    static const RE2 k_role(
        R"((?m)^(?:De|de) ((?:[Mm]inister(?:-[Pp]resident)?|[Ss]taatssecretaris)(?: (?:van|voor) [^,\n]{3,80})?),\s*([^\n]+)$)");
    re2::StringPiece input(text.data(), std::min(body_end, text.size()));
    std::string role, name;
    while (RE2::FindAndConsume(&input, k_role, &role, &name)) {
        std::string clean = std::string(text::trim(name));
        if (!looks_like_name(clean)) continue;
        m.signers.push_back(Signer{lower_first(flatten(role)), clean});
    }
}

std::string first_sentence(std::string_view text) {
    auto start = text.find_first_not_of(" \n");
    if (start == std::string_view::npos) return "";
    text.remove_prefix(start);
    auto end = text.find_first_of(".\n");
    return text::shorten(text::trim(text.substr(0, end)), 80);
}

}  // namespace

std::optional<Date> parse_dutch_date(std::string_view text) {
    static const RE2 k_date(R"(^\s*(\d{1,2}) (\p{L}+)\.? (\d{4}))");
    int day = 0, year = 0;
    std::string month;
    if (!RE2::PartialMatch(text, k_date, &day, &month, &year)) return std::nullopt;
    Date d{year, dutch_month(month), day};
    if (!d.valid()) return std::nullopt;
    return d;
}

Metadata parse_metadata(std::string_view normalised_text, std::size_t body_end) {
    Metadata m;
    std::string head = head_of(normalised_text, body_end, 3000);
    parse_header(head, m);
    parse_date(head, m);
    parse_subject(normalised_text, body_end, m);
    parse_meeting(head, m);
    parse_signers(normalised_text, body_end, m);
    if (!m.subject.empty()) {
        m.title = m.subject;
    } else if (!m.meeting.empty() && utf8::to_lower(head.substr(0, 600)).find("verslag") != std::string::npos) {
        m.title = "Verslag " + m.meeting;
    } else if (!m.dossier_title.empty()) {
        m.title = m.dossier_title;
    } else {
        m.title = first_sentence(normalised_text);
    }
    return m;
}

}  // namespace toezeg::ingest
