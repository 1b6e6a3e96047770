#include "detect/fields.hpp"

#include <re2/re2.h>

#include <set>

#include "util/text.hpp"
#include "util/utf8.hpp"

namespace toezeg::detect {

std::string subject_of(std::string_view s) {
    // The most telling phrase first ("op de hoogte houden van X"), then any "over X".
    static const RE2 k_specific(
        "(?i)\\b(?:op de hoogte (?:houden|stellen|brengen) van|terug te komen op|terugkomen op|te informeren over|informeren over|te rapporteren over|in te gaan op|nader in te gaan op)\\s+([^,.;:()\\n]{6,}?)(?:\\s+(?:als afgedaan|te informeren|als uitgevoerd)|[,.;:(\\n]|$)");
    static const RE2 k_general(
        "(?i)\\b(?:over|inzake|betreffende|ten aanzien van|gericht op)\\s+([^,.;:()\\n]{6,}?)(?:\\s+(?:als afgedaan|te informeren|als uitgevoerd|is\\b|wordt\\b|uit\\b|informeert\\b)|[,.;:(\\n]|$)");
    // "de motie van het lid Middendorp c.s.": the periods of "c.s." end no subject.
    std::string text(s);
    for (auto at = text.find(" c.s."); at != std::string::npos; at = text.find(" c.s.", at))
        text.replace(at, 5, " c\x01s\x01");
    std::string subject;
    if (!RE2::PartialMatch(text, k_specific, &subject) && !RE2::PartialMatch(text, k_general, &subject)) return "";
    for (char& c : subject)
        if (c == '\x01') c = '.';
    // The clause goes on after the matter: "studentenhuisvesting heeft de minister ...",
    // "artikel 23 Grondwet tevens zou ingaan op ...", "X nog voor het kerstreces te kunnen informeren".
    re2::StringPiece rest(subject), verb;
    static const RE2 k_find(
        "(\\s(?:heeft|hebben|had|kan|kunnen|zal|zullen|zou|zouden|wil|wordt|worden|werd|kondig|"
        "kondigt|tevens|te kunnen|toe te|nog voor|heb|ben)(?:\\s|$))");
    if (RE2::PartialMatch(rest, k_find, &verb)) {
        std::size_t at = static_cast<std::size_t>(verb.data() - subject.data());
        if (subject.find(' ') < at) subject.resize(at);
    }
    // A footnote marker glued to the last word ("herkomstlanden2") is no part of it.
    while (!subject.empty() && subject.back() >= '0' && subject.back() <= '9' && subject.size() > 1 &&
           utf8::is_letter(static_cast<unsigned char>(subject[subject.size() - 2]) | 0x20))
        subject.pop_back();
    return text::shorten(text::trim(subject), 100);
}

std::string made_in_of(std::string_view s) {
    static const RE2 k_event(
        "(?i)\\b(?:in|tijdens|bij) (?:het|de) ((?:(?:mondelinge|plenaire|schriftelijke|geannoteerde) )?[\\p{L}-]*(?:debat|overleg|vragenuur|agenda|behandeling|bijeenkomst|notaoverleg)|plan van aanpak)\\b((?: [^ ,.;]+){0,8})");
    std::string head, tail;
    if (!RE2::PartialMatch(s, k_event, &head, &tail)) return "";
    static const std::set<std::string> k_stop = {"van", "op", "d.d.", "zegde", "heb", "heeft", "is", "werd", "aan",
                                                 "toegezegd", "ga", "informeer", "over", "het", "de", "om", "zijn"};
    std::string out = head;
    std::size_t pos = 0;
    std::string t = tail;
    while (pos < t.size()) {
        while (pos < t.size() && t[pos] == ' ') ++pos;
        auto next = t.find(' ', pos);
        std::string word = t.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
        if (word.empty()) break;
        std::string lw = utf8::to_lower(word);
        // "plenaire behandeling van het wetsvoorstel X": keep "van" when a name follows.
        if (k_stop.contains(lw) && !(lw == "van" && head.find("behandeling") != std::string::npos)) break;
        if (lw.size() && lw[0] >= '0' && lw[0] <= '9') break;
        out += " " + word;
        if (next == std::string::npos) break;
        pos = next;
    }
    return out;
}

}  // namespace toezeg::detect
