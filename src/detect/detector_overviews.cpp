// Overviews: an annex's sections and rows that list motions and commitments with their state.
#include <re2/re2.h>

#include <optional>

#include "detect/detector_impl.hpp"

namespace toezeg::detect {

std::optional<std::size_t> Detector::overview_row_end(std::size_t i, const Mention& m) const {
    if (!overview_heading(i)) return std::nullopt;
    if (i > 0 && m_sentences[i - 1].paragraph == m_sentences[i].paragraph) return std::nullopt;
    constexpr std::size_t k_row_start = 4;  // "De " before "motie"
    if (m.begin - m_sentences[i].span.begin > k_row_start) return std::nullopt;
    static const RE2 k_next_row("^(?i:(?:de )?moties? )");
    constexpr std::size_t k_row_reach = 12;
    std::size_t end = i;
    for (std::size_t k = i + 1; k < m_sentences.size() && k <= i + k_row_reach; ++k) {
        bool opens_paragraph = m_sentences[k].paragraph != m_sentences[k - 1].paragraph;
        if (m_title[k] || (opens_paragraph && RE2::PartialMatch(sentence(k), k_next_row))) break;
        end = k;
    }
    return end;
}

std::optional<std::pair<Status, std::string>> Detector::row_state(std::size_t first, std::size_t last) const {
    for (std::size_t k = first + 1; k <= last; ++k)
        if (auto* r = first_match(RuleRole::motion_cell, sentence(k))) return {{*r->spec->status, r->spec->id}};
    if (auto st = section_status(first)) return {{*st, "motion-status.section"}};
    return std::nullopt;
}

std::string Detector::overview_row_ref(std::size_t mention_end, std::size_t last) const {
    std::size_t stop = m_sentences[last].span.end;
    for (auto& c : m_doc.citations)
        if (c.footnote == 0 && c.span.begin >= mention_end && c.span.begin < stop) return c.ref;
    static const RE2 k_cell_ref("\\b(\\d{2}) ?(\\d{3})((?: [A-Z]{1,5}|-\\d{2})?),? (?:nr\\.|nummer) ?(\\d+)");
    std::string head, tail, part, number;
    std::string_view rest = std::string_view(m_plain).substr(mention_end, stop - mention_end);
    if (!RE2::PartialMatch(rest, k_cell_ref, &head, &tail, &part, &number)) return "";
    return head + " " + tail + part + ", nr. " + number;
}

bool Detector::take_overview_row(std::size_t i, const Mention& m) {
    auto end = overview_row_end(i, m);
    if (!end) return false;
    auto state = row_state(i, *end);
    if (!state) return false;
    std::string ref = overview_row_ref(m.end, *end);
    if (!ref.empty()) {  // the first motion of the letter with this ref, named in a sentence or a row before
        std::optional<std::size_t> first;
        for (auto* index : {&m_motions_by_ref, &m_rows_by_ref})
            if (auto same = index->find(ref); same != index->end())
                for (std::size_t k : same->second)
                    if (m_drafts[k].item.kind == Kind::motion && m_drafts[k].item.ref == ref && (!first || k < *first))
                        first = k;
        if (first) {
            attach(m_drafts[*first], i);
            return true;
        }
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
    m_motion_drafts.push_back(m_drafts.size() - 1);
    if (!ref.empty()) m_rows_by_ref[ref].push_back(m_drafts.size() - 1);
    return true;
}

std::vector<std::size_t> Detector::headings_before(std::size_t i) const {
    std::vector<std::size_t> out;
    for (std::size_t k = i < m_sentences.size() ? m_heading_at_or_before[i] : k_none; k != k_none && out.size() < 4;
         k = k > 0 ? m_heading_at_or_before[k - 1] : k_none)
        out.push_back(k);
    return out;
}

std::optional<std::size_t> Detector::overview_heading(std::size_t i) const {
    static const RE2 k_overview("(?i)\\b(?:moties|toezeggingen)\\b|\\bvindplaats\\b");
    for (std::size_t k : headings_before(i)) {
        if (RE2::PartialMatch(sentence(k), k_overview)) return k;
    }
    return std::nullopt;
}

std::optional<Status> Detector::section_status(std::size_t i) const {
    static const RE2 k_done(
        "(?i)\\b(?:afgedane|afgeronde|uitgevoerde|voldane|afgehandelde|ingeloste|nagekomen)\\s+(?:moties|"
        "toezeggingen)\\b|"
        "\\b(?:moties|toezeggingen)\\s+(?:die zijn |zijn "
        ")?(?:afgedaan|afgerond|uitgevoerd|voldaan|afgehandeld)\\b");
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

std::pair<std::size_t, std::size_t> Detector::row_of(std::size_t i) const {
    std::size_t end = i;
    while (end + 1 < m_sentences.size() && m_sentences[end + 1].paragraph == m_sentences[i].paragraph &&
           !m_sentences[end + 1].heading)
        ++end;
    return {i, end};
}

std::string Detector::row_reference(std::size_t i, std::size_t mention_end) const {
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

std::optional<Date> Detector::row_date(std::size_t i) const {
    auto [first, last] = row_of(i);
    for (std::size_t k = first; k <= last; ++k)
        if (auto date = act_date(sentence(k), m_reference)) return date;
    return std::nullopt;
}

}  // namespace toezeg::detect
