#include "report/document_html.hpp"

#include <algorithm>

#include "util/word_diff.hpp"

namespace toezeg::report {

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out.push_back(c);
        }
    }
    return out;
}

namespace {

struct Mark {
    Span span;
    std::string css;
    std::string title;
};

// Writes text while marks and links are open, closing and reopening them around breaks.
class Writer {
public:
    std::string out;
    const Mark* mark = nullptr;
    const Link* link = nullptr;
    bool mark_named = false;

    void open() {
        if (mark) {
            out += "<mark class=\"" + mark->css + "\"";
            if (!mark_named) out += " id=\"p-" + std::to_string(mark->span.begin) + "\"";
            out += " title=\"" + escape_html(mark->title) + "\">";
            mark_named = true;
        }
        if (link) out += "<a href=\"" + escape_html(link->href) + "\">";
    }
    void close() {
        if (link) out += "</a>";
        if (mark) out += "</mark>";
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
            out += (run - nl >= 2 || in_footnotes) ? "</p>\n<p>" : "<br>";
            open();
            start = run;
        }
    }
};

}  // namespace

std::string document_html(std::string_view text, std::size_t body_end, const std::vector<Item>& items,
                          const std::vector<Link>& links) {
    std::vector<Mark> marks;
    for (auto& it : items) {
        if (it.span.end > text.size() || it.span.begin >= it.span.end) continue;
        marks.push_back(Mark{it.span, std::string(to_string(it.kind)),
                             (it.kind == Kind::commitment ? "Toezegging: " : "Motie: ") + std::string(dutch_status(it.status))});
    }
    std::sort(marks.begin(), marks.end(), [](auto& a, auto& b) { return a.span.begin < b.span.begin; });
    std::vector<Mark> flat;  // no overlaps: a later passage inside an earlier one is left out
    for (auto& m : marks)
        if (flat.empty() || m.span.begin >= flat.back().span.end) flat.push_back(m);
    std::vector<Link> sorted_links;
    for (auto& l : links)
        if (l.span.end <= text.size() && (sorted_links.empty() || l.span.begin >= sorted_links.back().span.end))
            sorted_links.push_back(l);

    std::vector<std::size_t> cuts = {0, text.size(), std::min(body_end, text.size())};
    for (auto& m : flat) cuts.insert(cuts.end(), {m.span.begin, m.span.end});
    for (auto& l : sorted_links) cuts.insert(cuts.end(), {l.span.begin, l.span.end});
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

    Writer w;
    w.out = "<p>";
    std::size_t mi = 0, li = 0;
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
        std::size_t a = cuts[k], b = cuts[k + 1];
        if (a == body_end && body_end < text.size()) {
            w.close();
            w.out += "</p>\n<section class=\"footnotes\" aria-label=\"Voetnoten\">\n<p>";
            w.open();
        }
        while (mi < flat.size() && flat[mi].span.end <= a) ++mi;
        while (li < sorted_links.size() && sorted_links[li].span.end <= a) ++li;
        const Mark* m = mi < flat.size() && flat[mi].span.begin <= a ? &flat[mi] : nullptr;
        const Link* l = li < sorted_links.size() && sorted_links[li].span.begin <= a ? &sorted_links[li] : nullptr;
        if (m != w.mark || l != w.link) {
            w.close();
            if (m != w.mark) w.mark_named = false;
            w.mark = m;
            w.link = l;
            w.open();
        }
        w.text(text.substr(a, b - a), a >= body_end);
    }
    w.close();
    w.out += "</p>";
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

std::string diff_html(std::string_view before, std::string_view after) {
    std::string out;
    for (auto& piece : word_diff(before, after)) {
        if (piece.op == DiffPiece::Op::same) out += escape_html(piece.text);
        else if (piece.op == DiffPiece::Op::removed) out += "<del>" + escape_html(piece.text) + "</del>";
        else out += "<ins>" + escape_html(piece.text) + "</ins>";
    }
    return out;
}

}  // namespace toezeg::report
