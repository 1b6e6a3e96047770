#include "detect/people.hpp"

#include <re2/re2.h>

#include <set>

#include "util/text.hpp"
#include "util/utf8.hpp"

namespace toezeg::detect {

namespace {
#define TZ_SURNAME "\\p{Lu}[\\p{L}'’]+(?:-\\p{Lu}?[\\p{L}'’]+)*"
#define TZ_NAME                                                                                                   \
    "(?:\\p{Lu}[\\p{L}]+ (?:van |de |der |den |ter |ten |te )+" TZ_SURNAME                                        \
    "|(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en|[Tt]e|[Ii]n|'t|’t|[Ee]l|[Vv]on|[Ll]a|[Ll]e|[Dd]os|[Dd]a) " \
    ")*" TZ_SURNAME ")"

std::string capitalise_first(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 32);
    return s;
}

std::string lower_first(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] + 32);
    return s;
}
}  // namespace

bool is_plausible_name(std::string_view name) {
    static const std::set<std::string> k_not_names = {
        "Kamer", "Tweede", "Eerste", "Kamerstuk", "Kamerstukken", "Handelingen", "Hiermee", "Daarmee", "Met", "In",
        "Op", "Over", "Het", "De", "Deze", "Dit", "Zie", "Nr", "Motie", "Moties", "Regering", "Kabinet", "Europese",
        "Commissie", "Raad", "Staten-Generaal", "Uw", "Verzoekt", "Gehoord", "Constaterende", "Overwegende",
        // column heads of overview tables: "Omschrijving motie Vindplaats Stand van Zaken"
        "Vindplaats", "Omschrijving", "Status", "Stand", "Toelichting", "Datum", "Onderwerp", "Nummer", "Indiener",
        "Indieners", "Kamerlid", "Afgedaan", "Uitgevoerd", "Openstaand"};
    std::string first(name.substr(0, name.find(' ')));
    std::string last(name.substr(name.rfind(' ') + 1));
    if (k_not_names.contains(std::string(name)) || k_not_names.contains(last)) return false;
    return !(name.find(' ') == std::string_view::npos && k_not_names.contains(first));
}

bool names_a_member(std::string_view before, std::string_view names) {
    if (names.empty() || !utf8::is_lower(static_cast<unsigned char>(names[0]))) return true;
    static const RE2 k_particle("^(?:van|de|der|den|ter|ten|te|in 't|in ’t) ");
    static const RE2 k_member_word("(?i)(?:\\blid(?:-|\\s+)|\\bleden\\s+|\\bmotie-)$");  // a line may break after "lid"
    return RE2::PartialMatch(names, k_particle) && RE2::PartialMatch(before, k_member_word);
}

std::vector<std::string> split_names(std::string_view names) {
    std::vector<std::string> out;
    // Separators " en ", ", ", "/" and " & " become '|' (built anew: GCC 12 warns on replace()).
    std::string s;
    for (std::size_t i = 0; i < names.size();) {
        std::size_t skip = 0;
        for (std::string_view sep : {" en ", ", ", "/", " & "})
            if (names.substr(i, sep.size()) == sep) skip = sep.size();
        if (skip) {
            s.push_back('|');
            i += skip;
        } else {
            s.push_back(names[i++]);
        }
    }
    std::size_t start = 0;
    while (start <= s.size()) {
        auto bar = s.find('|', start);
        std::string part =
            std::string(text::trim(s.substr(start, bar == std::string::npos ? std::string::npos : bar - start)));
        if (!part.empty() && is_plausible_name(part)) out.push_back(capitalise_first(part));
        if (bar == std::string::npos) break;
        start = bar + 1;
    }
    return out;
}

