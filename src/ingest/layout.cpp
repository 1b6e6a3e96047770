#include "ingest/layout.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_set>

#include "core/date.hpp"
#include "ingest/markers.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace toezeg::ingest {

namespace {

struct Line {
    std::string text;        // trimmed, spaces collapsed
    bool blank = false;
    bool page_start = false;  // first line of a new page
    bool furniture = false;
    int footnote = 0;         // >0: belongs to footnote n
    bool footnote_start = false;
};

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// Lines of a double-spaced extraction (every line followed by one empty line) lose that line.
std::vector<std::string> undo_double_spacing(std::vector<std::string> raw) {
    // Double-spaced: almost no two text lines touch, and empty lines are as many as text lines.
    std::size_t nonempty = 0, adjacent = 0, empty = 0;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i].empty()) { ++empty; continue; }
        ++nonempty;
        if (i + 1 < raw.size() && !raw[i + 1].empty()) ++adjacent;
    }
    if (nonempty < 10 || adjacent * 10 > nonempty || empty < nonempty) return raw;
    std::vector<std::string> out;
    bool previous_empty = true;
    for (auto& line : raw) {
        bool is_empty = line.empty();
        if (!(is_empty && !previous_empty)) out.push_back(std::move(line));
        previous_empty = is_empty;
    }
    return out;
}

std::vector<Line> split_into_lines(std::string_view text) {
    std::vector<std::string> raw;
    std::vector<bool> form_feed;
    for (auto line : text::split_lines(text)) {
        // A form feed starts a new page; the text after it is a line of its own.
        std::size_t ff;
        while ((ff = line.find('\f')) != std::string_view::npos) {
            raw.emplace_back(line.substr(0, ff));
            raw.emplace_back("\f");
            line.remove_prefix(ff + 1);
        }
        raw.emplace_back(text::trim_right(line));
    }
    raw = undo_double_spacing(std::move(raw));

    std::vector<Line> lines;
    bool pending_page = false;
    int blank_run = 0;
    for (auto& r : raw) {
        if (r == "\f") { pending_page = true; continue; }
        Line l;
        l.blank = text::trim(r).empty();
        if (l.blank) {
            ++blank_run;
            lines.push_back(l);
            continue;
        }
        bool leading_single_space = r.size() > 1 && r[0] == ' ' && r[1] != ' ';
        l.page_start = pending_page || blank_run >= 3 || (leading_single_space && !lines.empty());
        pending_page = false;
        blank_run = 0;
        l.text = text::collapse_spaces(r);
        lines.push_back(std::move(l));
    }
    return lines;
}

bool is_url_line(std::string_view s) {
    return (s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.")) &&
           s.find(' ') == std::string_view::npos;
}

void mark_furniture(std::vector<Line>& lines) {
    static const RE2 k_running_head(
        R"((?i)^(?:tweede|eerste) kamer(?: der staten-generaal)?,? (?:vergaderjaar )?\d{4}\s*[-–/]\s*\d{2,4},?.*(?:nr\.?\s*\d+|\d)\s*\d*$)");
    static const RE2 k_page_number(R"(^(?:[-–]\s*)?\d{1,3}(?:\s*[-–])?$|^(?i:pagina|blad) \d+(?: (?:van|/) \d+)?$)");
    static const RE2 k_letterhead_page(R"((?i)^(?:datum|kenmerk|ons kenmerk|onze referentie|pagina)\b.*\bpagina \d+ van \d+\s*$)");
    static const RE2 k_return_address(R"((?i)^>?\s*retouradres\b)");
    std::map<std::string, int> counts;
    for (auto& l : lines)
        if (!l.blank) ++counts[l.text];

    // Lines within three non-blank lines of a page boundary are candidates for running heads.
    std::vector<bool> near_boundary(lines.size(), false);
    auto mark_near = [&](std::size_t from, int step) {
        int seen = 0;
        for (std::size_t i = from; i < lines.size() && seen < 3; i += static_cast<std::size_t>(step)) {
            if (!lines[i].blank) { near_boundary[i] = true; ++seen; }
            if (step < 0 && i == 0) break;
        }
    };
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].page_start) {
            mark_near(i, 1);
            if (i > 0) mark_near(i - 1, -1);
        }

    for (std::size_t i = 0; i < lines.size(); ++i) {
        auto& l = lines[i];
        if (l.blank) continue;
        if (RE2::FullMatch(l.text, k_running_head) || RE2::FullMatch(l.text, k_page_number) ||
            RE2::PartialMatch(l.text, k_return_address) || RE2::FullMatch(l.text, k_letterhead_page)) {
            l.furniture = true;
        } else if (is_url_line(l.text) && counts[l.text] >= 2) {
            l.furniture = true;  // link annotations repeated at a page foot
        } else if (near_boundary[i] && counts[l.text] >= 3 && code_points(l.text) <= 80) {
            l.furniture = true;  // a running head or letterhead column repeated on each page
        }
    }
}

