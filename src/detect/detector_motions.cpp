// Motions: their mentions, the groups they form, the status the letter gives them.
#include <re2/re2.h>

#include <algorithm>
#include <charconv>
#include <limits>

#include "detect/detector_impl.hpp"
#include "detect/people.hpp"
#include "util/utf8.hpp"

namespace toezeg::detect {

namespace {

// At most this many motions are made for one plural mention ("de 3 moties van de leden ..."):
// the count is the letter's, and hostile text can write any number there.
constexpr std::size_t k_max_motions_per_mention = 20;

// "12" -> 12; at least 1, and a number past int's range is the largest int.
int digits_count(const std::string& digits) {
    int n = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec == std::errc::result_out_of_range) return std::numeric_limits<int>::max();
    return std::max(1, n);
}

}  // namespace

std::vector<Mention> Detector::find_mentions(std::size_t i) const {
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
            if (groups[0].empty()) {
                ++pos;
                continue;
            }
            bool overlaps = false;
            for (auto& o : out) overlaps |= m.begin < o.end && o.begin < m.end;
            if (overlaps) continue;
            std::string head =
                utf8::to_lower(std::string(groups[0].substr(0, std::min<std::size_t>(groups[0].size(), 40))));
            m.plural = head.find("moties") != std::string::npos;
            std::string count(groups[1].data(), groups[1].size());
            if (!count.empty()) {
                std::string c = utf8::to_lower(count);
                m.count = c == "twee" || c == "beide" ? 2
                          : c == "drie"               ? 3
                          : c == "vier"               ? 4
                          : c == "vijf"               ? 5
                                                      : digits_count(c);
            }
            std::string_view names(groups[2].data(), groups[2].size());
            // "een motie van de Partij voor de Dieren" names a party; "MOTIE VAN HET LID" is a title.
            // After "lid", "leden" or "motie-" a lower-case particle opens a name ("het lid van Dijk").
            std::string_view lead(groups[0].data(), static_cast<std::size_t>(names.data() - groups[0].data()));
            if (!names_a_member(lead, names) || is_all_caps(names)) continue;
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
            // "De motie Bikker ... De motie, die de regering verzoekt ...": a motion named just
            // before is restated by its request, not a new one.
            if (std::string_view(rule->spec->id) == "motion.by-request") {
                auto near = recent(i, k_anaphor_reach);
                auto is_motion = [&](std::size_t k) { return m_drafts[k].item.kind == Kind::motion; };
                if (!out.empty() || std::any_of(near.begin(), near.end(), is_motion)) continue;
                // "de motie, die de regering verzoekt ..." may point back further than "een
                // motie ... waarin": definite, it is new only before any motion of the letter.
                static const RE2 k_definite("(?i)\\b(?:de|deze|die|genoemde|bovengenoemde) $");
                std::string_view before = s.substr(0, static_cast<std::size_t>(groups[0].data() - s.data()));
                if (before.size() > 20) before = before.substr(before.size() - 20);
                if (RE2::PartialMatch(before, k_definite) && !m_motion_drafts.empty()) continue;
            }
            // "de moties Kamerstuk 32 793, nr. 176 (Dik-Faber), ...": a citation with a name in
            // brackets is a motion only in a sentence that speaks of motions before it.
            if (std::string_view(rule->spec->id) == "motion.cited-with-member") {
                std::string before =
                    utf8::to_lower(std::string(s.substr(0, static_cast<std::size_t>(groups[0].data() - s.data()))));
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
            for (std::size_t c : citations_between(out[k].begin, out[k].end + 2))
                out[k].refs.push_back(m_doc.citations[c].ref);
        for (std::size_t c : citations_between(out[k].end, stop)) out[k].refs.push_back(m_doc.citations[c].ref);
        // The footnotes whose marker stands in the same stretch, in the document's order.
        auto notes = positioned_between(m_marked_footnotes, out[k].end, stop + 4,
                                        [&](std::size_t f) { return m_doc.footnotes[f].marker.begin; });
        for (std::size_t f : notes)
            for (std::size_t c : m_citations_in_footnote[f]) out[k].refs.push_back(m_doc.citations[c].ref);
        std::vector<std::string> unique;
        for (auto& r : out[k].refs)
            if (std::find(unique.begin(), unique.end(), r) == unique.end()) unique.push_back(r);
        out[k].refs = unique;
        if (!out[k].plural && out[k].refs.size() > 1) out[k].refs.resize(1);
    }
    return out;
}

std::vector<std::size_t> Detector::citations_between(std::size_t begin, std::size_t end) const {
    // The body's citations starting in [begin, end), in the document's order.
    return positioned_between(m_body_citations, begin, end, [&](std::size_t c) { return m_doc.citations[c].span.begin; });
}

std::optional<MotionStatus> Detector::motion_status(std::string_view s) const {
    std::optional<MotionStatus> best;
    for (auto* r : m_rules.with_role(RuleRole::motion_status)) {
        if (!RE2::PartialMatch(s, *r->re)) continue;
        bool weak = r->spec->flags & k_weak;
        if (r->spec->flags & k_decisive) return MotionStatus{*r->spec->status, r->spec->id, false};
        if (!best || (best->weak && !weak) ||
            (weak == best->weak && status_rank(*r->spec->status) > status_rank(best->status)))
            best = MotionStatus{*r->spec->status, r->spec->id, weak};
    }
    return best;
}

