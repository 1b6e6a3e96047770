#include "track/fate.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/date.hpp"
#include "util/text.hpp"

namespace toezeg::track {

namespace {

// "2024-03-19T16:54:54.343+01:00" -> a key that sorts by the instant (UTC), whatever the offset;
// text it cannot read sorts by itself, after every readable one.
std::string instant_key(const std::string& iso) {
    static const RE2 k_stamp(R"((\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|([+-])(\d{2}):(\d{2}))?)");
    std::string day, fraction, zone, sign;
    int h = 0, m = 0, sec = 0, oh = 0, om = 0;
    if (!RE2::PartialMatch(iso, k_stamp, &day, &h, &m, &sec, &fraction, &zone, &sign, &oh, &om)) return "~" + iso;
    auto date = Date::parse_iso(day);
    if (!date) return "~" + iso;
    long long seconds = date->days() * 86400LL + h * 3600 + m * 60 + sec;
    if (!sign.empty()) seconds -= (sign == "+" ? 1 : -1) * (oh * 3600LL + om * 60);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%015lld", seconds + 100000000000LL);
    return buf + (fraction.empty() ? std::string(".0") : fraction);
}

}  // namespace

std::string official_motion_subject(const std::string& onderwerp) {
    std::string s = text::collapse_spaces(onderwerp);
    if (auto tvv = s.rfind(" (t.v.v."); tvv != std::string::npos) s.resize(tvv);
    for (const char* opening : {"Motie ", "Gewijzigde motie ", "Nader gewijzigde motie "})
        if (s.starts_with(opening)) {
            if (auto over = s.find(" over "); over != std::string::npos) s = s.substr(over + 6);
            break;
        }
    return std::string(text::trim(s));
}

std::optional<OfficialFate> decide_fate(const MotionRecords& motion) {
    OfficialFate fate;
    fate.zaak = motion.zaak_nummer;
    fate.kamerstuk = motion.kamerstukken.empty() ? "" : motion.kamerstukken.front();
    fate.publications = motion.publications;
    fate.kabinetsappreciatie = motion.kabinetsappreciatie;
    fate.subject = motion.onderwerp;

    const BesluitRecord* deciding = nullptr;
    std::optional<Decision> decision;
    for (auto& b : motion.besluiten) {
        auto d = decision_of_besluit(b.soort, b.tekst);
        if (!d) continue;
        // GewijzigdOp is ISO 8601 with an offset, compared as instants; ties go to the higher id so
        // the order of records never matters.
        if (!deciding || std::pair(instant_key(b.gewijzigd_op), b.id) >
                             std::pair(instant_key(deciding->gewijzigd_op), deciding->id)) {
            deciding = &b;
            decision = d;
        }
    }
    bool voted =
        decision && (*decision == Decision::adopted || *decision == Decision::rejected || *decision == Decision::tied);
    if (!motion.successor.empty() && !voted) {
        fate.decision = Decision::replaced;
        fate.date = iso_date_prefix(motion.successor_date);
        fate.successor = motion.successor;
        fate.successor_zaak = motion.successor_zaak;
        return fate;
    }
    if (!deciding) return std::nullopt;
    fate.decision = *decision;
    fate.date = deciding->gewijzigd_op.substr(0, 10);
    fate.besluit_id = deciding->id;
    fate.besluit_soort = deciding->soort;
    fate.besluit_tekst = deciding->tekst;
    std::map<std::string, const StemmingRecord*> latest;  // per fractie, or per member
    for (auto& v : deciding->votes) {
        auto& slot = latest[v.person.empty() ? v.fractie : v.person];
        if (!slot || instant_key(v.gewijzigd_op) > instant_key(slot->gewijzigd_op)) slot = &v;
    }
    for (auto& [key, v] : latest) {
        int seats = v->person.empty() ? v->seats : 1;
        fate.votes.push_back(
            FractieVote{v->person.empty() ? v->fractie : v->actor + " (" + v->fractie + ")", v->soort, seats});
        fate.seats_voted += seats;
        if (v->soort == "Voor")
            fate.votes_for += seats;
        else if (v->soort == "Tegen")
            fate.votes_against += seats;
    }
    // "Gestaakt. (72-72)", "Aangenomen. (71-70)": the Kamer's own count beats the records' sum.
    static const RE2 k_count(R"(\((\d{1,3})-(\d{1,3})\))");
    int voor = 0, tegen = 0;
    if (RE2::PartialMatch(deciding->tekst, k_count, &voor, &tegen)) {
        fate.votes_for = voor;
        fate.votes_against = tegen;
    }
    std::stable_sort(fate.votes.begin(), fate.votes.end(), [](auto& a, auto& b) { return a.seats > b.seats; });
    return fate;
}

nlohmann::json fate_to_json(const OfficialFate& f) {
    nlohmann::json votes = nlohmann::json::array();
    for (auto& v : f.votes) votes.push_back({{"fractie", v.fractie}, {"vote", v.soort}, {"seats", v.seats}});
    auto or_null = [](const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); };
    return {{"decision", to_string(f.decision)},
            {"besluit", dutch_decision(f.decision)},
            {"date", or_null(f.date)},
            {"summary", f.summary()},
            {"zaak", or_null(f.zaak)},
            {"kamerstuk", or_null(f.kamerstuk)},
            {"besluit_id", or_null(f.besluit_id)},
            {"besluit_soort", or_null(f.besluit_soort)},
            {"besluit_tekst", or_null(f.besluit_tekst)},
            {"kabinetsappreciatie", or_null(f.kabinetsappreciatie)},
            {"votes_for", f.votes_for},
            {"votes_against", f.votes_against},
            {"seats_voted", f.seats_voted},
            {"votes", votes},
            {"successor", or_null(f.successor)},
            {"successor_zaak", or_null(f.successor_zaak)}};
}

std::optional<OfficialFate> fate_from_json(const nlohmann::json& j) {
    if (!j.is_object()) return std::nullopt;
    auto decision = parse_decision(j.value("decision", ""));
    if (!decision) return std::nullopt;
    auto text = [&](const char* key) {
        auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    OfficialFate f;
    f.decision = *decision;
    f.date = text("date");
    f.zaak = text("zaak");
    f.kamerstuk = text("kamerstuk");
    f.besluit_id = text("besluit_id");
    f.besluit_soort = text("besluit_soort");
    f.besluit_tekst = text("besluit_tekst");
    f.kabinetsappreciatie = text("kabinetsappreciatie");
    f.votes_for = j.value("votes_for", 0);
    f.votes_against = j.value("votes_against", 0);
    f.seats_voted = j.value("seats_voted", 0);
    if (auto v = j.find("votes"); v != j.end() && v->is_array())
        for (auto& x : *v)
            if (x.is_object())
                f.votes.push_back(FractieVote{x.value("fractie", ""), x.value("vote", ""), x.value("seats", 0)});
    f.successor = text("successor");
    f.successor_zaak = text("successor_zaak");
    return f;
}

}  // namespace toezeg::track