bool starts_with_month(std::string_view rest) {
    auto space = rest.find(' ');
    return dutch_month(rest.substr(0, space)) != 0;
}

// Finds footnote blocks: a line "n text" after a blank line, numbered in sequence, whose
// marker n occurs in the body before it; the block runs to a blank line or a new page.
void mark_footnotes(std::vector<Line>& lines) {
    static const RE2 k_footnote_start(R"(^(\d{1,3}) (\S.*)$)");
    int expected = 1;
    std::string body_so_far;
    std::size_t search_from = 0;
    int current = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        auto& l = lines[i];
        if (l.blank) { current = 0; continue; }
        if (l.furniture) continue;
        if (l.page_start) current = 0;
        int number = 0;
        std::string rest;
        bool candidate = RE2::FullMatch(l.text, k_footnote_start, &number, &rest);
        bool after_gap = i == 0 || lines[i - 1].blank || lines[i - 1].footnote > 0 || l.page_start ||
                         lines[i - 1].furniture;
        if (candidate && after_gap && number >= expected && number <= expected + 3 &&
            !starts_with_month(rest)) {
            auto marker = find_marker(body_so_far, number, search_from);
            if (marker) {
                search_from = marker->end;
                current = number;
                expected = number + 1;
                l.footnote = number;
                l.footnote_start = true;
                continue;
            }
        }
        if (current > 0) {
            l.footnote = current;
            continue;
        }
        body_so_far += l.text;
        body_so_far.push_back('\n');
    }
}

bool ends_sentence(std::string_view s) {
    return text::ends_with_any(s, {".", "!", "?", ":", ";", ".”", ".’", ".\"", ")."}) ||
           (!s.empty() && utf8::is_digit(static_cast<unsigned char>(s.back())) &&
            s.find_last_of(".") != std::string_view::npos &&
            s.find_last_of(".") + 4 >= s.size());  // "België.4"
}

char32_t first_cp(std::string_view s) {
    std::size_t i = 0;
    return s.empty() ? 0 : utf8::next(s, i);
}

bool starts_list_item(std::string_view s) {
    static const RE2 k_list(R"(^(?:[•▪●◦·*]|[-–] |\(?(?:[a-z]|\d{1,2})[.)] |[IVX]{1,4}\. ))");
    return RE2::PartialMatch(s, k_list);
}

std::string first_word(std::string_view s) {
    auto end = s.find_first_of(" ,.;:)");
    return std::string(s.substr(0, end));
}

std::string last_word(std::string_view s) {
    auto start = s.find_last_of(' ');
    return std::string(start == std::string_view::npos ? s : s.substr(start + 1));
}

class ParagraphBuilder {
public:
    ParagraphBuilder(const std::vector<Line>& lines, std::string_view source) : m_source(source) {
        std::vector<std::size_t> widths;
        for (auto& l : lines) {
            if (l.blank || l.furniture || l.footnote) continue;
            widths.push_back(code_points(l.text));
        }
        std::sort(widths.begin(), widths.end());
        m_typical = widths.empty() ? 80 : widths[widths.size() * 9 / 10];
    }

    std::string build(const std::vector<Line>& lines) {
        std::string out;
        const Line* prev = nullptr;
        bool blank_between = false, page_between = false;
        for (auto& l : lines) {
            if (l.blank) { blank_between = true; continue; }
            if (l.furniture) {
                page_between |= l.page_start;
                continue;
            }
            if (l.footnote) { page_between = true; continue; }
            if (l.page_start) page_between = true;
            if (!prev) {
                out += l.text;
            } else if (starts_new_paragraph(*prev, l, blank_between, page_between)) {
                out += "\n\n";
                out += l.text;
            } else {
                join_line(out, l.text);
            }
            prev = &l;
            blank_between = page_between = false;
        }
        return out;
    }

private:
    bool starts_new_paragraph(const Line& prev, const Line& next, bool blank, bool page) const {
        char32_t first = first_cp(next.text);
        bool capital = utf8::is_upper(first) || utf8::is_digit(first) || first == U'‘' || first == '"';
        // Across a page break a sentence goes on when the page ended mid-sentence: the next
        // word is lower case, or the last one cannot end a sentence ("Justitie en | Veiligheid").
        bool continues = !ends_sentence(prev.text) &&
                         (utf8::is_lower(first) || k_function_words.contains(utf8::to_lower(last_word(prev.text))));
        if (page) return !continues && (blank || (ends_sentence(prev.text) && capital));
        if (blank) return true;
        if (starts_list_item(next.text)) return true;
        if (!capital || prev.text.ends_with(",") || prev.text.ends_with("-")) return false;
        if (code_points(prev.text) * 100 < m_typical * 60) return true;
        // A heading without final punctuation, followed by a sentence that starts with an
        // ordinary opening word ("Vanaf", "In"): the previous line cannot end mid-sentence there.
        return code_points(prev.text) * 100 < m_typical * 92 && !ends_sentence(prev.text) &&
               !k_function_words.contains(utf8::to_lower(last_word(prev.text))) &&
               k_sentence_openers.contains(utf8::to_lower(first_word(next.text)));
    }