std::vector<std::size_t> Detector::group_for(const Mention& m) const {
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
        candidates = m_motion_drafts;
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    std::vector<std::size_t> out;
    for (std::size_t k : candidates) {
        const Draft& d = m_drafts[k];
        if (d.item.kind != Kind::motion) continue;
        bool same_ref = !m.refs.empty() && std::find(m.refs.begin(), m.refs.end(), d.item.ref) != m.refs.end();
        bool same_members =
            !m.members.empty() && d.key_members == m.members && (m.refs.empty() || d.item.ref.empty() || same_ref);
        if (same_ref || same_members) out.push_back(k);
    }
    return out;
}

void Detector::set_motion_ref(std::size_t k, const std::string& ref) {
    m_drafts[k].item.ref = ref;
    if (!ref.empty()) m_motions_by_ref[ref].push_back(k);
}

void Detector::detect_motions(std::size_t i, std::string_view s) {
    auto mentions = find_mentions(i);
    if (mentions.empty()) {
        // Without a mention, only a motion named just before can take this sentence (a
        // back-reference, an anaphor, an ordinal): most sentences need no status rules.
        auto near = recent(i, k_anaphor_reach);
        if (std::none_of(near.begin(), near.end(),
                         [&](std::size_t k) { return m_drafts[k].item.kind == Kind::motion; }))
            return;
    }
    auto status = motion_status(s);
    std::vector<std::size_t> touched;
    for (auto& m : mentions) {
        if (take_overview_row(i, m)) continue;
        auto group = group_for(m);
        std::size_t wanted =
            m.plural ? std::max<std::size_t>({static_cast<std::size_t>(m.count), m.refs.size(), 1}) : 1;
        wanted = std::min(wanted, k_max_motions_per_mention);
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
            m_motion_drafts.push_back(m_drafts.size() - 1);
            if (!m.members.empty()) m_motions_by_members[m.members].push_back(m_drafts.size() - 1);
            if (n < m.refs.size()) set_motion_ref(m_drafts.size() - 1, m.refs[n]);
            group = group_for(m);
            // The new draft is not of this mention's group (no Kamerstuk number left for it, and
            // no Kamerleden to find it by): another one would not be either.
            if (group.size() <= n) break;
        }
        touched.insert(touched.end(), group.begin(), group.end());
    }
    if (mentions.empty() && apply_ordinals(i, s)) return;
    if (mentions.empty() && !first_match(RuleRole::motion_anaphor, s) && status && status->status != Status::open) {
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
    if (mentions.empty() && touched.empty())
        if (Draft* d = motion_product_delivered(i, s)) {
            d->item.status = Status::fulfilled;
            d->item.rule = "motion-status.delivered-in-execution";
            attach(*d, i);
            return;
        }
    for (auto k : touched) {
        Draft& d = m_drafts[k];
        attach(d, i);
        if (status && !d.row && !(status->weak && !state_unstated(d.item))) {
            d.item.status = status->status;
            d.item.rule = status->rule;
        }
    }
}

bool Detector::recent_commitment_in(std::size_t i) const {
    for (std::size_t k : recent(i, 1))
        if (m_drafts[k].item.kind == Kind::commitment) return true;
    return false;
}

bool Detector::apply_ordinals(std::size_t i, std::string_view s) {
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
            std::size_t k = o == "eerste"   ? 0
                            : o == "tweede" ? 1
                            : o == "derde"  ? 2
                            : o == "vierde" ? 3
                                            : group.size() - 1;
            if (k < group.size()) {
                Draft* d = group[k];
                auto st = motion_status(clause);
                d->item.status = st ? st->status : Status::open;
                d->item.rule = st ? st->rule : "motion-status.open";
                attach(*d, i);
                applied = true;
            }
        }
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return applied;
}

Draft* Detector::motion_product_delivered(std::size_t i, std::string_view s) {
    // "Naar aanleiding van een motie van het lid X heb ik de SER gevraagd een verkenning uit te
    // voeren. [...] Via deze brief bied ik u de verkenning aan.": what the motion led to is
    // delivered now, so the motion is carried out.
    static const RE2 k_offers(
        "(?i)\\b(?:(?:via|met|bij) deze brief (?:bied|stuur|zend) ik|hierbij (?:bied|stuur|zend) "
        "ik|(?:bied|stuur|zend) ik "
        "u hierbij|hierbij ontvangt u|ontvangt u hierbij|treft u (?:hierbij|bijgaand))\\b");
    if (!RE2::PartialMatch(s, k_offers)) return nullptr;
    static const RE2 k_prompted(
        "(?i)\\b(?:naar aanleiding van|ter uitvoering van|in navolging van|gevolg gevend aan)\\b");
    static const RE2 k_product(
        "(?i)\\b(?:gevraagd|verzocht|opdracht "
        "(?:gegeven|verleend)|laten)\\b[^;]{0,80}?\\b(verkenning|onderzoek|evaluatie|"
        "rapport|advies|analyse|studie|inventarisatie|notitie|overzicht|verslag|visie|plan van aanpak)\\b");
    constexpr std::size_t k_product_reach = 3;
    for (std::size_t k : recent(i, k_product_reach)) {
        Draft& d = m_drafts[k];
        if (d.item.kind != Kind::motion || d.row || d.item.status != Status::open) continue;
        if (m_sentences[i].paragraph > m_sentences[d.last_sentence].paragraph + 1) continue;
        std::string_view named = sentence(d.sentences.front());
        std::string product;
        if (!RE2::PartialMatch(named, k_prompted) || !RE2::PartialMatch(named, k_product, &product)) continue;
        const RE2 same("(?i)\\b" + RE2::QuoteMeta(product) + "\\b");
        if (RE2::PartialMatch(s, same)) return &d;
    }
    return nullptr;
}

}  // namespace toezeg::detect
