#include "detect/motion_document.hpp"

#include <re2/re2.h>

#include <algorithm>

#include "detect/dates.hpp"
#include "ingest/kst_xml.hpp"
#include "util/text.hpp"

namespace toezeg::detect {

Item motion_document_item(const Document& m_doc, const std::vector<Sentence>& m_sentences, std::optional<Date> m_reference) {
    Item it;
    it.kind = Kind::motion;
    it.status = Status::open;
    it.rule = "motion.document";
    // Stores read before the submitters were read from after the motion's last sentence
    // hold clauses of the text among them: only names are kept.
    for (auto& s : m_doc.meta.submitters)
        if (auto name = ingest::submitter_name(s);
            name && std::find(it.members.begin(), it.members.end(), *name) == it.members.end())
            it.members.push_back(*name);
    it.member = it.members.empty() ? "" : it.members.front();
    if (!m_doc.meta.dossier.empty() && !m_doc.meta.number.empty()) it.ref = m_doc.meta.dossier + ", nr. " + m_doc.meta.number;
    it.made_on = m_doc.meta.date;
    static const RE2 k_request("(?i)^verzoekt (?:de regering|het kabinet)");
    std::optional<Span> asks;
    for (auto& sentence : m_sentences) {
        std::string_view s = m_doc.slice(sentence.span);
        if (!RE2::PartialMatch(s, k_request)) continue;
        asks = asks ? Span{asks->begin, sentence.span.end} : sentence.span;
    }
    if (!asks) asks = m_sentences.empty() ? Span{0, 0} : m_sentences.front().span;
    it.span = *asks;
    it.evidence = text::shorten(m_doc.slice(*asks), 1200);
    static const RE2 k_subject("(?i)^verzoekt (?:de regering|het kabinet)\\s+(?:om\\s+)?([^,;]{6,})");
    std::string subject;
    if (RE2::PartialMatch(it.evidence, k_subject, &subject)) it.subject = text::shorten(subject, 100);
    if (auto dl = find_deadline(it.evidence, m_reference)) {
        it.due = dl->due;
        it.due_text = dl->text;
    }
    return it;
}

}  // namespace toezeg::detect