    void join_line(std::string& out, std::string_view next) const {
        if (out.ends_with("\u00AD")) {  // soft hyphen: always a line-break artefact
            out.resize(out.size() - 2);
            out += next;
            return;
        }
        if (out.ends_with("-") && out.size() >= 2 && !out.ends_with(" -")) {
            std::string prefix = last_word(out);
            prefix.pop_back();
            std::string suffix = first_word(next);
            static const std::set<std::string> k_conjunctions = {"en", "of", "tot", "noch", "als", "dan"};
            if (k_conjunctions.contains(suffix)) {
                out += " ";
                out += next;
            } else if (is_line_break_hyphen(prefix, suffix)) {
                out.pop_back();
                out += next;
            } else {
                out += next;
            }
            return;
        }
        out += " ";
        out += next;
    }

    // A hyphen at a line end is an artefact only when the document itself writes the
    // word whole elsewhere and never with the hyphen (rare enough to search the text).
    bool is_line_break_hyphen(const std::string& prefix, const std::string& suffix) const {
        if (prefix.empty() || suffix.empty()) return false;
        if (!utf8::is_lower(first_cp(suffix))) return false;
        return contains_word(prefix + suffix) && !contains_word(prefix + "-" + suffix);
    }

    bool contains_word(const std::string& word) const {
        for (std::size_t pos = m_source.find(word); pos != std::string_view::npos; pos = m_source.find(word, pos + 1)) {
            char before = pos ? m_source[pos - 1] : ' ';
            char after = pos + word.size() < m_source.size() ? m_source[pos + word.size()] : ' ';
            auto boundary = [](char c) { return c == ' ' || c == '\n' || c == ',' || c == '.' || c == '(' || c == ')' || c == ';' || c == ':'; };
            if (boundary(before) && boundary(after)) return true;
        }
        return false;
    }

    std::string_view m_source;
    std::size_t m_typical = 80;
    inline static const std::set<std::string> k_function_words = {
        "de", "het", "een", "van", "voor", "aan", "met", "op", "in", "door", "en", "of", "tot", "over", "bij",
        "naar", "te", "om", "dat", "die", "als", "uit", "onder", "tegen", "zijn", "haar", "hun", "deze", "dit",
        // words a name follows: "het lid / De Hoop", "de motie / Van der Plas"
        "lid", "leden", "heer", "mevrouw", "motie", "moties", "minister", "staatssecretaris", "kamerlid"};
    inline static const std::set<std::string> k_sentence_openers = {
        "de", "het", "een", "in", "op", "bij", "met", "voor", "na", "naar", "vanaf", "tijdens", "voorafgaand",
        "ook", "daarnaast", "verder", "hierbij", "hiermee", "zoals", "er", "wij", "ik", "u", "uw", "sinds",
        "inmiddels", "momenteel", "binnen", "nu", "dit", "deze", "om", "als", "door", "tot", "over"};
};

}  // namespace

NormalisedText normalise_layout(std::string_view clean_text) {
    auto lines = split_into_lines(clean_text);
    mark_furniture(lines);
    mark_footnotes(lines);

    NormalisedText out;
    ParagraphBuilder builder(lines, clean_text);
    out.text = builder.build(lines);

    // Footnote texts, each line joined the same way as body text.
    std::map<int, std::string> notes;
    for (auto& l : lines) {
        if (!l.footnote || l.blank || l.furniture) continue;
        auto& note = notes[l.footnote];
        std::string_view part = l.text;
        if (l.footnote_start) part.remove_prefix(part.find(' ') + 1);
        if (note.empty()) note = part;
        else if (note.ends_with("-") && !note.ends_with(" -")) note += part;
        else {
            note += ' ';
            note += part;
        }
    }
    if (!notes.empty()) {
        out.text += "\n\n";
        out.body_end = out.text.size();
        std::size_t search_from = 0;
        for (auto& [number, body] : notes) {
            Footnote f;
            f.number = number;
            std::string prefix = std::to_string(number) + " ";
            out.text += prefix;
            f.text = {out.text.size(), out.text.size() + body.size()};
            out.text += body;
            out.text += "\n";
            auto marker = find_marker(std::string_view(out.text).substr(0, out.body_end), number, search_from);
            if (marker) {
                f.marker = *marker;
                search_from = marker->end;
            } else {
                out.warnings.push_back("footnote " + std::to_string(number) + " has no marker in the body");
            }
            out.footnotes.push_back(f);
        }
    } else {
        out.text += "\n";
        out.body_end = out.text.size();
    }
    return out;
}

}  // namespace toezeg::ingest