Members find_members(std::string_view sentence) {
    static const RE2::Options k_options = [] {
        RE2::Options o;
        o.set_max_mem(64 << 20);
        return o;
    }();
    static const RE2 k_member(
        "(?:\\b(?i:het )?(?i:kamer)?[Ll]id[- ](?:(?i:mevrouw|de heer) )?|\\b(?i:de) leden |\\b(?:[Dd]e "
        "heer|[Mm]evrouw) )(" TZ_NAME "(?:(?:, | en (?:het lid )?)" TZ_NAME ")*)(?: \\(([^)]{2,30})\\))?",
        k_options);
    Members out;
    // The pattern is large; most sentences name no one, which a plain search shows.
    static const RE2 k_cue("(?i)lid|leden|heer|mevrouw");
    if (!RE2::PartialMatch(sentence, k_cue)) return out;
    re2::StringPiece input(sentence.data(), sentence.size());
    // "het rapport van de heer Alders": the author of a report or advice is no Kamerlid.
    static const RE2 k_author(
        "(?i)\\b(?:rapport|advies|onderzoek|verkenning)\\w* (?:van|door) (?:de heer|mevrouw) (\\p{Lu}[\\p{L}'’-]+)");
    std::vector<std::string> authors;
    re2::StringPiece scan(sentence.data(), sentence.size());
    std::string author;
    if (sentence.find("e heer ") != std::string_view::npos || sentence.find("evrouw ") != std::string_view::npos)
        while (RE2::FindAndConsume(&scan, k_author, &author)) authors.push_back(author);
    std::string names, party;
    while (RE2::FindAndConsume(&input, k_member, &names, &party)) {
        for (auto& n : split_names(names))
            if (std::find(out.names.begin(), out.names.end(), n) == out.names.end() &&
                std::find(authors.begin(), authors.end(), n) == authors.end())
                out.names.push_back(n);
        if (out.party.empty() && !party.empty() && party.find(' ') == std::string::npos &&
            !(party[0] >= '0' && party[0] <= '9'))
            out.party = party;
    }
    return out;
}

std::string find_actor(std::string_view sentence, const Metadata& meta) {
    static const RE2 k_role(
        "\\b((?i:minister-president|minister|staatssecretaris)(?: (?:van|voor) \\p{Lu}[\\p{L}]*(?:(?:,| en)? "
        "\\p{Lu}[\\p{L}]*)*)?)");
    std::string role;
    if (RE2::PartialMatch(sentence, k_role, &role) && role.find(' ') != std::string::npos) return lower_first(role);
    static const RE2 k_first_person("(?i)\\b(?:ik|mijn)\\b");
    if (RE2::PartialMatch(sentence, k_first_person) && !meta.signers.empty()) return meta.signers.front().role;
    static const RE2 k_bare_role("(?i)\\bde (minister|staatssecretaris)\\b");
    std::string bare;
    if (RE2::PartialMatch(sentence, k_bare_role, &bare)) {
        for (auto& s : meta.signers)
            if (s.role.starts_with(utf8::to_lower(bare))) return s.role;
        return utf8::to_lower(bare);
    }
    if (meta.signers.size() == 1) return meta.signers.front().role;
    return "kabinet";
}

bool government_is_subject(std::string_view sentence, std::size_t verb_pos, std::size_t verb_end) {
    static const RE2 k_government(
        "(?i)\\b(?:ik|wij|we|het kabinet|de regering|(?:de|mijn|onze) "
        "(?:minister|staatssecretaris|ambtsvoorganger|voorganger)|minister|staatssecretaris|minister-president|premier|"
        "bewindspersoon|bewindspersonen)\\b");
    // The words just after the verb ("heb ik", "zegde de minister") or the clause before it.
    std::string_view after = sentence.substr(verb_end, std::min<std::size_t>(40, sentence.size() - verb_end));
    std::size_t start = verb_pos > 60 ? verb_pos - 60 : 0;
    std::string_view before = sentence.substr(start, verb_pos - start);
    if (auto comma = before.rfind(','); comma != std::string_view::npos) before = before.substr(comma + 1);
    return RE2::PartialMatch(after, k_government) || RE2::PartialMatch(before, k_government);
}

#undef TZ_NAME
#undef TZ_SURNAME

}  // namespace toezeg::detect
