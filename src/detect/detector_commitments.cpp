// Commitments: earlier ones answered or referred to, new ones made, their status in the letter's words.
#include <re2/re2.h>

#include <algorithm>

#include "detect/detector_impl.hpp"
#include "detect/people.hpp"
#include "util/utf8.hpp"

namespace toezeg::detect {

bool Detector::promiser_is_government(const CompiledRule& rule, std::string_view s) const {
    std::string_view id = rule.spec->id;
    if (id != "commitment.has-promised" && id != "commitment.was-promised") return true;
    re2::StringPiece match;
    if (!rule.re->Match(s, 0, s.size(), RE2::UNANCHORED, &match, 1)) return false;
    auto pos = static_cast<std::size_t>(match.data() - s.data());
    if (id == "commitment.was-promised") {
        static const RE2 k_by_other(
            "(?i)\\bdoor (?:de |het )?(?:europese )?(?:commissie|raad|voorzitterschap|lidstaten|\\p{Lu}\\S+)");
        if (RE2::PartialMatch(s, k_by_other)) return government_is_subject(s, pos, pos);
        // "De Europese Commissie gaf een toelichting op de steunmaatregelen, die tijdens de
        // Raad zijn toegezegd": a third party acts and neither the government nor the Kamer
        // is named, so the promise is not the government's.
        static const RE2 k_third_party(
            "\\b(?:(?i:de )?Europese Commissie|de Commissie|(?i:het) voorzitterschap|(?i:de) lidstaten)\\b");
        return !RE2::PartialMatch(s, k_third_party) || government_acts(s) || addresses_parliament(s);
    }
    std::size_t verb_end = s.find(' ', pos);
    return government_is_subject(s, pos, verb_end == std::string_view::npos ? s.size() : verb_end);
}

bool Detector::announces_deliverable(const CompiledRule& rule, std::string_view s) const {
    // "heb ik u laten weten dat ik in september over zou gaan tot predistributie van
    // jodiumtabletten": a plan reported to the Kamer, not something promised to it. An earlier
    // announcement counts when what it announced names something for the Kamer: a sending, a
    // document, or work that ends in one (evaluating, examining, working out).
    if (std::string_view(rule.spec->id) != "commitment.announced-earlier") return true;
    static const RE2 k_announced(
        "(?i)\\b(?:aangegeven|aangekondigd|laten weten|gemeld|gezegd|meegedeeld|medegedeeld|bericht)\\b");
    static const RE2 k_deliverable(
        "(?i)\\b(?:informeren|inlichten|berichten|rapporteren|(?:toe)?sturen|(?:toe)?zenden|toekomen|aanbieden|"
        "aan te bieden|voorleggen|voor te leggen|terugkomen|terug te komen|reageren|ingaan|in te gaan|op de "
        "hoogte|brief|brieven|reactie|kabinetsreactie|rapport|rapportage|evaluatie|evalueren|onderzoek|onderzoeken|"
        "uitwerken|uitwerking|in kaart brengen|verkennen|verkenning|notitie|nota|visie|appreciatie|antwoord|"
        "antwoorden|beantwoording|beantwoorden|overzicht|verslag|informatie|standpunt|analyse|uw kamer|de kamer|u)\\b");
    re2::StringPiece verb;
    if (!k_announced.Match(s, 0, s.size(), RE2::UNANCHORED, &verb, 1)) return true;
    auto after = static_cast<std::size_t>(verb.data() - s.data()) + verb.size();
    return RE2::PartialMatch(s.substr(after), k_deliverable);
}

bool Detector::has_own_content(std::string_view s) const {
    static const RE2 k_content("(?i)\\b(?:lid|leden|om|over|inzake|die ik|gedaan|in het|tijdens|bij de)\\b|\\d");
    return RE2::PartialMatch(s, k_content);
}

Status Detector::earlier_status(const CompiledRule& rule, std::string_view s, std::string& decided_by) const {
    Status base = *rule.spec->status;
    decided_by = rule.spec->id;
    if (base == Status::lapsed || base == Status::partial) return base;
    auto set = [&](Status st, const char* id) {
        decided_by = id;
        return st;
    };
    if (matches("commitment-status.lapsed", s)) return set(Status::lapsed, "commitment-status.lapsed");
    if (matches("commitment-status.partial", s)) return set(Status::partial, "commitment-status.partial");
    if (matches("commitment-status.delayed", s)) return set(Status::open, "commitment-status.delayed");
    if (rule.spec->role == RuleRole::closure) return base;
    if (matches("commitment-status.not-yet", s)) return set(Status::open, "commitment-status.not-yet");
    if (matches("commitment-status.done-now", s)) return set(Status::fulfilled, "commitment-status.done-now");
    if (matches("commitment-status.still-open", s)) return set(Status::open, "commitment-status.still-open");
    return base;
}

Draft* Detector::recent_earlier_commitment(std::size_t i) {
    auto near = recent(i, k_anaphor_reach);
    for (auto it = near.rbegin(); it != near.rend(); ++it)
        if (m_drafts[*it].item.kind == Kind::commitment && m_drafts[*it].earlier) return &m_drafts[*it];
    return nullptr;
}

Draft* Detector::restated_commitment(std::size_t i, std::string_view s) {
    static const RE2 k_definite("(?i)\\b(?:de|deze|die|mijn|onze) toezegging\\b");
    if (m_drafts.empty() || !RE2::PartialMatch(s, k_definite)) return nullptr;
    Draft& d = m_drafts.back();
    if (d.item.kind != Kind::commitment || !d.earlier || d.last_sentence + 1 != i) return nullptr;
    // The same paragraph, or the sentence that opens the next one.
    int gap = m_sentences[i].paragraph - m_sentences[d.last_sentence].paragraph;
    if (gap != 0 && !(gap == 1 && (i == 0 || m_sentences[i - 1].paragraph != m_sentences[i].paragraph))) return nullptr;
    auto before = find_members(sentence(d.last_sentence)).names;
    auto now = find_members(s).names;
    if (!before.empty() && !now.empty() && before != now) return nullptr;
    return &d;
}

Draft* Detector::moved_announcement(const CompiledRule& rule, Status status, std::size_t i, std::string_view s) {
    // "In het overleg van 14 september heb ik aangegeven dat ik de reactie eind oktober
    // voorzag. In mijn brief van 23 september heb ik aangegeven die niet eerder dan in november
    // te kunnen aanbieden.": an open promise announced again, right after, with a new date.
    if (status != Status::open || std::string_view(rule.spec->id) != "commitment.announced-earlier") return nullptr;
    if (m_drafts.empty() || !find_members(s).names.empty()) return nullptr;
    Draft& d = m_drafts.back();
    if (d.item.kind != Kind::commitment || !d.earlier || d.item.status != Status::open || d.last_sentence + 1 != i ||
        d.item.rule != "commitment.announced-earlier" ||
        m_sentences[d.last_sentence].paragraph != m_sentences[i].paragraph)
        return nullptr;
    return &d;
}

Draft* Detector::continued_commitment(std::size_t i, std::string_view s) {
    if (!find_members(s).names.empty()) return nullptr;
    Draft* d = recent_earlier_commitment(i);
    if (d) {
        int gap = m_sentences[i].paragraph - m_sentences[d->last_sentence].paragraph;
        if (d->last_sentence + 2 >= i && gap == 0) return d;
        // "Ik heb U meegedeeld dat ik de informatie in september zou toesturen. [...] Via deze
        // brief laat ik U weten dat ik die in oktober zal toesturen": an open promise moved.
        if (d->item.status == Status::open && gap <= 1) return d;
    }
    constexpr std::size_t k_section_reach = 6;
    Draft* last = nullptr;
    for (auto it = m_drafts.rbegin(); it != m_drafts.rend() && !last; ++it)
        if (it->item.kind == Kind::commitment) last = &*it;
    if (!last || !last->earlier || last->last_sentence + k_section_reach < i) return nullptr;
    if (last->status_stated) return nullptr;
    for (std::size_t k = last->last_sentence + 1; k < i; ++k)
        if (m_sentences[k].heading) return nullptr;
    return last;
}

bool Detector::addresses_parliament(std::string_view s) const {
    // Answering the Kamer's own motion or questions addresses it: "te reageren op de motie-Lucas".
    static const RE2 k_kamer(
        "(?i)\\b(?:uw kamer|de (?:eerste |tweede )?kamer|de [te]k|u|de leden|het (?:kamer)?lid|uw commissie|de "
        "(?:vaste )?commissie|"
        "op (?:de|deze|die|uw|beide) (?:aangenomen )?(?:motie|moties|vragen|schriftelijke vragen)|"
        "(?:de|deze|die|uw|haar|zijn|hun) (?:schriftelijke |feitelijke |aanvullende |resterende )?vragen)\\b");
    return RE2::PartialMatch(s, k_kamer);
}

bool Detector::government_named(std::string_view s) const {
    static const RE2 k_named(
        "(?i)\\b(?:het kabinet|de regering|minister|staatssecretaris|minister-president|bewindspersoon)\\b");
    return RE2::PartialMatch(s, k_named);
}

bool Detector::after_delay_notice(std::size_t i) const {
    constexpr std::size_t k_delay_reach = 3;
    for (std::size_t k = i + 1; k-- > 0 && k + k_delay_reach >= i;)
        if (first_match(RuleRole::delay_notice, sentence(k))) return true;
    return false;
}

bool Detector::government_acts(std::string_view s) const {
    static const RE2 k_gov(
        "(?i)\\b(?:ik|wij|we|mijn|onze|het kabinet|de "
        "regering|minister|staatssecretaris|minister-president|ambtsvoorganger)\\b");
    return RE2::PartialMatch(s, k_gov);
}

bool Detector::names_future_occasion(std::string_view s) const {
    static const RE2 k_occasion(
        "(?i)\\b(?:in|via|bij) (?:het|de|een) (?:verslag|volgende|eerstvolgende|komende|nieuwe|"
        "(?:\\w+)?voortgangs(?:brief|rapportage)|geannoteerde agenda|verzamelbrief|kabinetsreactie|"
        "beantwoording)\\b|\\bzodra\\b|\\bna (?:afloop|afronding|ontvangst|oplevering|publicatie|vaststelling)\\b");
    return RE2::PartialMatch(s, k_occasion);
}

bool Detector::first_person_acts(std::string_view s) const {
    // The writer acting: "ik", "wij", "het kabinet", or an intention of the writer's own ("Mijn
    // streven is om ...", "Het is onze planning ...").
    static const RE2 k_first(
        "(?i)\\b(?:ik|wij|we|het kabinet|(?:mijn|onze) "
        "(?:streven|voornemen|planning|inzet|verwachting|bedoeling|intentie))\\b");
    return RE2::PartialMatch(s, k_first);
}

bool Detector::is_new_commitment(const CompiledRule& rule, std::size_t i, std::string_view s) const {
    std::string_view id = rule.spec->id;
    if (rule.spec->flags & k_after_delay) return after_delay_notice(i);
    if (id == "commitment.kamer-will-receive") {
        static const RE2 k_passive_verb(
            "(?i)\\b(?:uw kamer|kamer|u) (?:wordt|zal)\\b|\\bwordt (?:uw kamer|de kamer|u)\\b");
        static const RE2 k_participle(
            "(?i)\\b(?:geïnformeerd|op de "
            "hoogte|toegestuurd|toegezonden|ingelicht|bericht|ontvangen|meegenomen)\\b");
        // "Uw Kamer mag van mij verwachten dat ik ...": an expectation of conduct, no deliverable.
        static const RE2 k_conduct(
            "(?i)\\b(?:verwachten|tegemoet zien) (?:dat|van)\\b|\\bvan (?:mij|ons|het kabinet) verwachten\\b");
        if (RE2::PartialMatch(s, k_conduct)) return false;
        return !RE2::PartialMatch(s, k_passive_verb) || RE2::PartialMatch(s, k_participle);
    }
    unsigned flags = rule.spec->flags;
    if (!government_acts(s)) return false;
    bool has_deadline = find_deadline(s, m_reference).has_value();
    if (!addresses_parliament(s) && !(flags & k_addressee_implied) &&
        !((flags & k_implied_by_deadline) && has_deadline && first_person_acts(s)))
        return false;
    if (flags & k_needs_deadline) return has_deadline || names_future_occasion(s);
    return true;
}

void Detector::detect_commitment(std::size_t i, std::string_view s) {
    // A letter of the Algemene Rekenkamer or the Kamer's president: its "ik" and "wij" are not the
    // government's.
    if (m_foreign_sender && i >= m_foreign_begin && i < m_foreign_end && !government_named(s)) return;
    // "Met deze brief informeer ik u over de uitvoering van diverse moties en toezeggingen": a
    // table of contents, not a commitment.
    if (first_match(RuleRole::contents_overview, s)) return;
    const CompiledRule* earlier = nullptr;
    for (auto& r : m_rules.all()) {
        auto role = r.spec->role;
        if (role != RuleRole::earlier_commitment && role != RuleRole::closure) continue;
        if (RE2::PartialMatch(s, *r.re) && promiser_is_government(r, s) && announces_deliverable(r, s)) {
            earlier = &r;
            break;
        }
    }
    if (earlier) {
        std::string decided_by;
        Status status = earlier_status(*earlier, s, decided_by);
        bool back_reference = earlier->spec->role == RuleRole::closure ||
                              (status != Status::open && !has_own_content(s) &&
                               std::string_view(earlier->spec->id) != "commitment.promised-by-government");
        bool only_back = std::string_view(earlier->spec->id) == "commitment.delivered-now";
        if (only_back || (back_reference && !has_own_content(s))) {
            if (Draft* d = recent_earlier_commitment(i)) {
                d->item.status = status;
                d->item.rule = decided_by;
                d->status_stated = true;
                attach(*d, i);
                return;
            }
            if (only_back) return;
        }
        std::size_t target = m_drafts.size();
        if (Draft* d = moved_announcement(*earlier, status, i, s)) {
            attach(*d, i);
            return;
        }
        if (Draft* d = restated_commitment(i, s)) {
            if (status != Status::open || d->item.status == Status::open || decided_by != earlier->spec->id) {
                d->item.status = status;
                d->item.rule = decided_by;
                d->status_stated = d->status_stated || decided_by != earlier->spec->id;
            }
            attach(*d, i);
            target = static_cast<std::size_t>(d - m_drafts.data());
        } else {
            add_commitment(i, status, decided_by, true);
            m_drafts.back().status_stated = decided_by != earlier->spec->id || earlier->spec->role == RuleRole::closure;
        }
        split_enumerated(target, i, s);
        return;
    }
    // "Ik heb toegezegd X voor het reces te sturen. [...] Ik heb X nog niet ontvangen.": an
    // interim reply keeps the earlier commitment open.
    const char* reopened_by = matches("commitment-status.not-yet", s)   ? "commitment-status.not-yet"
                              : matches("commitment-status.delayed", s) ? "commitment-status.delayed"
                                                                         : nullptr;
    if (reopened_by)
        if (Draft* d = recent_earlier_commitment(i)) {
            d->item.status = Status::open;
            d->item.rule = reopened_by;
            d->status_stated = true;
            attach(*d, i);
            return;
        }
    if (first_match(RuleRole::exclude, s) && !first_match(RuleRole::announces_future, s)) return;
    for (auto* r : m_rules.with_role(RuleRole::new_commitment)) {
        if (RE2::PartialMatch(s, *r->re) && is_new_commitment(*r, i, s)) {
            if (Draft* d = restated_commitment(i, s)) {  // "De toezegging is dat ik u eind 2016 informeer"
                attach(*d, i);
                return;
            }
            if (Draft* d = continued_commitment(i, s)) {
                // Partly kept with the rest promised ("Deze brief informeert u tussentijds. Voor
                // het eind van het jaar wordt u geïnformeerd over ...") stays partial.
                if (d->item.status != Status::partial) {
                    d->item.status = Status::open;
                    d->item.rule = r->spec->id;
                }
                attach(*d, i);
                return;
            }
            add_commitment(i, Status::open, r->spec->id, false);
            // "In april kunt u nog twee brieven verwachten: ... en ...": one per deliverable.
            static const RE2 k_counted(
                "(?i)\\b(twee|drie|vier) "
                "(?:brieven|rapporten|notities|nota's|rapportages|reacties|kabinetsreacties|"
                "evaluaties|stukken|documenten|overzichten)\\b");
            std::string count;
            if (RE2::PartialMatch(s, k_counted, &count)) {
                count = utf8::to_lower(count);
                int n = count == "twee" ? 2 : count == "drie" ? 3 : 4;
                for (int k = 1; k < n; ++k) add_commitment(i, Status::open, r->spec->id, false);
            }
            return;
        }
    }
}

void Detector::split_enumerated(std::size_t target, std::size_t i, std::string_view s) {
    static const RE2 k_each(
        "(?i)\\b(?:de|een) toezegging (?:gedaan )?aan (?:het lid|lid|de heer|mevrouw|de leden|het kamerlid)\\b");
    std::vector<std::size_t> starts;
    re2::StringPiece match;
    for (std::size_t pos = 0; pos < s.size() && k_each.Match(s, pos, s.size(), RE2::UNANCHORED, &match, 1);) {
        std::size_t at = static_cast<std::size_t>(match.data() - s.data());
        starts.push_back(at);
        pos = at + match.size();
    }
    if (starts.size() < 2) return;
    for (std::size_t k = 0; k < starts.size(); ++k) {
        std::size_t end = k + 1 < starts.size() ? starts[k + 1] : s.size();
        auto names = find_members(s.substr(starts[k], end - starts[k])).names;
        if (k == 0) {
            m_drafts[target].own_members = names;
            continue;
        }
        const Draft& first = m_drafts[target];
        add_commitment(i, first.item.status, first.item.rule, true);
        m_drafts.back().own_members = names;
    }
}

void Detector::expand_announced_lists() {
    static const RE2 k_plural(
        "(?i)\\b(?:enkele|een aantal|de volgende|diverse|meerdere|verschillende|twee|drie|vier|vijf|zes) "
        "toezeggingen\\b");
    static const RE2 k_bullet("^\\s*(?:[•·▪◦*\\-–]|\\d{1,2}[.)]|[a-z][.)])\\s");
    std::vector<Draft> listed;
    std::erase_if(m_drafts, [&](const Draft& d) {
        if (d.item.kind != Kind::commitment || d.sentences.size() > 2) return false;
        std::size_t lead = d.sentences.front();
        if (!RE2::PartialMatch(sentence(lead), k_plural)) return false;
        std::size_t colon = lead;
        while (colon < m_sentences.size() && colon <= d.last_sentence + 1 && !sentence(colon).ends_with(":")) ++colon;
        if (colon >= m_sentences.size() || !sentence(colon).ends_with(":")) return false;
        std::vector<std::size_t> bullets;
        for (std::size_t k = colon + 1; k < m_sentences.size() && RE2::PartialMatch(sentence(k), k_bullet); ++k)
            bullets.push_back(k);
        if (bullets.size() < 2) return false;
        bool delivered = matches("commitment-status.done-now", sentence(colon));
        for (auto k : bullets) {
            Draft item;
            item.item.kind = Kind::commitment;
            item.item.status = delivered ? Status::fulfilled : d.item.status;
            item.item.rule = delivered ? "commitment-status.done-now" : d.item.rule;
            item.earlier = d.earlier;
            item.status_stated = true;
            item.sentences = {k};
            item.last_sentence = k;
            item.dated_by = lead;
            listed.push_back(std::move(item));
        }
        return true;
    });
    for (auto& d : listed) m_drafts.push_back(std::move(d));
}

void Detector::add_commitment(std::size_t i, Status status, const std::string& rule, bool earlier) {
    Draft d;
    d.item.kind = Kind::commitment;
    d.item.status = status;
    d.item.rule = rule;
    d.earlier = earlier;
    d.sentences = {i};
    d.last_sentence = i;
    m_drafts.push_back(std::move(d));
}

}  // namespace toezeg::detect
