#include "core/official.hpp"

#include <cctype>

#include "core/date.hpp"

namespace toezeg {

namespace {

struct DecisionName {
    Decision decision;
    std::string_view id, dutch;
};
constexpr DecisionName k_decisions[] = {
    {Decision::adopted, "adopted", "aangenomen"}, {Decision::rejected, "rejected", "verworpen"},
    {Decision::held, "held", "aangehouden"},      {Decision::withdrawn, "withdrawn", "ingetrokken"},
    {Decision::tied, "tied", "gestaakt"},         {Decision::replaced, "replaced", "vervangen"},
};
static_assert(std::size(k_decisions) == static_cast<std::size_t>(Decision::replaced) + 1);

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

std::string_view to_string(Decision decision) { return k_decisions[static_cast<std::size_t>(decision)].id; }
std::string_view dutch_decision(Decision decision) { return k_decisions[static_cast<std::size_t>(decision)].dutch; }

std::optional<Decision> parse_decision(std::string_view text) {
    for (auto& d : k_decisions)
        if (d.id == text || d.dutch == text) return d.decision;
    return std::nullopt;
}

Status status_of_decision(Decision decision) {
    switch (decision) {
        case Decision::adopted:
            return Status::open;
        case Decision::rejected:
        case Decision::tied:
            return Status::rejected;
        case Decision::held:
            return Status::held;
        case Decision::withdrawn:
        case Decision::replaced:
            return Status::lapsed;
    }
    return Status::open;
}

std::optional<Decision> decision_of_besluit(std::string_view besluit_soort, std::string_view besluit_tekst) {
    std::string soort = lower_ascii(besluit_soort);
    std::string tekst = lower_ascii(besluit_tekst);
    auto has = [&](std::string_view word) {
        return soort.find(word) != std::string::npos || (soort.empty() && tekst.find(word) != std::string::npos);
    };
    if (has("aangenomen")) return Decision::adopted;
    if (has("verworpen")) return Decision::rejected;
    if (has("gestaakt") || has("staking")) return Decision::tied;
    if (has("aangehouden") || has("aanhouden")) return Decision::held;
    if (has("ingetrokken") || has("intrekken")) return Decision::withdrawn;
    if (has("gewijzigd") || has("vervangen")) return Decision::replaced;
    return std::nullopt;
}

std::string OfficialFate::summary() const {
    std::string out = decision == Decision::tied ? "staking van stemmen" : std::string(dutch_decision(decision));
    if (auto d = Date::parse_iso(date)) out += " " + d->dutch();
    if (votes_for + votes_against > 0) out += ", " + std::to_string(votes_for) + "-" + std::to_string(votes_against);
    if (seats_voted > 0 && seats_voted < 150)
        out += " (stemmen van " + std::to_string(seats_voted) + " van 150 zetels bekend)";
    if (decision == Decision::replaced && !successor.empty())
        out += " door " + (successor.starts_with("kst-") ? successor.substr(4) : successor);
    if (!kabinetsappreciatie.empty()) out += "; " + kabinetsappreciatie;
    return out;
}

std::string kamerstuk_id(std::string_view ref) {
    // "36 410 VIII, nr. 58": the dossier before ", nr. ", its spaces dropped, except the one
    // before a chapter (VIII, A) or a sub-number after a dash ("21 501-02").
    auto comma = ref.find(", nr. ");
    if (comma == std::string_view::npos) return "";
    std::string_view dossier = ref.substr(0, comma), number = ref.substr(comma + 6);
    if (dossier.empty() || number.empty()) return "";
    std::string out = "kst-";
    for (std::size_t k = 0; k < dossier.size(); ++k) {
        char c = dossier[k];
        if (c == ' ') {
            bool next_is_letter = k + 1 < dossier.size() && std::isalpha(static_cast<unsigned char>(dossier[k + 1]));
            if (next_is_letter) out.push_back('-');
            continue;
        }
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return "";
        out.push_back(c);
    }
    out.push_back('-');
    for (char c : number) {
        if (!std::isalnum(static_cast<unsigned char>(c))) return "";
        out.push_back(c);
    }
    return out;
}

std::string ref_of_kamerstuk(const std::string& kamerstuk) {
    // kst-<dossier digits>[-<chapter or sub-number>...]-<number>
    if (!kamerstuk.starts_with("kst-")) return "";
    std::string body = kamerstuk.substr(4);
    auto last = body.rfind('-');
    if (last == std::string::npos || last == 0 || last + 1 == body.size()) return "";
    std::string dossier = body.substr(0, last), number = body.substr(last + 1);
    auto first = dossier.find('-');
    std::string digits = dossier.substr(0, first), rest = first == std::string::npos ? "" : dossier.substr(first);
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) return "";
    // "36410" -> "36 410": the last three digits apart.
    std::string spaced =
        digits.size() > 3 ? digits.substr(0, digits.size() - 3) + " " + digits.substr(digits.size() - 3) : digits;
    // "-VIII" is a chapter ("36 410 VIII"); "-02" a sub-number ("21 501-02").
    if (!rest.empty() && std::isalpha(static_cast<unsigned char>(rest[1]))) rest[0] = ' ';
    return spaced + rest + ", nr. " + number;
}

namespace {

bool plain_number(const std::string& s) {
    if (s.empty() || s.size() > 32) return false;
    for (char c : s)
        if (!std::isalnum(static_cast<unsigned char>(c))) return false;
    return true;
}

// A Kamerstuk id of letters, digits and dashes only, in the form ref_of_kamerstuk reads.
bool plain_kamerstuk(const std::string& id) {
    if (id.size() > 64 || ref_of_kamerstuk(id).empty()) return false;
    for (char c : id)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
    return true;
}

}  // namespace

std::string official_address(const OfficialIdentity& identity) {
    if (plain_kamerstuk(identity.publication))
        return "https://zoek.officielebekendmakingen.nl/" + identity.publication + ".html";
    if (plain_number(identity.number))
        return "https://www.tweedekamer.nl/kamerstukken/detail?id=" + identity.number + "&did=" + identity.number;
    return "";
}

std::string publication_address(const std::string& document_id, const OfficialIdentity& identity) {
    // A Kamerstuk's own publication first (the official one, else the id's), then the Kamer's page.
    if (!plain_kamerstuk(identity.publication) && plain_kamerstuk(document_id))
        return "https://zoek.officielebekendmakingen.nl/" + document_id + ".html";
    return official_address(identity);
}

}  // namespace toezeg
