#include "ingest/citations.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <iterator>
#include <map>

namespace toezeg::ingest {

namespace {

std::string digits_only(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c >= '0' && c <= '9') out.push_back(c);
    return out;
}

KamerstukRef make_ref(std::string_view dossier, std::string_view sub, std::string_view number) {
    KamerstukRef r;
    std::string d = digits_only(dossier);
    r.dossier = d.size() == 5 ? d.substr(0, 2) + " " + d.substr(2) : d;
    if (!sub.empty()) {
        if (sub[0] >= '0' && sub[0] <= '9') {
            std::string s = digits_only(sub);
            r.sub = s.size() == 1 ? "0" + s : s;
        } else {
            r.sub = std::string(sub);
        }
    }
    r.number = digits_only(number);
    return r;
}

// "Kamerstuk 32 317, nr. 973", "29754 nr. 773", "21 501-04, nr. 287", "36 800 VI, nr. 38".
const RE2& numbered_form() {
    static const RE2 re(
        R"(\b(\d{2} ?\d{3})(?:(?:-|\s)(\d{1,2}|[IVXLC]{1,6}(?:-[A-Z])?)\b)?,?\s+(?i:nrs?\.?|nummer)\s*(\d{1,4})\b)");
    return re;
}

// "Kamerstukken II, 2025-2026, 36704-63", "KST 36 704-64": dossier-number after a keyword.
const RE2& dashed_form() {
    static const RE2 re(
        R"((?i:kamerstuk(?:ken)?|kst)\b(?:\s+I{1,2})?(?:,?\s*(?:vergaderjaar\s+)?\d{4}\s*[-–/]\s*\d{2,4}[,.]?)?[\s,]*(\d{2} ?\d{3})-(\d{1,4})\b)");
    return re;
}

// Eerste Kamer stukken by letter: "Kamerstuk 30 306/30 307, letter D", "32 637, E".
const RE2& lettered_form() {
    static const RE2 re(
        R"(\b(\d{2} ?\d{3})((?:\s*/\s*\d{2} ?\d{3})*)(?:\s+([IVXLC]{1,6}|[A-Z]))?,\s*(?i:letter)\s+([A-Z]{1,2})\b)");
    return re;
}

KamerstukRef make_lettered(std::string_view dossier, std::string_view joint, std::string_view sub, std::string_view letter) {
    KamerstukRef r = make_ref(dossier, sub, "");
    r.number = std::string(letter);
    r.lettered = true;
    for (std::size_t at = joint.find('/'); at != std::string_view::npos; at = joint.find('/', at + 1)) {
        std::string d = digits_only(joint.substr(at + 1, joint.find('/', at + 1) - at - 1));
        r.joint += "/" + (d.size() == 5 ? d.substr(0, 2) + " " + d.substr(2) : d);
    }
    return r;
}

}  // namespace

std::string KamerstukRef::canonical() const {
    std::string out = dossier + joint;
    if (!sub.empty()) out += (sub[0] >= '0' && sub[0] <= '9') ? "-" + sub : " " + sub;
    return out + (lettered ? ", letter " : ", nr. ") + number;
}

std::string KamerstukRef::id() const {
    std::string out = "kst-" + digits_only(dossier);
    if (!sub.empty()) out += "-" + sub;
    return out + "-" + number;
}

std::optional<KamerstukRef> parse_kamerstuk(std::string_view text) {
    re2::StringPiece d, s, n;
    if (RE2::PartialMatch(text, numbered_form(), &d, &s, &n)) return make_ref(d, s, n);
    if (RE2::PartialMatch(text, dashed_form(), &d, &n)) return make_ref(d, "", n);
    re2::StringPiece joint;
    if (RE2::PartialMatch(text, lettered_form(), &d, &joint, &s, &n)) return make_lettered(d, joint, s, n);
    return std::nullopt;
}

std::vector<Citation> find_citations(std::string_view text, std::size_t body_end,
                                     const std::vector<Footnote>& footnotes) {
    std::vector<Citation> out;
    // The footnotes by where their text begins; when no two texts overlap (always, in what the
    // readers make) a position's footnote is found by bisection, else by a pass over them all.
    std::vector<std::size_t> by_begin(footnotes.size());
    for (std::size_t k = 0; k < by_begin.size(); ++k) by_begin[k] = k;
    std::stable_sort(by_begin.begin(), by_begin.end(),
                     [&](std::size_t a, std::size_t b) { return footnotes[a].text.begin < footnotes[b].text.begin; });
    bool disjoint = true;
    for (std::size_t k = 1; k < by_begin.size(); ++k)
        disjoint = disjoint && footnotes[by_begin[k]].text.begin >= footnotes[by_begin[k - 1]].text.end;
    auto footnote_at = [&](std::size_t pos) {
        if (pos < body_end) return 0;
        if (!disjoint) {
            for (auto& f : footnotes)
                if (pos >= f.text.begin && pos < f.text.end) return f.number;
            return 0;
        }
        auto after = std::upper_bound(by_begin.begin(), by_begin.end(), pos,
                                      [&](std::size_t at, std::size_t f) { return at < footnotes[f].text.begin; });
        if (after == by_begin.begin()) return 0;
        const Footnote& f = footnotes[*std::prev(after)];
        return pos >= f.text.begin && pos < f.text.end ? f.number : 0;
    };
    std::map<std::size_t, std::size_t> taken;  // the spans found so far (disjoint): begin -> end
    auto add = [&](const KamerstukRef& ref, std::size_t begin, std::size_t end) {
        auto next = taken.lower_bound(end);  // the last span beginning before `end` is the only one that may overlap
        if (next != taken.begin() && std::prev(next)->second > begin) return;  // overlaps an earlier find
        taken.emplace(begin, end);
        out.push_back(Citation{ref.canonical(), Span{begin, end}, footnote_at(begin)});
    };
    static const RE2 k_numbered("(" + numbered_form().pattern() + ")");
    static const RE2 k_dashed("(" + dashed_form().pattern() + ")");
    re2::StringPiece whole, d, s, n;
    re2::StringPiece input(text.data(), text.size());
    while (RE2::FindAndConsume(&input, k_numbered, &whole, &d, &s, &n)) {
        auto begin = static_cast<std::size_t>(whole.data() - text.data());
        add(make_ref(d, s, n), begin, begin + whole.size());
    }
    // The dashed form runs second, so "21 501-04, nr. 287" is never read as number 4.
    input = re2::StringPiece(text.data(), text.size());
    while (RE2::FindAndConsume(&input, k_dashed, &whole, &d, &n)) {
        auto begin = static_cast<std::size_t>(whole.data() - text.data());
        add(make_ref(d, "", n), begin, begin + whole.size());
    }
    static const RE2 k_lettered("(" + lettered_form().pattern() + ")");
    input = re2::StringPiece(text.data(), text.size());
    re2::StringPiece joint;
    while (RE2::FindAndConsume(&input, k_lettered, &whole, &d, &joint, &s, &n)) {
        auto begin = static_cast<std::size_t>(whole.data() - text.data());
        add(make_lettered(d, joint, s, n), begin, begin + whole.size());
    }
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.span.begin < b.span.begin; });
    return out;
}

}  // namespace toezeg::ingest
