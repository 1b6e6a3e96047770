#include "detect/confidence.hpp"

#include <algorithm>

#include <re2/re2.h>

namespace toezeg::detect {

namespace {

// Weights of each part of the act, named so a test can hold each to its meaning.
constexpr double k_base = 0.2;
constexpr double k_weight_act_named = 0.3;
constexpr double k_weight_actor = 0.1;
constexpr double k_weight_addressee = 0.1;
constexpr double k_weight_deliverable = 0.1;
constexpr double k_weight_time = 0.1;
constexpr double k_weight_status = 0.1;

}  // namespace

ActParts find_act_parts(const Item& item, std::string_view evidence) {
    static const RE2 k_act("(?i)toezegging|toegezegd|\\bzeg(?:de|den|t|gen)?\\b[^.;]{0,200}\\btoe\\b|\\bmoties?\\b");
    static const RE2 k_actor(
        "(?i)\\b(?:ik|wij|we|mijn|onze|het kabinet|de regering|minister|staatssecretaris|minister-president|ambtsvoorganger)\\b");
    static const RE2 k_addressee(
        "(?i)\\b(?:uw kamer|de (?:eerste |tweede )?kamer|de [te]k|u|de leden|het lid|lid|kamerlid|de commissie|uw commissie)\\b");
    static const RE2 k_deliverable(
        "(?i)\\b(?:brief|brieven|rapport\\w*|verslag|appreciatie|fiche|notitie|overzicht|evaluatie|visie|reactie|"
        "kabinetsreactie|antwoord|beantwoording|informeren|geïnformeerd|informeer\\w*|sturen|stuur\\w*|toe te sturen|"
        "zenden|toekomen|terug(?: te)? (?:komen|kom)|terugkomen|uitvoering|uitgevoerd|invulling|voorstel|plan)\\b");
    static const RE2 k_third_party(
        "(?i)\\b(?:de europese commissie|de commissie van|het voorzitterschap|de lidstaten|de gemeenten?|"
        "de provincies?|het agentschap|de toezichthouder|de autoriteit|de raad van state)\\b");
    ActParts p;
    p.third_party = RE2::PartialMatch(evidence, k_third_party);
    p.act_named = RE2::PartialMatch(evidence, k_act) || !item.ref.empty();
    p.actor = RE2::PartialMatch(evidence, k_actor);
    p.addressee = RE2::PartialMatch(evidence, k_addressee) || !item.members.empty();
    p.deliverable = RE2::PartialMatch(evidence, k_deliverable);
    p.time = !item.due.empty() || !item.due_text.empty() || (item.earlier && !item.made_on.empty());
    // A motion's status is a default 'open' when no status rule spoke; a commitment's rule
    // is always one that read the sentence.
    p.status_stated = item.kind == Kind::commitment ? !item.rule.empty() : item.rule != "motion.named";
    return p;
}

double confidence_of(Kind kind, const ActParts& p) {
    double c = k_base;
    c += p.act_named ? k_weight_act_named : 0.0;
    c += p.actor ? k_weight_actor : 0.0;
    c += p.addressee || kind == Kind::motion ? k_weight_addressee : 0.0;
    c += p.deliverable || kind == Kind::motion ? k_weight_deliverable : 0.0;
    c += p.time ? k_weight_time : 0.0;
    c += p.status_stated ? k_weight_status : 0.0;
    return std::clamp(c, 0.0, 1.0);
}

}  // namespace toezeg::detect
