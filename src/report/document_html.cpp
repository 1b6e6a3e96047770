// A letter's text as HTML: paragraphs and headings, footnotes linked both ways, detected passages marked and linked to
// their items, citations linked.
#include "report/document_html.hpp"

#include <algorithm>
#include <set>

#include "util/word_diff.hpp"

namespace toezeg::report {

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out.push_back(c);
        }
    }
    return out;
}

namespace {

struct Mark {
    Span span;
    std::string css;
    std::string title;
    const PassageRef* ref = nullptr;
};

// Words that open letterhead and closing lines, which are short and unpunctuated but no headings.
constexpr std::string_view k_not_headings[] = {"Aan ",
                                               "Datum",
                                               "Betreft",
                                               "Den Haag",
                                               "Ons kenmerk",
                                               "Uw kenmerk",
                                               "Kenmerk",
                                               "Bijlage",
                                               "Retouradres",
                                               "> ",
                                               "Geachte",
                                               "Hoogachtend",
                                               "De minister",
                                               "De staatssecretaris",
                                               "De Minister",
                                               "De Staatssecretaris",
                                               "Pagina",
                                               "Tweede Kamer",
                                               "Eerste Kamer",
                                               "Postbus",
                                               "www.",
                                               "http",
                                               "Contactpersoon",
                                               "T ",
                                               "E ",
                                               "Onze referentie"};

// "D.M. van Weel", "Claudia van Bruggen": two or more words, each capitalised or a name particle.
bool looks_like_a_name(std::string_view p) {
    static const std::set<std::string_view> particles = {"van", "de",  "den", "der", "ter",
                                                         "ten", "het", "la",  "le",  "op"};
    int words = 0;
    std::size_t at = 0;
    while (at < p.size()) {
        std::size_t end = p.find(' ', at);
        if (end == std::string_view::npos) end = p.size();
        std::string_view w = p.substr(at, end - at);
        at = end + 1;
        if (w.empty()) continue;
        ++words;
        bool capital = (w[0] >= 'A' && w[0] <= 'Z') || static_cast<unsigned char>(w[0]) == 0xC3;
        if (!capital && !particles.count(w)) return false;
        if (w[0] >= '0' && w[0] <= '9') return false;
        // A section number such as "II." opens a heading, not a name.
        if (words == 1 && w.size() > 1 && w.back() == '.' &&
            w.substr(0, w.size() - 1).find_first_not_of("IVXLC") == std::string_view::npos)
            return false;
    }
    return words >= 2;
}

// Paragraphs (between blank lines) of the body that read as headings: one line of at most
// 12 words and 100 bytes, starting with a capital or a section number, without final
// punctuation or a comma, followed by a longer paragraph.
std::set<std::size_t> heading_starts(std::string_view text, std::size_t body_end) {
    struct Para {
        std::size_t begin, end;
    };
    std::vector<Para> paras;
    std::size_t at = 0;
    while (at < body_end) {
        while (at < body_end && text[at] == '\n') ++at;
        std::size_t end = text.find("\n\n", at);
        if (end == std::string_view::npos || end > body_end) end = body_end;
        if (end > at) paras.push_back({at, end});
        at = end;
    }
    std::set<std::size_t> out;
    for (std::size_t k = 0; k + 1 < paras.size(); ++k) {
        std::string_view p = text.substr(paras[k].begin, paras[k].end - paras[k].begin);
        if (p.size() > 100 || p.find('\n') != std::string_view::npos || p.find(',') != std::string_view::npos) continue;
        unsigned char first = static_cast<unsigned char>(p[0]),
                      second = p.size() > 1 ? static_cast<unsigned char>(p[1]) : 0;
        bool latin_capital = first == 0xC3 && second >= 0x80 && second <= 0x9E;  // À..Þ
        if (!((first >= 'A' && first <= 'Z') || (first >= '1' && first <= '9') || latin_capital)) continue;
        if (looks_like_a_name(p)) continue;
        char last = p.back();
        if (std::string_view(".?!:;,)").find(last) != std::string_view::npos) continue;
        if (std::count(p.begin(), p.end(), ' ') > 11) continue;
        if (std::any_of(std::begin(k_not_headings), std::end(k_not_headings), [&](auto w) { return p.starts_with(w); }))
            continue;
        // A number alone, a date line or a name under a letter is no heading: the next paragraph must be prose.
        if (paras[k + 1].end - paras[k + 1].begin < 2 * p.size() ||
            p.find_first_not_of("0123456789 ") == std::string_view::npos)
            continue;
        out.insert(paras[k].begin);
    }
    return out;
}

// Writes text while marks and links are open, closing and reopening them around breaks.
class Writer {
public:
    std::string out;
    const Mark* mark = nullptr;
    const Link* link = nullptr;
    bool mark_named = false, link_named = false, in_heading = false;

