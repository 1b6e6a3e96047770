#include "detect/subject.hpp"

#include <re2/re2.h>

#include <set>

#include "detect/fields.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace toezeg::detect {

namespace {

// Words that say nothing about the matter on their own.
const std::set<std::string>& generic_words() {
    static const std::set<std::string> k_words = {"de",
                                                  "het",
                                                  "een",
                                                  "van",
                                                  "en",
                                                  "over",
                                                  "op",
                                                  "in",
                                                  "voor",
                                                  "mijn",
                                                  "onze",
                                                  "deze",
                                                  "die",
                                                  "dit",
                                                  "dat",
                                                  "daarvan",
                                                  "hiervan",
                                                  "hierover",
                                                  "daarover",
                                                  "voortgang",
                                                  "stand",
                                                  "zaken",
                                                  "uitwerking",
                                                  "uitvoering",
                                                  "motie",
                                                  "moties",
                                                  "toezegging",
                                                  "toezeggingen",
                                                  "brief",
                                                  "informatie",
                                                  "onderwerp",
                                                  "onderwerpen",
                                                  "ontwikkelingen",
                                                  "resultaten",
                                                  "uitkomsten",
                                                  "planning",
                                                  "aanpak",
                                                  "vervolg",
                                                  "volgende",
                                                  "daarin",
                                                  "aangekondigde",
                                                  "genoemde",
                                                  "betreffende",
                                                  "desbetreffende",
                                                  "beoogde",
                                                  "proces",
                                                  "tijdpad",
                                                  "stappen",
                                                  "maatregelen",
                                                  "acties",
                                                  "hoe",
                                                  "wat",
                                                  "wanneer",
                                                  "waarom",
                                                  "u",
                                                  "uw",
                                                  "kamer",
                                                  "zal",
                                                  "wordt",
                                                  "gevraagd",
                                                  "aantal"};
    return k_words;
}

// A first word that makes the subject a clause or a bare verb, not a noun phrase.
bool starts_as_clause(std::string_view subject) {
    static const RE2 k_clause(
        "(?i)^(?:wat|hoe|of|dat|waarom|wanneer|welke|informeren|te|u|hierover|daarover|hiervan|daarvan|dit|deze|"
        "die|motie wordt)\\b");
    return RE2::PartialMatch(subject, k_clause);
}

// A heading or letter title a reader can place: words, not a number, a salutation or a
// sentence of the letter.
bool placeable(std::string_view title) {
    static const RE2 k_not_title(
        "(?i)^(?:geachte|aan de|hierbij|bijlage\\b|inleiding|tot slot|afsluitend|ten slotte|vervolg|planning|"
        "conclusie|samenvatting|toezeggingen|moties|moties en toezeggingen|den haag|datum|kenmerk|ons kenmerk|"
        "uw kenmerk|betreft|omschrijving|eerste kamer der|tweede kamer der|vaststelling (?:van )?(?:de "
        ")?begroting|[–•·*-])|://|\\bvindplaats\\b|\\b\\d{1,2} (?:januari|februari|maart|april|mei|"
        "juni|juli|augustus|september|oktober|november|december) \\d{4}$");
    static const RE2 k_words("\\p{L}{3,}");
    if (title.size() < 6 || title.size() > 160 || RE2::PartialMatch(title, k_not_title)) return false;
    if (!RE2::PartialMatch(title, k_words)) return false;
    return names_its_matter(title);
}

}  // namespace

std::string subject_from_context(std::string_view heading, const Metadata& meta) {
    // "e. Digitale rechtspraak", "2.3 Planning": the number goes; a heading that starts in lower
    // case is the second line of one ("opleiding").
    std::string head(text::trim(heading));
    static const RE2 k_enumerator("^(?:[a-z][.)]|[0-9]{1,2}(?:\\.[0-9]+)*[.)]?) ");
    RE2::Replace(&head, k_enumerator, "");
    if (!head.empty() && !utf8::is_upper(static_cast<unsigned char>(head[0])) && (head[0] & 0x80) == 0) head.clear();
    for (std::string_view title : {std::string_view(head), std::string_view(meta.subject),
                                   std::string_view(meta.dossier_title), std::string_view(meta.title)}) {
        std::string t(text::trim(title));
        while (!t.empty() && (t.back() == ':' || t.back() == '.')) t.pop_back();
        // "31 936 Luchtvaartbeleid", "36 600 B Vaststelling ...": the dossier number goes.
        static const RE2 k_dossier("^\\d{2} \\d{3}(?: [A-Z]{1,4}\\b)? ");
        RE2::Replace(&t, k_dossier, "");
        if (placeable(t)) return text::shorten(t, 100);
    }
    return "";
}

bool names_its_matter(std::string_view subject) {
    if (subject.empty() || starts_as_clause(subject)) return false;
    std::size_t telling = 0;
    std::string lower = utf8::to_lower(std::string(subject));
    std::size_t pos = 0;
    while (pos < lower.size()) {
        auto end = lower.find(' ', pos);
        std::string word = lower.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        while (!word.empty() && (word.back() == ',' || word.back() == ':')) word.pop_back();
        if (word.size() > 1 && !generic_words().contains(word)) ++telling;
        if (end == std::string::npos) break;
        pos = end + 1;
    }
    return telling > 0;
}

bool refers_outside(std::string_view sentence) {
    static const RE2 k_pointer(
        "^\\s*(?:Hierover|Daarover|Hierbij|Hiermee|Daarmee|Daarbij|Dit|Deze|Die|Dat|Zij|Beantwoording)\\b|"
        "\\b(?i:hierover|daarover|hiervan|daarvan|hierop|daarop|hiertoe|daartoe)\\b|"
        "\\b(?i:de brief|de vragen|de voorlichting|het standpunt|deze informatie|deze|die|dit)\\s+"
        "(?i:zal|zullen|zo spoedig|spoedig|uiterlijk|eind|voor|in|te|doe|ontvangt|heb|toekomen|sturen|zenden)\\b");
    return RE2::PartialMatch(sentence, k_pointer);
}

std::string commitment_subject(std::string_view sentence, std::string_view heading, const Metadata& meta) {
    std::string own = subject_of(sentence);
    if (!own.empty() && names_its_matter(own)) return own;
    // A sentence that names its own matter reads better than a title it would be replaced by.
    if (own.empty() && !refers_outside(sentence)) return "";
    std::string context = subject_from_context(heading, meta);
    if (context.empty()) return own.empty() || starts_as_clause(own) ? "" : own;
    // "de voortgang" of what: the section or the letter says.
    if (!own.empty() && !starts_as_clause(own)) return own + " (" + context + ")";
    return context;
}

}  // namespace toezeg::detect
