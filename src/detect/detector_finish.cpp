// An item's fields from its draft: evidence, members, when the commitment was made, subject.
#include <re2/re2.h>

#include <algorithm>

#include "detect/confidence.hpp"
#include "detect/detector_impl.hpp"
#include "detect/fields.hpp"
#include "detect/people.hpp"
#include "detect/subject.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace toezeg::detect {

void Detector::fill_evidence(Draft& d) const {
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

std::vector<std::string> Detector::requesting_members(std::size_t primary) const {
    if (primary == 0) return {};
    std::size_t k = primary - 1;
    if (m_sentences[k].heading || m_sentences[primary].paragraph - m_sentences[k].paragraph > 1) return {};
    if (!first_match(RuleRole::kamer_request, sentence(k))) return {};
    // "In de motie van het lid X wordt de regering verzocht ...": a motion's request, not X's own.
    if (first_match(RuleRole::motion_request, sentence(k))) return {};
    return find_members(sentence(k)).names;
}

std::string Detector::referred_meeting(std::string_view s) const {
    static const RE2 k_referred(
        "(?i)\\b(?:tijdens|in|bij|op)\\s+(?:deze|dit|die|dat|dezelfde|het|de|voornoemde|bovengenoemde|genoemde|"
        "eerdergenoemde|laatstgenoemde)\\s+(?:\\w+\\s+)?"
        "(behandeling|vergadering|commissiedebat|debat|overleg|notaoverleg|wetgevingsoverleg|brief|bijeenkomst|"
        "gesprek)\\b");
    std::string noun;
    return RE2::PartialMatch(s, k_referred, &noun) ? utf8::to_lower(noun) : "";
}

std::optional<Date> Detector::meeting_date_before(std::size_t i, const std::string& noun) const {
    std::string stem = noun.substr(0, std::min<std::size_t>(noun.size(), 6));
    for (std::size_t k = i; k-- > 0 && k + 8 > i;) {
        std::string lower = utf8::to_lower(sentence(k));
        if (lower.find(stem) == std::string::npos) continue;
        if (auto date = act_date(sentence(k), m_reference)) return date;
    }
    return std::nullopt;
}

std::string Detector::debate_date_just_before(std::size_t i) const {
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

std::optional<Date> Detector::earlier_statement_date(std::size_t i) const {
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

bool Detector::is_the_requested_report(const Draft& d) const {
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

std::string Detector::made_on_of(const Draft& d) const {
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

std::string Detector::nearest_heading(const Draft& d) const {
    auto heads = headings_before(d.sentences.front());
    std::erase(heads, d.sentences.front());
    if (heads.empty()) return "";
    std::string head(sentence(heads[0]));
    if (heads.size() > 1 && utf8::is_lower(static_cast<unsigned char>(head[0])))
        head = std::string(sentence(heads[1])) + " " + head;
    return head;
}

Item Detector::finish(Draft& d) {
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
        if (m.names.empty() && !d.earlier) m.names = requesting_members(d.sentences.front());
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
        if (state_unstated(it))
            if (auto st = section_status(d.sentences.front())) {
                it.status = *st;
                it.rule = "motion-status.section";
            }
        if (state_unstated(it) && is_the_requested_report(d)) {
            it.status = Status::fulfilled;
            it.rule = "motion-status.answered-by-letter";
        }
        it.actor = find_actor(primary, m_doc.meta);
        std::string_view after =
            std::string_view(m_doc.text).substr(mention.end, std::min<std::size_t>(300, m_doc.body_end - mention.end));
        after = after.substr(0, after.find_first_of(".\n"));
        static const RE2 k_about(
            "^\\s*(?:c\\.s\\.\\s*)?(?:uit\\s+)?(?:\\([^)]*\\)\\s*)?,?\\s*(?:over|inzake|betreffende|ten aanzien "
            "van|gericht op)\\s");
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

}  // namespace toezeg::detect
