#include "detect/detector.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "detect/confidence.hpp"
#include "detect/dates.hpp"
#include "detect/fields.hpp"
#include "detect/motion_document.hpp"
#include "detect/people.hpp"
#include "detect/sentences.hpp"
#include "detect/subject.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace toezeg::detect {

namespace {

constexpr std::size_t k_max_evidence = 600;
constexpr std::size_t k_anaphor_reach = 4;  // sentences a back-reference may reach

struct Draft {
    Item item;
    std::vector<std::size_t> sentences;  // evidence sentences, first is the primary one
    bool earlier = false;                // a commitment made before this letter
    std::size_t last_sentence = 0;
    std::vector<std::string> key_members;  // motions: submitters as merge key
    std::vector<std::string> own_members;  // commitments: the Kamerleden of its own phrase, when one
                                           // sentence lists several commitments
    bool status_stated = false;            // the status comes from words of this letter, not a rule's default
    std::optional<std::size_t> dated_by;   // the sentence that dates it, when not its own (a list's lead-in)
    bool row = false;                      // a motion read from an overview's row: its row gave its state
};

bool is_all_caps(std::string_view s) {
    int upper = 0;
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = utf8::next(s, i);
        if (utf8::is_lower(cp)) return false;
        upper += utf8::is_upper(cp);
    }
    return upper >= 2;
}

int status_rank(Status s) {
    switch (s) {
        case Status::lapsed: return 3;
        case Status::partial: return 2;
        case Status::fulfilled: return 1;
        case Status::open:
        case Status::rejected:
        case Status::held: return 0;  // the Kamer's decisions, never detected in a letter
    }
    return 0;
}

class Detector {
public:
    Detector(const Document& doc, const RuleSet& rules)
        : m_doc(doc), m_rules(rules), m_reference(reference_date(doc)),
          m_plain(without_markers(doc)), m_sentences(split_sentences(doc.text, doc.body_end)) {
        m_heading_at_or_before.resize(m_sentences.size(), k_none);
        for (std::size_t k = 0; k < m_sentences.size(); ++k)
            m_heading_at_or_before[k] = m_sentences[k].heading ? k : k > 0 ? m_heading_at_or_before[k - 1] : k_none;
        constexpr std::size_t k_heading_reach = 12;  // the sender's line stands in the letter's opening
        std::size_t foreign_at = 0;
        for (std::size_t k = 0; k < m_sentences.size() && k < k_heading_reach && !m_foreign_sender; ++k)
            if (first_match(RuleRole::foreign_sender, sentence(k))) {
                m_foreign_sender = true;
                foreign_at = k;
            }
        // A verslag of a written exchange: the Kamer's letter to the minister, then the
        // minister's answer under its own heading ("BRIEF VAN DE MINISTER ..."), which is the
        // government's again.
        if (m_foreign_sender)
            for (std::size_t k = foreign_at + 1; k < m_sentences.size() && m_foreign_end == k_none; ++k)
                if (m_sentences[k].heading && first_match(RuleRole::government_sender, sentence(k))) m_foreign_end = k;
    }

    std::vector<Item> run() {
        if (m_doc.meta.doc_type == "motie") return {motion_document_item(m_doc, m_sentences, m_reference)};
        // Most sentences hold none of the words any rule needs; one scan rules them out.
        static const RE2 k_triggers(
            "(?i)toezeg|toegezeg|\\bzeg|motie|kamer|\\bu\\b|hoogte|terug|informe|bericht|rapporte|stuur|stur|zend|"
            "toekom|\\b[tk]k\\b|aangegeven|aangekondigd|gemeld|meegedeeld|medegedeeld|laten weten|spoedig|zo snel "
            "mogelijk|binnenkort|op korte termijn");
        std::size_t last_hit = static_cast<std::size_t>(-2);
        for (std::size_t i = 0; i < m_sentences.size(); ++i) {
            std::string_view s = sentence(i);
            bool after_item = last_hit + 1 == i;
            if (!after_item && !RE2::PartialMatch(s, k_triggers)) continue;
            std::size_t before = m_drafts.size();
            auto touched_before = touch_count();
            detect_commitment(i, s);
            detect_motions(i, s);
            if (m_drafts.size() != before || touch_count() != touched_before) last_hit = i;
        }
        expand_announced_lists();
        std::sort(m_drafts.begin(), m_drafts.end(),
                  [](const Draft& a, const Draft& b) { return a.sentences.front() < b.sentences.front(); });
        std::vector<Item> out;
        for (auto& d : m_drafts) out.push_back(finish(d));
        return out;
    }

private:
    // Sentence i as the rules read it: footnote markers blanked, so that "vastgesteld1." and
    // "De Kort1het kabinet" read as words ("vastgesteld", "De Kort").
    std::string_view sentence(std::size_t i) const {
        Span span = m_sentences[i].span;
        return std::string_view(m_plain).substr(span.begin, span.end - span.begin);
    }

    static std::string without_markers(const Document& doc) {
        std::string plain = doc.text;
        for (const auto& f : doc.footnotes)
            if (f.marker.size() > 0 && f.marker.end <= plain.size())
                for (std::size_t k = f.marker.begin; k < f.marker.end; ++k) plain[k] = ' ';
        return plain;
    }

    std::size_t touch_count() const { return m_touches; }

    // The drafts (by index, in order) whose last sentence lies at most `reach` (<= the window,
    // k_anaphor_reach) sentences before sentence i: what a back-reference can reach. Kept as a
    // short list so that no sentence of a long letter scans every draft; i never decreases.
    std::vector<std::size_t> recent(std::size_t i, std::size_t reach) const {
        for (; m_registered < m_drafts.size(); ++m_registered) m_recent.push_back(m_registered);
        std::erase_if(m_recent, [&](std::size_t k) { return m_drafts[k].last_sentence + k_anaphor_reach < i; });
        std::vector<std::size_t> out;
        for (std::size_t k : m_recent)
            if (m_drafts[k].last_sentence + reach >= i) out.push_back(k);
        return out;
    }