    void open() {
        if (mark) {
            out += "<mark class=\"" + mark->css + "\"";
            if (!mark_named) out += " id=\"p-" + std::to_string(mark->span.begin) + "\"";
            out += " title=\"" + escape_html(mark->title) + "\">";
            mark_named = true;
        }
        if (link) {
            out += "<a href=\"" + escape_html(link->href) + "\"";
            if (!link_named && !link->id.empty()) out += " id=\"" + escape_html(link->id) + "\"";
            out += ">";
            link_named = true;
        }
    }
    void close() {
        if (link) out += "</a>";
        if (mark) out += "</mark>";
    }
    // After a marked passage: the link to its item, outside the mark and any link.
    void item_ref(const Mark* m) {
        if (!m || !m->ref) return;
        out += " <a class=\"item-ref\" href=\"" + escape_html(m->ref->href) + "\" aria-label=\"" +
               escape_html(m->ref->label) + "\">[item]</a>";
    }
    void text(std::string_view s, bool in_footnotes) {
        std::size_t start = 0;
        while (start < s.size()) {
            auto nl = s.find('\n', start);
            out += escape_html(s.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
            if (nl == std::string_view::npos) break;
            std::size_t run = nl;
            while (run < s.size() && s[run] == '\n') ++run;
            close();
            if (run - nl >= 2 || in_footnotes || in_heading) {
                out += in_heading ? "</h3>\n<p>" : "</p>\n<p>";
                in_heading = false;
            } else {
                out += "<br>";
            }
            open();
            start = run;
        }
    }
};

}  // namespace

std::string document_html(std::string_view text, std::size_t body_end, const std::vector<Item>& items,
                          const std::vector<Link>& links, const std::vector<PassageRef>& refs,
                          const std::vector<Footnote>& footnotes) {
    std::vector<Mark> marks;
    for (auto& it : items) {
        if (it.span.end > text.size() || it.span.begin >= it.span.end) continue;
        const PassageRef* ref = nullptr;
        for (auto& r : refs)
            if (r.begin == it.span.begin) ref = &r;
        marks.push_back(Mark{
            it.span, std::string(to_string(it.kind)),
            (it.kind == Kind::commitment ? "Toezegging: " : "Motie: ") + std::string(dutch_status(it.status)), ref});
    }
    std::sort(marks.begin(), marks.end(), [](auto& a, auto& b) { return a.span.begin < b.span.begin; });
    std::vector<Mark> flat;  // no overlaps: a later passage inside an earlier one is left out
    for (auto& m : marks)
        if (flat.empty() || m.span.begin >= flat.back().span.end) flat.push_back(m);
    std::vector<Link> all_links = links;
    // Each footnote marker links to its note ("#fn-N"), each note back to its marker.
    std::vector<std::pair<std::size_t, int>> note_starts;
    for (auto& f : footnotes) {
        if (f.marker.end <= f.marker.begin || f.marker.end > text.size() || f.text.begin >= text.size()) continue;
        std::string n = std::to_string(f.number);
        all_links.push_back(Link{f.marker, "#fn-" + n, "fnref-" + n});
        note_starts.push_back({f.text.begin, f.number});
    }
    std::sort(all_links.begin(), all_links.end(), [](auto& a, auto& b) { return a.span.begin < b.span.begin; });
    std::vector<Link> sorted_links;
    for (auto& l : all_links)
        if (l.span.end <= text.size() && (sorted_links.empty() || l.span.begin >= sorted_links.back().span.end))
            sorted_links.push_back(l);
    std::sort(note_starts.begin(), note_starts.end());
    auto headings = heading_starts(text, std::min(body_end, text.size()));

    std::vector<std::size_t> cuts = {0, text.size(), std::min(body_end, text.size())};
    for (auto& m : flat) cuts.insert(cuts.end(), {m.span.begin, m.span.end});
    for (auto& l : sorted_links) cuts.insert(cuts.end(), {l.span.begin, l.span.end});
    for (auto& [at, n] : note_starts) cuts.push_back(at);
    cuts.insert(cuts.end(), headings.begin(), headings.end());
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

    Writer w;
    w.out = "<p>";
    std::size_t mi = 0, li = 0, ni = 0;
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
        std::size_t a = cuts[k], b = cuts[k + 1];
        if (a == body_end && body_end < text.size()) {
            w.close();
            w.item_ref(w.mark);
            w.mark = nullptr;
            w.link = nullptr;
            w.out += w.in_heading ? "</h3>" : "</p>";
            w.in_heading = false;
            w.out += "\n<section class=\"footnotes\" aria-label=\"Voetnoten\">\n<p>";
        }
        while (mi < flat.size() && flat[mi].span.end <= a) ++mi;
        while (li < sorted_links.size() && sorted_links[li].span.end <= a) ++li;
        const Mark* m = mi < flat.size() && flat[mi].span.begin <= a ? &flat[mi] : nullptr;
        const Link* l = li < sorted_links.size() && sorted_links[li].span.begin <= a ? &sorted_links[li] : nullptr;
        if (m != w.mark || l != w.link) {
            w.close();
            if (m != w.mark) {
                w.item_ref(w.mark);
                w.mark_named = false;
            }
            if (l != w.link) w.link_named = false;
            w.mark = m;
            w.link = l;
            if (headings.count(a) && w.out.ends_with("<p>")) {
                w.out.replace(w.out.size() - 3, 3, "<h3>");
                w.in_heading = true;
            }
            w.open();
        } else if (headings.count(a) && w.out.ends_with("<p>")) {
            w.out.replace(w.out.size() - 3, 3, "<h3>");
            w.in_heading = true;
        }
        while (ni < note_starts.size() && note_starts[ni].first < a) ++ni;
        if (ni < note_starts.size() && note_starts[ni].first == a) {
            std::string n = std::to_string(note_starts[ni].second);
            w.close();
            w.out += "<a class=\"fn-back\" id=\"fn-" + n + "\" href=\"#fnref-" + n +
                     "\" aria-label=\"Terug naar de tekst bij voetnoot " + n + "\">↩</a> ";
            w.open();
        }
        w.text(text.substr(a, b - a), a >= body_end);
    }
    w.close();
    w.item_ref(w.mark);
    w.out += w.in_heading ? "</h3>" : "</p>";
    if (body_end < text.size()) w.out += "\n</section>";
    // Paragraphs left empty by the breaks are dropped.
    std::string out;
    std::size_t pos = 0;
    const std::string empty = "<p></p>\n";
    for (auto found = w.out.find(empty); found != std::string::npos; found = w.out.find(empty, pos)) {
        out.append(w.out, pos, found - pos);
        pos = found + empty.size();
    }
    out.append(w.out, pos);
    return out;
}

