#include "ingest/letter_check.hpp"

#include <re2/re2.h>

namespace toezeg::ingest {

namespace {

// A ministry's letterhead, a minister's or state secretary's title, the Kamer as addressee
// or the formula a Kamerbrief opens with: looked for in the opening of the text only.
bool has_letterhead(std::string_view head) {
    static const RE2 k_mark(
        R"((?i)\b(?:ministerie van|de minister(?:-president)? (?:van|voor)|de staatssecretaris (?:van|voor)|)"
        R"(voorzitter van de (?:tweede|eerste) kamer|aan de (?:tweede|eerste) kamer|)"
        R"((?:tweede|eerste) kamer der staten-generaal|geachte voorzitter|aanhangsel van de handelingen|)"
        R"(vergaderjaar \d{4}\s*[-–]\s*\d{4}))");
    // A ministry's reference on a letter's page: "Kenmerk IENW/BSK-2023/297705", "Ons kenmerk 2026-0000123".
    static const RE2 k_reference(R"(\b[Kk]enmerk:?\s+(?:[A-Z]{2,}[A-Za-z]*\s*[/-]|\d{4}-\d{4,}))");
    return RE2::PartialMatch(head, k_mark) || RE2::PartialMatch(head, k_reference);
}

}  // namespace

std::optional<std::string> parliamentary_mark(const Document& doc) {
    if (doc.format == "xml") return "official XML";
    if (!doc.meta.dossier.empty() && !doc.meta.number.empty())
        return "Kamerstuk header " + doc.meta.dossier + ", nr. " + doc.meta.number;
    if (!doc.meta.addressee.empty()) return "addressed to the " + doc.meta.addressee;
    if (!doc.meta.signers.empty()) return "signed by the " + doc.meta.signers.front().role;
    constexpr std::size_t k_opening = 3000;  // where a letter, annex or Handelingen page shows what it is
    for (auto& c : doc.citations)
        if (c.footnote == 0 && c.span.begin < k_opening) return "cites Kamerstuk " + c.ref + " in its opening";
    std::string_view text = doc.text;
    if (has_letterhead(text.substr(0, std::min(text.size(), k_opening)))) return "letterhead of a ministry or the Kamer";
    return std::nullopt;
}

std::string not_parliamentary_reason() {
    return "not a parliamentary document: no Kamerstuk header, no addressee (Tweede or Eerste Kamer), no ministry "
           "letterhead or minister's signature, not official XML; ingest it anyway with --force";
}

}  // namespace toezeg::ingest