    // Sentence i joins draft d (once; sentences arrive in order, so the check is cheap).
    void attach(Draft& d, std::size_t i) {
        auto index = static_cast<std::size_t>(&d - m_drafts.data());
        if (index < m_registered) {  // an older draft taken up again is recent again
            auto at = std::lower_bound(m_recent.begin(), m_recent.end(), index);
            if (at == m_recent.end() || *at != index) m_recent.insert(at, index);
        }
        bool present = !d.sentences.empty() && (d.sentences.back() == i ||
                                               (d.sentences.back() > i &&
                                                std::find(d.sentences.begin(), d.sentences.end(), i) != d.sentences.end()));
        if (!present) d.sentences.push_back(i);
        ++m_touches;
        d.last_sentence = i;
    }

    const CompiledRule* first_match(RuleRole role, std::string_view s) const {
        for (auto* r : m_rules.with_role(role))
            if (RE2::PartialMatch(s, *r->re)) return r;
        return nullptr;
    }

    bool matches(const char* id, std::string_view s) const {
        for (auto& r : m_rules.all())
            if (std::string_view(r.spec->id) == id) return RE2::PartialMatch(s, *r.re);
        return false;
    }

    // ---- commitments ---------------------------------------------------------------------

    bool promiser_is_government(const CompiledRule& rule, std::string_view s) const {
        std::string_view id = rule.spec->id;
        if (id != "commitment.has-promised" && id != "commitment.was-promised") return true;
        re2::StringPiece match;
        if (!rule.re->Match(s, 0, s.size(), RE2::UNANCHORED, &match, 1)) return false;
        auto pos = static_cast<std::size_t>(match.data() - s.data());
        if (id == "commitment.was-promised") {
            static const RE2 k_by_other("(?i)\\bdoor (?:de |het )?(?:europese )?(?:commissie|raad|voorzitterschap|lidstaten|\\p{Lu}\\S+)");
            if (RE2::PartialMatch(s, k_by_other)) return government_is_subject(s, pos, pos);
            // "De Europese Commissie gaf een toelichting op de steunmaatregelen, die tijdens de
            // Raad zijn toegezegd": a third party acts and neither the government nor the Kamer
            // is named, so the promise is not the government's.
            static const RE2 k_third_party("\\b(?:(?i:de )?Europese Commissie|de Commissie|(?i:het) voorzitterschap|(?i:de) lidstaten)\\b");
            return !RE2::PartialMatch(s, k_third_party) || government_acts(s) || addresses_parliament(s);
        }
        std::size_t verb_end = s.find(' ', pos);
        return government_is_subject(s, pos, verb_end == std::string_view::npos ? s.size() : verb_end);
    }

    bool has_own_content(std::string_view s) const {
        static const RE2 k_content("(?i)\\b(?:lid|leden|om|over|inzake|die ik|gedaan|in het|tijdens|bij de)\\b|\\d");
        return RE2::PartialMatch(s, k_content);
    }

    Status earlier_status(const CompiledRule& rule, std::string_view s, std::string& decided_by) const {
        Status base = *rule.spec->status;
        decided_by = rule.spec->id;
        if (base == Status::lapsed || base == Status::partial) return base;
        auto set = [&](Status st, const char* id) {
            decided_by = id;
            return st;
        };
        if (matches("commitment-status.lapsed", s)) return set(Status::lapsed, "commitment-status.lapsed");
        if (matches("commitment-status.partial", s)) return set(Status::partial, "commitment-status.partial");
        if (rule.spec->role == RuleRole::closure) return base;
        if (matches("commitment-status.not-yet", s)) return set(Status::open, "commitment-status.not-yet");
        if (matches("commitment-status.done-now", s)) return set(Status::fulfilled, "commitment-status.done-now");
        if (matches("commitment-status.still-open", s) || find_deadline(s, m_reference))
            return set(Status::open, "commitment-status.still-open");
        return base;
    }

    Draft* recent_earlier_commitment(std::size_t i) {
        auto near = recent(i, k_anaphor_reach);
        for (auto it = near.rbegin(); it != near.rend(); ++it)
            if (m_drafts[*it].item.kind == Kind::commitment && m_drafts[*it].earlier) return &m_drafts[*it];
        return nullptr;
    }

    // "... heb ik toegezegd de planning te delen. Met deze brief geef ik invulling aan de
    // toezegging aan lid Kostić.": the next sentence names the same act by a definite "de
    // toezegging" and adds its Kamerlid or status, it is no second commitment.
    Draft* restated_commitment(std::size_t i, std::string_view s) {
        static const RE2 k_definite("(?i)\\b(?:de|deze|die|mijn|onze) toezegging\\b");
        if (m_drafts.empty() || !RE2::PartialMatch(s, k_definite)) return nullptr;
        Draft& d = m_drafts.back();
        if (d.item.kind != Kind::commitment || !d.earlier || d.last_sentence + 1 != i) return nullptr;
        // The same paragraph, or the sentence that opens the next one.
        int gap = m_sentences[i].paragraph - m_sentences[d.last_sentence].paragraph;
        if (gap != 0 && !(gap == 1 && (i == 0 || m_sentences[i - 1].paragraph != m_sentences[i].paragraph)))
            return nullptr;
        auto before = find_members(sentence(d.last_sentence)).names;
        auto now = find_members(s).names;
        if (!before.empty() && !now.empty() && before != now) return nullptr;
        return &d;
    }

