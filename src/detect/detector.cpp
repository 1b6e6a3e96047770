#include "detect/detector.hpp"

#include <re2/re2.h>

#include <algorithm>

#include "detect/detector_impl.hpp"
#include "detect/motion_document.hpp"
#include "util/utf8.hpp"

namespace toezeg::detect {

bool is_all_caps(std::string_view s) {
    int upper = 0;
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = utf8::next(s, i);
        if (utf8::is_lower(cp)) return false;
        upper += utf8::is_upper(cp);
    }
    return upper >= 2;
}

bool state_unstated(const Item& it) { return it.rule == "motion.named" || it.rule == "motion-status.requested"; }

int status_rank(Status s) {
    switch (s) {
        case Status::lapsed:
            return 3;
        case Status::partial:
            return 2;
        case Status::fulfilled:
            return 1;
        case Status::open:
        case Status::rejected:
        case Status::held:
            return 0;  // the Kamer's decisions, never detected in a letter
    }
    return 0;
}

Detector::Detector(const Document& doc, const RuleSet& rules)
    : m_doc(doc),
      m_rules(rules),
      m_reference(reference_date(doc)),
      m_plain(without_markers(doc)),
      m_sentences(split_sentences(doc.text, doc.body_end)) {
    // A short line that cites a meeting or a Kamerstuk, or holds no word, is a cell of an
    // overview's row ("Plenair debat d.d. 8 november 2017 (Handelingen II, ...)", "58)"), not
    // the title of a section.
    std::vector<std::size_t> noted;  // citations standing in a footnote, by position
    for (std::size_t k = 0; k < doc.citations.size(); ++k)
        (doc.citations[k].footnote == 0 ? m_body_citations : noted).push_back(k);
    auto by_position = [&](std::size_t a, std::size_t b) {
        return doc.citations[a].span.begin < doc.citations[b].span.begin;
    };
    std::stable_sort(m_body_citations.begin(), m_body_citations.end(), by_position);
    std::stable_sort(noted.begin(), noted.end(), by_position);
    m_citations_in_footnote.resize(doc.footnotes.size());
    for (std::size_t f = 0; f < doc.footnotes.size(); ++f)
        m_citations_in_footnote[f] = positioned_between(noted, doc.footnotes[f].text.begin, doc.footnotes[f].text.end,
                                                        [&](std::size_t c) { return doc.citations[c].span.begin; });
    for (std::size_t k = 0; k < doc.footnotes.size(); ++k)
        if (doc.footnotes[k].marker.size() != 0) m_marked_footnotes.push_back(k);
    std::stable_sort(m_marked_footnotes.begin(), m_marked_footnotes.end(), [&](std::size_t a, std::size_t b) {
        return doc.footnotes[a].marker.begin < doc.footnotes[b].marker.begin;
    });
    static const RE2 k_cell("(?i)\\bd\\.d\\.|\\((?:handelingen|kamerstuk)|\\bnrs?\\. ?\\d|^[^\\pL]*$");
    m_title.resize(m_sentences.size(), false);
    m_heading_at_or_before.resize(m_sentences.size(), k_none);
    for (std::size_t k = 0; k < m_sentences.size(); ++k) {
        m_title[k] = m_sentences[k].heading && !RE2::PartialMatch(sentence(k), k_cell);
        m_heading_at_or_before[k] = m_title[k] ? k : k > 0 ? m_heading_at_or_before[k - 1] : k_none;
    }
    constexpr std::size_t k_heading_reach = 12;  // the sender's line stands in the letter's opening
    for (std::size_t k = 0; k < m_sentences.size() && k < k_heading_reach && !m_foreign_sender; ++k)
        if (first_match(RuleRole::foreign_sender, sentence(k))) {
            m_foreign_sender = true;
            m_foreign_begin = k;
        }
    // A verslag of a written exchange: the Kamer's letter to the minister, then the
    // minister's answer under its own heading ("BRIEF VAN DE MINISTER ..."), which is the
    // government's again.
    if (m_foreign_sender)
        for (std::size_t k = m_foreign_begin + 1; k < m_sentences.size() && m_foreign_end == k_none; ++k)
            if (m_sentences[k].heading && first_match(RuleRole::government_sender, sentence(k))) m_foreign_end = k;
}

std::vector<Item> Detector::run() {
    if (m_doc.meta.doc_type == "motie") return {motion_document_item(m_doc, m_sentences, m_reference)};
    // Most sentences hold none of the words any rule needs; one scan rules them out.
    static const RE2 k_triggers(
        "(?i)toezeg|toegezeg|\\bzeg|motie|kamer|\\bu\\b|hoogte|terug|informe|bericht|rapporte|stuur|stur|zend|"
        "toekom|\\b[tk]k\\b|aangegeven|aangekondigd|gemeld|meegedeeld|medegedeeld|laten weten|spoedig|zo snel "
        "mogelijk|binnenkort|op korte termijn|aanbied|aan te (?:kunnen )?bieden|voorleg|voor te leggen|tegemoet|"
        "\\bkom(?:t|en)? (?:ik|wij|we|het kabinet)\\b|\\b(?:ik|wij|we|kabinet) kom(?:t|en)?\\b|\\bkomen[.,;:]|beantwoord|tijd nodig|meer tijd|later dan");
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

std::string_view Detector::sentence(std::size_t i) const {
    Span span = m_sentences[i].span;
    return std::string_view(m_plain).substr(span.begin, span.end - span.begin);
}

std::string Detector::without_markers(const Document& doc) {
    std::string plain = doc.text;
    for (const auto& f : doc.footnotes)
        if (f.marker.size() > 0 && f.marker.end <= plain.size())
            for (std::size_t k = f.marker.begin; k < f.marker.end; ++k) plain[k] = ' ';
    return plain;
}

std::size_t Detector::touch_count() const { return m_touches; }

std::vector<std::size_t> Detector::recent(std::size_t i, std::size_t reach) const {
    for (; m_registered < m_drafts.size(); ++m_registered) m_recent.push_back(m_registered);
    std::erase_if(m_recent, [&](std::size_t k) { return m_drafts[k].last_sentence + k_anaphor_reach < i; });
    std::vector<std::size_t> out;
    for (std::size_t k : m_recent)
        if (m_drafts[k].last_sentence + reach >= i) out.push_back(k);
    return out;
}

void Detector::attach(Draft& d, std::size_t i) {
    auto index = static_cast<std::size_t>(&d - m_drafts.data());
    if (index < m_registered) {  // an older draft taken up again is recent again
        auto at = std::lower_bound(m_recent.begin(), m_recent.end(), index);
        if (at == m_recent.end() || *at != index) m_recent.insert(at, index);
    }
    bool present =
        !d.sentences.empty() &&
        (d.sentences.back() == i ||
         (d.sentences.back() > i && std::find(d.sentences.begin(), d.sentences.end(), i) != d.sentences.end()));
    if (!present) d.sentences.push_back(i);
    ++m_touches;
    d.last_sentence = i;
}

const CompiledRule* Detector::first_match(RuleRole role, std::string_view s) const {
    for (auto* r : m_rules.with_role(role))
        if (RE2::PartialMatch(s, *r->re)) return r;
    return nullptr;
}

bool Detector::matches(const char* id, std::string_view s) const {
    for (auto& r : m_rules.all())
        if (std::string_view(r.spec->id) == id) return RE2::PartialMatch(s, *r.re);
    return false;
}

std::vector<Item> detect(const Document& doc, const RuleSet& rules) { return Detector(doc, rules).run(); }

}  // namespace toezeg::detect