std::string diff_html(std::string_view before, std::string_view after, std::size_t context) {
    auto pieces = word_diff(before, after);
    if (std::all_of(pieces.begin(), pieces.end(), [](auto& p) { return p.op == DiffPiece::Op::same; })) return "";
    std::string out;
    const std::string gap = "<span class=\"gap\">[…]</span>\n";
    for (std::size_t k = 0; k < pieces.size(); ++k) {
        auto& piece = pieces[k];
        if (piece.op == DiffPiece::Op::removed) {
            out += "<del>" + escape_html(piece.text) + "</del>";
            continue;
        }
        if (piece.op == DiffPiece::Op::added) {
            out += "<ins>" + escape_html(piece.text) + "</ins>";
            continue;
        }
        // Up to `context` words after the change before it and before the change after it.
        auto tokens = word_tokens(piece.text);
        auto is_word = [](std::string_view t) { return t[0] != ' ' && t[0] != '\n'; };
        std::size_t words = std::count_if(tokens.begin(), tokens.end(), is_word);
        std::size_t head = k == 0 ? 0 : context, tail = k + 1 == pieces.size() ? 0 : context;
        if (words <= head + tail) {
            out += escape_html(piece.text);
            continue;
        }
        std::size_t i = 0;
        for (std::size_t seen = 0; i < tokens.size() && (seen < head || (seen == head && head > 0 && !is_word(tokens[i])));
             ++i) {
            seen += is_word(tokens[i]);
            out += escape_html(tokens[i]);
        }
        out += gap;
        std::size_t j = tokens.size();
        for (std::size_t seen = 0; j > i && seen < tail; --j) seen += is_word(tokens[j - 1]);
        for (; j < tokens.size(); ++j) out += escape_html(tokens[j]);
    }
    return out;
}

}  // namespace toezeg::report