    // The earlier commitment a new promise continues: "... heb ik toegezegd X te onderzoeken.
    // Het onderzoek loopt nog; de uitkomsten stuur ik uw Kamer in het voorjaar."
    // Also further on in the same section (no heading between), when no other commitment came
    // between and the earlier one's status was only its rule's default, not words of this
    // letter: "... heeft toegezegd uw Kamer nader te informeren. [the state of affairs] De
    // minister verwacht uw Kamer in het eerste kwartaal nader te kunnen informeren."
    Draft* continued_commitment(std::size_t i, std::string_view s) {
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

    bool addresses_parliament(std::string_view s) const {
        // Answering the Kamer's own motion or questions addresses it: "te reageren op de motie-Lucas".
        static const RE2 k_kamer(
            "(?i)\\b(?:uw kamer|de (?:eerste |tweede )?kamer|de [te]k|u|de leden|uw commissie|de (?:vaste )?commissie|"
            "op (?:de|deze|die|uw|beide) (?:aangenomen )?(?:motie|moties|vragen|schriftelijke vragen))\\b");
        return RE2::PartialMatch(s, k_kamer);
    }

    // The government named as such, not as the letter's "ik" or "wij".
    bool government_named(std::string_view s) const {
        static const RE2 k_named(
            "(?i)\\b(?:het kabinet|de regering|minister|staatssecretaris|minister-president|bewindspersoon)\\b");
        return RE2::PartialMatch(s, k_named);
    }

    // The answer that was due comes later: sentence i or one of the three before says so.
    bool after_delay_notice(std::size_t i) const {
        constexpr std::size_t k_delay_reach = 3;
        for (std::size_t k = i + 1; k-- > 0 && k + k_delay_reach >= i;)
            if (first_match(RuleRole::delay_notice, sentence(k))) return true;
        return false;
    }

    bool government_acts(std::string_view s) const {
        static const RE2 k_gov("(?i)\\b(?:ik|wij|we|mijn|onze|het kabinet|de regering|minister|staatssecretaris|minister-president|ambtsvoorganger)\\b");
        return RE2::PartialMatch(s, k_gov);
    }

    // A later document or moment the act is tied to: "in het verslag van deze Raad", "in de
    // volgende voortgangsbrief", "zodra het rapport verschijnt", "na afloop van de Raad".
    bool names_future_occasion(std::string_view s) const {
        static const RE2 k_occasion(
            "(?i)\\b(?:in|via|bij) (?:het|de|een) (?:verslag|volgende|eerstvolgende|komende|nieuwe|"
            "(?:\\w+)?voortgangs(?:brief|rapportage)|geannoteerde agenda|verzamelbrief|kabinetsreactie|"
            "beantwoording)\\b|\\bzodra\\b|\\bna afloop\\b");
        return RE2::PartialMatch(s, k_occasion);
    }

    bool first_person_acts(std::string_view s) const {
        static const RE2 k_first("(?i)\\b(?:ik|wij|we)\\b");
        return RE2::PartialMatch(s, k_first);
    }

    bool is_new_commitment(const CompiledRule& rule, std::size_t i, std::string_view s) const {
        std::string_view id = rule.spec->id;
        if (rule.spec->flags & k_after_delay) return after_delay_notice(i);
        if (id == "commitment.kamer-will-receive") {
            static const RE2 k_passive_verb("(?i)\\b(?:uw kamer|kamer|u) (?:wordt|zal)\\b|\\bwordt (?:uw kamer|de kamer|u)\\b");
            static const RE2 k_participle("(?i)\\b(?:geïnformeerd|op de hoogte|toegestuurd|toegezonden|ingelicht|bericht|ontvangen|meegenomen)\\b");
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

    void detect_commitment(std::size_t i, std::string_view s) {
        // A letter of the Algemene Rekenkamer or the Kamer's president: its "ik" and "wij" are not the
        // government's.
        if (m_foreign_sender && i < m_foreign_end && !government_named(s)) return;
        const CompiledRule* earlier = nullptr;
        for (auto& r : m_rules.all()) {
            auto role = r.spec->role;
            if (role != RuleRole::earlier_commitment && role != RuleRole::closure) continue;
            if (RE2::PartialMatch(s, *r.re) && promiser_is_government(r, s)) {
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
                m_drafts.back().status_stated =
                    decided_by != earlier->spec->id || earlier->spec->role == RuleRole::closure;
            }
            split_enumerated(target, i, s);
            return;
        }
        if (first_match(RuleRole::exclude, s)) return;
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
                    "(?i)\\b(twee|drie|vier) (?:brieven|rapporten|notities|nota's|rapportages|reacties|kabinetsreacties|"
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

    // "Het gaat om de toezegging aan de heer Slootweg om ..., de toezegging aan lid Van
    // Weyenberg om ... en de toezegging aan lid Alkaya om ...": one commitment per phrase,
    // each with its own Kamerlid; m_drafts[target] takes the first.
    void split_enumerated(std::size_t target, std::size_t i, std::string_view s) {
        static const RE2 k_each("(?i)\\b(?:de|een) toezegging (?:gedaan )?aan (?:het lid|lid|de heer|mevrouw|de leden|het kamerlid)\\b");
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

    // "Tijdens deze vergadering zijn enkele toezeggingen gedaan. In deze brief ga ik in op de
    // volgende terreinen: • ... • ...": one commitment per listed item, with the lead-in's
    // status and date, instead of one for the lead-in.
    void expand_announced_lists() {
        static const RE2 k_plural(
            "(?i)\\b(?:enkele|een aantal|de volgende|diverse|meerdere|verschillende|twee|drie|vier|vijf|zes) toezeggingen\\b");
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

    void add_commitment(std::size_t i, Status status, const std::string& rule, bool earlier) {
        Draft d;
        d.item.kind = Kind::commitment;
        d.item.status = status;
        d.item.rule = rule;
        d.earlier = earlier;
        d.sentences = {i};
        d.last_sentence = i;
        m_drafts.push_back(std::move(d));
    }

    // ---- motions -------------------------------------------------------------------------

    struct Mention {
        std::size_t begin = 0, end = 0;  // offsets in the document
        int count = 1;
        bool plural = false;
        std::vector<std::string> members;
        std::vector<std::string> refs;
    };

    std::vector<Mention> find_mentions(std::size_t i) const {
        std::vector<Mention> out;
        Span span = m_sentences[i].span;
        std::string_view s = sentence(i);
        if (s.find("otie") == std::string_view::npos && s.find("OTIE") == std::string_view::npos) return out;
        for (auto* rule : m_rules.with_role(RuleRole::motion_mention)) {
            re2::StringPiece groups[3];
            std::size_t pos = 0;
            while (pos < s.size() && rule->re->Match(s, pos, s.size(), RE2::UNANCHORED, groups, 3)) {
                Mention m;
                m.begin = span.begin + static_cast<std::size_t>(groups[0].data() - s.data());
                m.end = m.begin + groups[0].size();
                pos = m.end - span.begin;
                if (groups[0].empty()) { ++pos; continue; }
                bool overlaps = false;
                for (auto& o : out) overlaps |= m.begin < o.end && o.begin < m.end;
                if (overlaps) continue;
                std::string head = utf8::to_lower(std::string(groups[0].substr(0, std::min<std::size_t>(groups[0].size(), 40))));
                m.plural = head.find("moties") != std::string::npos;
                std::string count(groups[1].data(), groups[1].size());
                if (!count.empty()) {
                    std::string c = utf8::to_lower(count);
                    m.count = c == "twee" || c == "beide" ? 2 : c == "drie" ? 3 : c == "vier" ? 4 : c == "vijf" ? 5 : std::max(1, std::atoi(c.c_str()));
                }
                std::string_view names(groups[2].data(), groups[2].size());
                // "een motie van de Partij voor de Dieren" names a party; "MOTIE VAN HET LID" is a title.
                if (!names_a_member(s.substr(static_cast<std::size_t>(groups[0].data() - s.data()),
                                             static_cast<std::size_t>(names.data() - groups[0].data())),
                                    names) ||
                    is_all_caps(names))
                    continue;
                // "de motie Vreemdelingen- en asielbeleid": the first half of a compound, not a name.
                std::size_t after_names = static_cast<std::size_t>(names.data() + names.size() - s.data());
                if (after_names < s.size() && s[after_names] == '-') continue;
                m.members = split_names(names);
                if (std::string_view(rule->spec->id) == "motion.by-pronoun") {
                    // "heeft het lid Omtzigt verzocht ... de door hem ingediende motie"
                    auto before = find_members(s.substr(0, static_cast<std::size_t>(groups[0].data() - s.data()))).names;
                    if (before.empty() && i > 0) before = find_members(sentence(i - 1)).names;
                    if (before.empty()) continue;
                    m.members = {before.back()};
                }
                if (m.members.empty() && std::string_view(rule->spec->id) == "motion.named") continue;
                // "de moties Kamerstuk 32 793, nr. 176 (Dik-Faber), ...": a citation with a name in
                // brackets is a motion only in a sentence that speaks of motions before it.
                if (std::string_view(rule->spec->id) == "motion.cited-with-member") {
                    std::string before = utf8::to_lower(std::string(s.substr(0, static_cast<std::size_t>(groups[0].data() - s.data()))));
                    if (before.find("motie") == std::string::npos) continue;
                }
                out.push_back(std::move(m));
            }
        }
        std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.begin < b.begin; });
        // Each mention takes the references between its end and the next mention.
        for (std::size_t k = 0; k < out.size(); ++k) {
            std::size_t stop = k + 1 < out.size() ? out[k + 1].begin : span.end;
            // A citation inside the mention ("motie (Kamerstuk 36 800 VI, nr. 38)") is its own,
            // before any that follows it.
            if (std::string_view(m_doc.text).substr(out[k].begin, 12).find_first_of("0123456789") != std::string_view::npos)
                for (auto& c : m_doc.citations)
                    if (c.footnote == 0 && c.span.begin >= out[k].begin && c.span.begin < out[k].end + 2) out[k].refs.push_back(c.ref);
            for (auto& c : m_doc.citations)
                if (c.footnote == 0 && c.span.begin >= out[k].end && c.span.begin < stop) out[k].refs.push_back(c.ref);
            for (auto& f : m_doc.footnotes) {
                if (f.marker.size() == 0 || f.marker.begin < out[k].end || f.marker.begin >= stop + 4) continue;
                for (auto& c : m_doc.citations)
                    if (c.footnote == f.number) out[k].refs.push_back(c.ref);
            }
            std::vector<std::string> unique;
            for (auto& r : out[k].refs)
                if (std::find(unique.begin(), unique.end(), r) == unique.end()) unique.push_back(r);
            out[k].refs = unique;
            if (!out[k].plural && out[k].refs.size() > 1) out[k].refs.resize(1);
        }
        return out;
    }

    std::optional<std::pair<Status, std::string>> motion_status(std::string_view s) const {
        std::optional<std::pair<Status, std::string>> best;
        for (auto* r : m_rules.with_role(RuleRole::motion_status)) {
            if (!RE2::PartialMatch(s, *r->re)) continue;
            if (r->spec->flags & k_decisive) return {{*r->spec->status, r->spec->id}};
            if (!best || status_rank(*r->spec->status) > status_rank(best->first)) best = {{*r->spec->status, r->spec->id}};
        }
        return best;
    }

    // Indices, not pointers: m_drafts grows while a sentence's mentions are processed.
    // Only the motions with one of the mention's refs or its members are looked at (an index
    // of them, not every draft: a letter naming thousands of motions stays linear).
    std::vector<std::size_t> group_for(const Mention& m) const {
        std::vector<std::size_t> candidates;
        bool empty_ref = false;
        for (auto& ref : m.refs) {
            empty_ref = empty_ref || ref.empty();
            if (auto it = m_motions_by_ref.find(ref); it != m_motions_by_ref.end())
                candidates.insert(candidates.end(), it->second.begin(), it->second.end());
        }
        if (auto it = m_motions_by_members.find(m.members); !m.members.empty() && it != m_motions_by_members.end())
            candidates.insert(candidates.end(), it->second.begin(), it->second.end());
        if (empty_ref) {  // an empty ref matches every motion without one: look at all of them
            candidates.clear();
            for (std::size_t k = 0; k < m_drafts.size(); ++k) candidates.push_back(k);
        }
        std::sort(candidates.begin(), candidates.end());
        candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
        std::vector<std::size_t> out;
        for (std::size_t k : candidates) {
            const Draft& d = m_drafts[k];
            if (d.item.kind != Kind::motion) continue;
            bool same_ref = !m.refs.empty() && std::find(m.refs.begin(), m.refs.end(), d.item.ref) != m.refs.end();
            bool same_members = !m.members.empty() && d.key_members == m.members &&
                                (m.refs.empty() || d.item.ref.empty() || same_ref);
            if (same_ref || same_members) out.push_back(k);
        }
        return out;
    }

    void set_motion_ref(std::size_t k, const std::string& ref) {
        m_drafts[k].item.ref = ref;
        if (!ref.empty()) m_motions_by_ref[ref].push_back(k);
    }

    void detect_motions(std::size_t i, std::string_view s) {
        auto mentions = find_mentions(i);
        if (mentions.empty()) {
            // Without a mention, only a motion named just before can take this sentence (a
            // back-reference, an anaphor, an ordinal): most sentences need no status rules.
            auto near = recent(i, k_anaphor_reach);
            if (std::none_of(near.begin(), near.end(), [&](std::size_t k) { return m_drafts[k].item.kind == Kind::motion; }))
                return;
        }
        auto status = motion_status(s);
        std::vector<std::size_t> touched;
        for (auto& m : mentions) {
            if (take_overview_row(i, m)) continue;
            auto group = group_for(m);
            std::size_t wanted = m.plural ? std::max<std::size_t>({static_cast<std::size_t>(m.count), m.refs.size(), 1}) : 1;
            for (std::size_t k = 0; k < group.size() && k < m.refs.size(); ++k)
                if (m_drafts[group[k]].item.ref.empty()) set_motion_ref(group[k], m.refs[k]);
            while (group.size() < wanted) {
                Draft d;
                d.item.kind = Kind::motion;
                d.item.status = Status::open;
                d.item.rule = "motion.named";
                d.item.members = m.members;
                d.key_members = m.members;
                std::size_t n = group.size();
                d.sentences = {i};
                d.last_sentence = i;
                d.item.span = Span{m.begin, m.end};  // the mention, for the subject
                m_drafts.push_back(std::move(d));
                if (!m.members.empty()) m_motions_by_members[m.members].push_back(m_drafts.size() - 1);
                if (n < m.refs.size()) set_motion_ref(m_drafts.size() - 1, m.refs[n]);
                group = group_for(m);
                if (group.size() < wanted && group.empty()) break;
            }
            touched.insert(touched.end(), group.begin(), group.end());
        }
        if (mentions.empty() && apply_ordinals(i, s)) return;
        if (mentions.empty() && !first_match(RuleRole::motion_anaphor, s) && status &&
            status->first != Status::open) {
            // "Ik geef hier uitvoering aan": a strong status right after a motion, referring back.
            static const RE2 k_back("(?i)\\b(?:hier|daar|hieraan|daaraan|hiermee|daarmee)\\b");
            if (!m_drafts.empty() && m_drafts.back().item.kind == Kind::motion && m_drafts.back().last_sentence + 1 == i &&
                m_sentences[m_drafts.back().last_sentence].paragraph == m_sentences[i].paragraph &&
                RE2::PartialMatch(s, k_back) && !recent_commitment_in(i))
                touched.push_back(m_drafts.size() - 1);
        }
        if (mentions.empty() && first_match(RuleRole::motion_anaphor, s)) {
            for (std::size_t k : recent(i, k_anaphor_reach)) {
                const Draft& d = m_drafts[k];
                if (d.item.kind == Kind::motion && m_sentences[d.last_sentence].paragraph + 1 >= m_sentences[i].paragraph)
                    touched.push_back(k);
            }
            // Only the most recently named group.
            if (!touched.empty()) {
                std::size_t latest = 0;
                for (auto k : touched) latest = std::max(latest, m_drafts[k].last_sentence);
                std::erase_if(touched, [&](std::size_t k) { return m_drafts[k].last_sentence != latest; });
            }
        }
        for (auto k : touched) {
            Draft& d = m_drafts[k];
            attach(d, i);
            if (status && !d.row) {
                d.item.status = status->first;
                d.item.rule = status->second;
            }
        }
    }

    // A row of an overview that starts with its motion ("De motie van het lid Krol; Verzoekt de
    // regering ..." then cells "Kamerstukken II 2019/20, 35300 VII, nr. 34" and "Afgedaan. ..."):
    // the sentences up to the next row or heading.
    std::optional<std::size_t> overview_row_end(std::size_t i, const Mention& m) const {
        if (!overview_heading(i)) return std::nullopt;
        if (i > 0 && m_sentences[i - 1].paragraph == m_sentences[i].paragraph) return std::nullopt;
        constexpr std::size_t k_row_start = 4;  // "De " before "motie"
        if (m.begin - m_sentences[i].span.begin > k_row_start) return std::nullopt;
        static const RE2 k_next_row("^(?i:(?:de )?moties? )");
        constexpr std::size_t k_row_reach = 12;
        std::size_t end = i;
        for (std::size_t k = i + 1; k < m_sentences.size() && k <= i + k_row_reach; ++k) {
            bool opens_paragraph = m_sentences[k].paragraph != m_sentences[k - 1].paragraph;
            if (m_sentences[k].heading || (opens_paragraph && RE2::PartialMatch(sentence(k), k_next_row))) break;
            end = k;
        }
        return end;
    }

    // The state an overview's row gives its motion: a cell that opens with it ("Afgedaan."),
    // else the heading of its section ("aanvaarde moties die zijn afgerond").
    std::optional<std::pair<Status, std::string>> row_state(std::size_t first, std::size_t last) const {
        for (std::size_t k = first + 1; k <= last; ++k)
            if (auto* r = first_match(RuleRole::motion_cell, sentence(k))) return {{*r->spec->status, r->spec->id}};
        if (auto st = section_status(first)) return {{*st, "motion-status.section"}};
        return std::nullopt;
    }

    // The Kamerstuk of an overview's row after its motion: a citation, or the Vindplaats cell's
    // "34477, nr. 47" / "35925 VII nr. 165", written as "34 477, nr. 47".
    std::string overview_row_ref(std::size_t mention_end, std::size_t last) const {
        std::size_t stop = m_sentences[last].span.end;
        for (auto& c : m_doc.citations)
            if (c.footnote == 0 && c.span.begin >= mention_end && c.span.begin < stop) return c.ref;
        static const RE2 k_cell_ref("\\b(\\d{2}) ?(\\d{3})((?: [A-Z]{1,5}|-\\d{2})?),? (?:nr\\.|nummer) ?(\\d+)");
        std::string head, tail, part, number;
        std::string_view rest = std::string_view(m_plain).substr(mention_end, stop - mention_end);
        if (!RE2::PartialMatch(rest, k_cell_ref, &head, &tail, &part, &number)) return "";
        return head + " " + tail + part + ", nr. " + number;
    }

    bool take_overview_row(std::size_t i, const Mention& m) {
        auto end = overview_row_end(i, m);
        if (!end) return false;
        auto state = row_state(i, *end);
        if (!state) return false;
        std::string ref = overview_row_ref(m.end, *end);
        for (auto& d : m_drafts)
            if (d.item.kind == Kind::motion && !ref.empty() && d.item.ref == ref) {
                attach(d, i);
                return true;
            }
        Draft d;
        d.item.kind = Kind::motion;
        d.item.status = state->first;
        d.item.rule = state->second;
        d.item.members = m.members;
        d.key_members = m.members;
        d.item.ref = ref;
        d.row = true;
        d.sentences = {i};
        d.last_sentence = i;
        d.item.span = Span{m.begin, m.end};
        m_drafts.push_back(std::move(d));
        return true;
    }

    bool recent_commitment_in(std::size_t i) const {
        for (std::size_t k : recent(i, 1))
            if (m_drafts[k].item.kind == Kind::commitment) return true;
        return false;
    }

    // "De eerste motie is hiermee uitgevoerd; de tweede wordt betrokken bij de evaluatie."
    bool apply_ordinals(std::size_t i, std::string_view s) {
        static const RE2 k_ordinal("(?i)\\b(?:de|het) (eerste|tweede|derde|vierde|laatste)\\b(?: motie)?");
        std::vector<Draft*> group;
        for (std::size_t k : recent(i, k_anaphor_reach))
            if (m_drafts[k].item.kind == Kind::motion) group.push_back(&m_drafts[k]);
        if (group.size() < 2) return false;
        bool applied = false;
        std::size_t start = 0;
        while (start < s.size()) {
            std::size_t end = s.find(';', start);
            std::string_view clause = s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
            re2::StringPiece found[2];
            bool is_ordinal = k_ordinal.Match(clause, 0, clause.size(), RE2::UNANCHORED, found, 2);
            if (is_ordinal) {  // "de Eerste Kamer" is a chamber, not the first motion
                std::string_view after =
                    clause.substr(static_cast<std::size_t>(found[0].data() - clause.data()) + found[0].size());
                is_ordinal = !after.starts_with(" Kamer") && !after.starts_with(" kamer");
            }
            if (is_ordinal) {
                std::string o = utf8::to_lower(std::string(found[1].data(), found[1].size()));
                std::size_t k = o == "eerste" ? 0 : o == "tweede" ? 1 : o == "derde" ? 2 : o == "vierde" ? 3 : group.size() - 1;
                if (k < group.size()) {
                    Draft* d = group[k];
                    auto st = motion_status(clause);
                    d->item.status = st ? st->first : Status::open;
                    d->item.rule = st ? st->second : "motion-status.open";
                    attach(*d, i);
                    applied = true;
                }
            }
            if (end == std::string_view::npos) break;
            start = end + 1;
        }
        return applied;
    }

    // ---- fields --------------------------------------------------------------------------

    void fill_evidence(Draft& d) const {
        auto& ss = d.sentences;
        std::sort(ss.begin(), ss.end());
        ss.erase(std::unique(ss.begin(), ss.end()), ss.end());
        // Headings ("Motie Ram over ...") are context, not evidence, when there is more.
        std::vector<std::size_t> body;
        for (auto i : ss)
            if (!m_sentences[i].heading) body.push_back(i);
        if (body.empty()) body = ss;
        Span first = m_sentences[body.front()].span, last = m_sentences[body.back()].span;
        Span chosen{first.begin, last.end};
        if (chosen.size() > k_max_evidence) chosen = first;
        d.item.span = chosen;
        d.item.evidence = std::string(m_doc.slice(chosen));
    }

    // ---- when a commitment was made ----------------------------------------------------------

    // A meeting or letter the sentence refers back to without its date: "tijdens deze
    // behandeling", "in de brief is toegezegd", "zoals tijdens het Algemeen Overleg besproken".
    std::string referred_meeting(std::string_view s) const {
        static const RE2 k_referred(
            "(?i)\\b(?:tijdens|in|bij|op)\\s+(?:deze|dit|die|dat|dezelfde|het|de|voornoemde|bovengenoemde|genoemde|"
            "eerdergenoemde|laatstgenoemde)\\s+(?:\\w+\\s+)?"
            "(behandeling|vergadering|commissiedebat|debat|overleg|notaoverleg|wetgevingsoverleg|brief|bijeenkomst|gesprek)\\b");
        std::string noun;
        return RE2::PartialMatch(s, k_referred, &noun) ? utf8::to_lower(noun) : "";
    }

    // The date of the meeting `noun` in the sentences before i ("Op 3 september 2020 werd het
    // wetsvoorstel behandeld. Tijdens deze behandeling heb ik ... toegezegd").
    std::optional<Date> meeting_date_before(std::size_t i, const std::string& noun) const {
        std::string stem = noun.substr(0, std::min<std::size_t>(noun.size(), 6));
        for (std::size_t k = i; k-- > 0 && k + 8 > i;) {
            std::string lower = utf8::to_lower(sentence(k));
            if (lower.find(stem) == std::string::npos) continue;
            if (auto date = act_date(sentence(k), m_reference)) return date;
        }
        return std::nullopt;
    }

    // An earlier promise without a date of its own, right after the dated debate it was made in:
    // "Tijdens de behandeling van de nota op 6 oktober 2003 is ... aan de orde geweest. [...] Ik
    // heb toegezegd ...". Only within the paragraph and two sentences back.
    std::string debate_date_just_before(std::size_t i) const {
        static const RE2 k_debate(
            "(?i)\\b(?:tijdens|in|bij)\\s+(?:de|het)\\s+(?:\\w+\\s+)?(?:behandeling|debat|commissiedebat|overleg|"
            "notaoverleg|wetgevingsoverleg|vergadering|plenaire)\\b");
        for (std::size_t k = i; k-- > 0 && k + 3 > i;) {
            if (m_sentences[k].paragraph != m_sentences[i].paragraph) break;
            if (!RE2::PartialMatch(sentence(k), k_debate)) continue;
            if (auto date = act_date(sentence(k), m_reference)) return date->iso();
        }
        return "";
    }

    // A new promise that carries on what the government said earlier in the paragraph:
    // "Tijdens de behandeling op 25 mei jl. heb ik aangegeven dat ik met een visie wil komen.
    // ... Ik zal u deze visie in september toesturen." The earliest such statement dates it.
    std::optional<Date> earlier_statement_date(std::size_t i) const {
        static const RE2 k_statement(
            "(?i)\\b(?:heb(?:ben)? (?:ik|wij|we)|(?:ik|wij|we) (?:heb|hebben))\\b[^.]{0,250}\\b"
            "(?:aangegeven|toegezegd|gezegd|laten weten|meegedeeld|medegedeeld|aangekondigd)\\b");
        std::optional<Date> found;
        for (std::size_t k = i; k-- > 0 && k + 3 > i;) {
            if (m_sentences[k].paragraph != m_sentences[i].paragraph) break;
            if (!RE2::PartialMatch(sentence(k), k_statement)) continue;
            if (auto date = act_date(sentence(k), m_reference)) found = date;
        }
        return found;
    }

    // "Uw Kamer heeft via de motie van het lid De Kort het kabinet verzocht om ... en hierover
    // de Kamer in het derde kwartaal te informeren." opening a letter that promises nothing
    // further: the letter is the report the motion asked for.
    bool is_the_requested_report(const Draft& d) const {
        static const RE2 k_asked_to_report(
            "(?i)\\b(?:verzocht|verzoekt|gevraagd|vraagt)\\b[^.;]{0,300}?\\b(?:uw kamer|de kamer|u)\\b[^.;]{0,120}?"
            "\\bte (?:informeren|rapporteren|berichten|sturen|zenden)\\b|\\b(?:toe|op) te (?:sturen|zenden)\\b");
        std::size_t first_body = 0;
        while (first_body < m_sentences.size() && m_sentences[first_body].heading) ++first_body;
        if (first_body >= m_sentences.size()) return false;
        std::size_t primary = d.sentences.front();
        if (m_sentences[primary].paragraph != m_sentences[first_body].paragraph) return false;
        if (!RE2::PartialMatch(sentence(primary), k_asked_to_report)) return false;
        for (const auto& other : m_drafts)
            if (other.item.kind == Kind::commitment && other.item.status == Status::open) return false;
        return true;
    }

    // ---- overviews: sections of an annex that list motions and commitments with their state --

    // The heading of the overview section sentence i stands in ("In behandeling zijnde moties",
    // "Afgedane toezeggingen", a table's column heads), looking back over at most four headings.
    // The nearest four headings at or before sentence i, nearest first.
    std::vector<std::size_t> headings_before(std::size_t i) const {
        std::vector<std::size_t> out;
        for (std::size_t k = i < m_sentences.size() ? m_heading_at_or_before[i] : k_none; k != k_none && out.size() < 4;
             k = k > 0 ? m_heading_at_or_before[k - 1] : k_none)
            out.push_back(k);
        return out;
    }

    std::optional<std::size_t> overview_heading(std::size_t i) const {
        static const RE2 k_overview("(?i)\\b(?:moties|toezeggingen)\\b|\\bvindplaats\\b");
        for (std::size_t k : headings_before(i)) {
            if (RE2::PartialMatch(sentence(k), k_overview)) return k;
        }
        return std::nullopt;
    }

    // The state a section's heading gives every item in it whose own words give none.
    std::optional<Status> section_status(std::size_t i) const {
        static const RE2 k_done(
            "(?i)\\b(?:afgedane|afgeronde|uitgevoerde|voldane|afgehandelde|ingeloste|nagekomen)\\s+(?:moties|toezeggingen)\\b|"
            "\\b(?:moties|toezeggingen)\\s+(?:die zijn |zijn )?(?:afgedaan|afgerond|uitgevoerd|voldaan|afgehandeld)\\b");
        static const RE2 k_open(
            "(?i)\\b(?:openstaande|lopende|in behandeling zijnde|nog niet afgedane|niet afgedane|nog uit te voeren)\\s+"
            "(?:moties|toezeggingen)\\b");
        static const RE2 k_lapsed("(?i)\\b(?:vervallen|ingetrokken|niet uit te voeren)\\s+(?:moties|toezeggingen)\\b");
        for (std::size_t k : headings_before(i)) {
            std::string_view h = sentence(k);
            if (RE2::PartialMatch(h, k_lapsed)) return Status::lapsed;
            if (RE2::PartialMatch(h, k_done)) return Status::fulfilled;
            if (RE2::PartialMatch(h, k_open)) return Status::open;
        }
        return std::nullopt;
    }

    // Sentences of the paragraph (an overview's row) that sentence i stands in, from i on.
    std::pair<std::size_t, std::size_t> row_of(std::size_t i) const {
        std::size_t end = i;
        while (end + 1 < m_sentences.size() && m_sentences[end + 1].paragraph == m_sentences[i].paragraph &&
               !m_sentences[end + 1].heading)
            ++end;
        return {i, end};
    }

    // The Kamerstuk a row gives after the motion's name, before another motion is named:
    // "Motie van Haverkamp over ... 27-02-2008 Spoeddebat (29 628, nr. 77)".
    std::string row_reference(std::size_t i, std::size_t mention_end) const {
        auto [first, last] = row_of(i);
        std::size_t stop = m_sentences[last].span.end;
        std::string_view rest = std::string_view(m_doc.text).substr(mention_end, stop - mention_end);
        static const RE2 k_next_motion("(?i)\\bmotie\\b");
        re2::StringPiece next;
        if (k_next_motion.Match(rest, 0, rest.size(), RE2::UNANCHORED, &next, 1))
            stop = mention_end + static_cast<std::size_t>(next.data() - rest.data());
        for (auto& c : m_doc.citations)
            if (c.footnote == 0 && c.span.begin >= mention_end && c.span.begin < stop) return c.ref;
        return "";
    }

    std::optional<Date> row_date(std::size_t i) const {
        auto [first, last] = row_of(i);
        for (std::size_t k = first; k <= last; ++k)
            if (auto date = act_date(sentence(k), m_reference)) return date;
        return std::nullopt;
    }

    std::string made_on_of(const Draft& d) const {
        std::size_t primary = d.dated_by.value_or(d.sentences.front());
        if (d.earlier) {
            if (d.dated_by)
                if (auto date = act_date(sentence(primary), m_reference)) return date->iso();
            for (auto i : d.sentences)
                if (auto date = act_date(sentence(i), m_reference)) return date->iso();
        }
        std::string noun = referred_meeting(sentence(primary));
        if (!noun.empty())
            if (auto date = meeting_date_before(primary, noun)) return date->iso();
        if (d.earlier) return debate_date_just_before(primary);
        if (auto date = earlier_statement_date(primary)) return date->iso();
        return m_doc.meta.date;
    }

    // The heading of the section a draft's first sentence stands in, "" if none; a heading
    // the layout broke over two lines ("e. Digitale rechtspraak ... justitiële" / "opleiding") whole.
    std::string nearest_heading(const Draft& d) const {
        auto heads = headings_before(d.sentences.front());
        std::erase(heads, d.sentences.front());
        if (heads.empty()) return "";
        std::string head(sentence(heads[0]));
        if (heads.size() > 1 && utf8::is_lower(static_cast<unsigned char>(head[0])))
            head = std::string(sentence(heads[1])) + " " + head;
        return head;
    }

    Item finish(Draft& d) {
        Item& it = d.item;
        it.earlier = d.earlier;
        Span mention = it.span;
        fill_evidence(d);
        std::string_view primary = sentence(d.sentences.front());
        if (it.kind == Kind::commitment) {
            Members m;
            for (auto i : d.sentences) {
                auto found = find_members(sentence(i));
                for (auto& n : found.names)
                    if (std::find(m.names.begin(), m.names.end(), n) == m.names.end()) m.names.push_back(n);
                if (m.party.empty()) m.party = found.party;
            }
            it.members = d.own_members.empty() ? m.names : d.own_members;
            it.party = m.party;
            it.actor = find_actor(primary, m_doc.meta);
            it.made_on = made_on_of(d);
            if (d.earlier) it.made_in = made_in_of(primary);
            if (overview_heading(d.sentences.front()) && (it.made_on.empty() || it.made_on == m_doc.meta.date)) {
                // A row of an overview of commitments: the date in its row is when it was made.
                std::size_t row_start = d.sentences.front();
                while (row_start > 0 && m_sentences[row_start - 1].paragraph == m_sentences[row_start].paragraph &&
                       !m_sentences[row_start - 1].heading)
                    --row_start;
                if (auto date = row_date(row_start)) it.made_on = date->iso();
            }
            if (!d.status_stated && d.earlier)
                if (auto st = section_status(d.sentences.front())) it.status = *st;
            // The last date the evidence names is the one that holds: a later sentence that moves it
            // ("Ik verwacht u de brief uiterlijk 30 april te doen toekomen") overrides the first.
            for (auto k = d.sentences.rbegin(); k != d.sentences.rend(); ++k) {
                std::size_t i = *k;
                if (it.status != Status::open && it.status != Status::partial) break;
                if (auto dl = find_deadline(sentence(i), m_reference)) {
                    it.due = dl->due;
                    it.due_text = dl->text;
                    break;
                }
            }
            it.subject = commitment_subject(primary, nearest_heading(d), m_doc.meta);
        } else {
            if (it.ref.empty() && overview_heading(d.sentences.front()))
                it.ref = row_reference(d.sentences.front(), mention.end);
            if (it.rule == "motion.named")
                if (auto st = section_status(d.sentences.front())) {
                    it.status = *st;
                    it.rule = "motion-status.section";
                }
            if (it.rule == "motion.named" && is_the_requested_report(d)) {
                it.status = Status::fulfilled;
                it.rule = "motion-status.answered-by-letter";
            }
            it.actor = find_actor(primary, m_doc.meta);
            std::string_view after = std::string_view(m_doc.text).substr(mention.end, std::min<std::size_t>(300, m_doc.body_end - mention.end));
            after = after.substr(0, after.find_first_of(".\n"));
            static const RE2 k_about("^\\s*(?:c\\.s\\.\\s*)?(?:uit\\s+)?(?:\\([^)]*\\)\\s*)?,?\\s*(?:over|inzake|betreffende|ten aanzien van|gericht op)\\s");
            it.subject = RE2::PartialMatch(after, k_about) ? subject_of(after) : "";
            if (it.subject.empty()) {
                static const RE2 k_asks("(?i)verzoekt (?:de regering|het kabinet)\\s+(?:om\\s+)?([^.;]{6,})");
                std::string asks;
                for (auto i : d.sentences)
                    if (RE2::PartialMatch(sentence(i), k_asks, &asks)) {
                        it.subject = text::shorten(asks, 100);
                        break;
                    }
            }
        }
        it.member = it.members.empty() ? "" : it.members.front();
        it.confidence = confidence_of(it.kind, find_act_parts(it, it.evidence));
        return it;
    }

    const Document& m_doc;
    const RuleSet& m_rules;
    bool m_foreign_sender = false;  // the letter's heading names a sender outside the government
    std::size_t m_foreign_end = static_cast<std::size_t>(-1);  // the first sentence of a government reply after it
    std::optional<Date> m_reference;
    std::string m_plain;  // the text with footnote markers blanked, offsets unchanged
    std::vector<Sentence> m_sentences;
    std::vector<Draft> m_drafts;
    // The motion drafts by ref and by members (group_for); indices into m_drafts.
    std::map<std::string, std::vector<std::size_t>> m_motions_by_ref;
    std::map<std::vector<std::string>, std::vector<std::size_t>> m_motions_by_members;
    static constexpr std::size_t k_none = static_cast<std::size_t>(-1);
    std::vector<std::size_t> m_heading_at_or_before;  // per sentence: the nearest heading at or before it
    std::size_t m_touches = 0;
    mutable std::vector<std::size_t> m_recent;  // see recent()
    mutable std::size_t m_registered = 0;       // drafts already considered by recent()  // times a draft took a sentence (attach)
};

}  // namespace

std::vector<Item> detect(const Document& doc, const RuleSet& rules) { return Detector(doc, rules).run(); }

}  // namespace toezeg::detect
