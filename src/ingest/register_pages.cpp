#include "ingest/register_pages.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>

#include "core/date.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace toezeg::ingest {

using nlohmann::json;

namespace {

// The Kerngegevens labels of an EK toezegging, longest first so "Huidige Verantwoordelijke(n)"
// is not read as "Verantwoordelijke(n)"; `list` labels hold one value per line.
struct Label {
    std::string_view name;
    bool list;
};
constexpr std::array k_labels{
    Label{"Voormalige Verantwoordelijke(n)", true},
    Label{"Huidige Verantwoordelijke(n)", true},
    Label{"Verantwoordelijke(n)", true},
    Label{"Datum toezegging", false},
    Label{"Soort activiteit", false},
    Label{"Kamerstukken", true},
    Label{"Onderwerpen", true},
    Label{"Kamerleden", true},
    Label{"Categorie", false},
    Label{"Commissie", false},
    Label{"Deadline", false},
    Label{"Nummer", false},
    Label{"Status", false},
};

const RE2& heading_re() {
    static const RE2 re(R"(^Toezegging\s+(.+?)\s*\((T\d{5})\)\s*(.*)$)");
    return re;
}

const Label* label_of(std::string_view name) {
    for (auto& l : k_labels)
        if (l.name == name) return &l;
    return nullptr;
}

// "Nummer T01237" -> {label, "T01237"}; "Nummer | T01970 |" -> the same from a table row.
std::pair<const Label*, std::string> label_line(std::string_view line) {
    if (line.find('|') != std::string_view::npos) {
        auto bar = line.find('|');
        auto name = text::trim(line.substr(0, bar));
        std::string_view rest = line.substr(bar + 1);
        if (auto end = rest.rfind('|'); end != std::string_view::npos) rest = rest.substr(0, end);
        if (auto* l = label_of(name)) return {l, std::string(text::trim(rest))};
        return {nullptr, ""};
    }
    for (auto& l : k_labels)
        if (line.starts_with(l.name) && line.size() > l.name.size() && line[l.name.size()] == ' ')
            return {&l, std::string(text::trim(line.substr(l.name.size())))};
    return {nullptr, ""};
}

bool is_table_rule(std::string_view line) {
    return !line.empty() &&
           std::all_of(line.begin(), line.end(), [](char c) { return c == '-' || c == '|' || c == ' '; });
}

// "prof. dr. S.C. van Bijsterveld (CDA) Mr.drs. M.M. de Boer (GroenLinks)": one entry per "(...)".
std::vector<std::string> split_on_parentheses(const std::string& cell) {
    static const RE2 re(R"(\s*([^()]+?\([^()]*\)))");
    std::vector<std::string> out;
    re2::StringPiece rest(cell);
    std::string one;
    while (RE2::Consume(&rest, re, &one)) out.push_back(one);
    if (out.empty() || !text::trim(std::string_view(rest.data(), rest.size())).empty()) return {cell};
    return out;
}

bool is_section(std::string_view line) {
    return line == "Kerngegevens" || line == "Uit de stukken" || line == "Brondocumenten" || line == "Historie";
}

// One toezegging's lines (after its heading) into the record.
void read_block(const std::vector<std::string_view>& lines, json& r) {
    enum { text_part, kern, after } state = text_part;
    std::string tekst = r.value("Tekst", "");
    const Label* last = nullptr;
    bool table = false;
    json passages = json::array();
    for (auto raw : lines) {
        auto line = text::trim(raw);
        if (state == text_part) {
            auto [label, value] = label_line(line);
            if (line == "Kerngegevens" || (label && label->name == "Nummer")) {
                state = kern;
                if (line == "Kerngegevens") continue;
            } else {
                if (!line.empty() && !is_section(line)) tekst += (tekst.empty() ? "" : " ") + std::string(line);
                continue;
            }
        }
        if (state == kern) {
            if (is_table_rule(line)) continue;
            auto [label, value] = label_line(line);
            if (label) {
                table = table || line.find('|') != std::string_view::npos;
                last = label;
                if (label->list) {
                    auto values = table && (label->name == "Kamerleden" || label->name == "Kamerstukken")
                                      ? split_on_parentheses(value)
                                      : std::vector<std::string>{value};
                    for (auto& v : values) r[std::string(label->name)].push_back(v);
                } else {
                    r[std::string(label->name)] = value;
                }
                continue;
            }
            if (line.empty() && (!last || table)) continue;  // before the first label, or between table rows
            bool ends = line.empty() || table || is_section(line);
            if (!ends && last) {  // a further line of the cell above
                auto& v = r[std::string(last->name)];
                if (last->list)
                    v.push_back(std::string(line));
                else
                    v = v.get<std::string>() + " " + std::string(line);
                continue;
            }
            state = after;
        }
        // After the Kerngegevens: the quoted passages, each under its source.
        static const RE2 source_re(R"(^((?:Kamerstukken|Handelingen)\s+I\b.*?):?$)");
        std::string bron;
        if (line.empty() || is_section(line)) continue;
        if (RE2::FullMatch(line, source_re, &bron)) {
            passages.push_back({{"bron", bron}, {"tekst", ""}});
        } else if (line.starts_with("Zie voor meer informatie")) {
            r["Opmerking"] = std::string(line);
        } else if (!passages.empty()) {
            auto& t = passages.back()["tekst"];
            t = t.get<std::string>() + (t.get<std::string>().empty() ? "" : " ") + std::string(line);
        }
    }
    if (!tekst.empty()) r["Tekst"] = tekst;
    if (!passages.empty()) r["Uit de stukken"] = passages;
}

std::vector<std::string> numbers_in(std::string_view text) {
    static const RE2 re(R"(\b(T\d{5})\b)");
    std::vector<std::string> out;
    re2::StringPiece rest(text.data(), text.size());
    std::string n;
    while (RE2::FindAndConsume(&rest, re, &n))
        if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    return out;
}

// Sentences and list parts: cut at ';' and at ". " before a capital.
std::vector<std::string> segments(std::string_view line) {
    std::vector<std::string> out;
    std::string cur;
    for (std::size_t i = 0; i < line.size(); ++i) {
        cur.push_back(line[i]);
        bool cut = line[i] == ';' || (line[i] == '.' && i + 2 < line.size() && line[i + 1] == ' ' &&
                                      line[i + 2] >= 'A' && line[i + 2] <= 'Z');
        if (cut) {
            out.push_back(std::string(text::trim(cur)));
            cur.clear();
        }
    }
    if (!text::trim(cur).empty()) out.push_back(std::string(text::trim(cur)));
    return out;
}

}  // namespace

std::string iso_of_dutch_date(std::string_view text) {
    static const RE2 re(R"(^\s*(\d{1,2})\s+(\pL+)\s+(\d{4})\s*$)");
    int day = 0, year = 0;
    std::string month;
    if (!RE2::FullMatch(re2::StringPiece(text.data(), text.size()), re, &day, &month, &year)) return "";
    Date d{year, dutch_month(utf8::to_lower(month)), day};
    return d.valid() ? d.iso() : "";
}

RegisterPageKind sniff_register_page(std::string_view text) {
    auto start = text::trim(text.substr(0, 400));
    if (start.starts_with("Korte aantekeningen") && !numbers_in(text).empty()) return RegisterPageKind::ek_decisions;
    bool heading = false;
    for (auto line : text::split_lines(text))
        if (RE2::PartialMatch(text::trim(line), heading_re())) heading = true;
    bool kern =
        text.find("Kerngegevens") != std::string_view::npos || text.find("Nummer | T") != std::string_view::npos;
    return heading && kern ? RegisterPageKind::ek_register : RegisterPageKind::none;
}

std::string html_to_text(std::string_view html) {
    auto first = html.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first == std::string_view::npos || html[first] != '<') return std::string(html);
    static const std::array<std::string_view, 20> k_blocks{"p",       "div", "br", "li", "ul",      "ol",    "h1",
                                                           "h2",      "h3",  "h4", "h5", "h6",      "tr",    "table",
                                                           "section", "dt",  "dd", "dl", "article", "header"};
    std::string out, lowered;  // lowered: the page in lower case, made once when a script or style needs its end
    std::size_t i = 0;
    while (i < html.size()) {
        char c = html[i];
        if (c == '<') {
            auto end = html.find('>', i);
            if (end == std::string_view::npos) break;
            std::string tag = utf8::to_lower(html.substr(i + 1, end - i - 1));
            bool closing = tag.starts_with("/");
            std::string name = tag.substr(closing ? 1 : 0);
            name = name.substr(0, name.find_first_of(" \t\r\n/"));
            if (!closing && (name == "script" || name == "style")) {
                if (lowered.empty())  // ASCII only, so offsets stay those of `html`
                    for (char ch : html) lowered.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch + 32) : ch);
                auto close = lowered.find("</" + name, end);
                i = close == std::string::npos ? html.size() : close;
                continue;
            }
            if (name == "td" || name == "th") {
                if (closing) out += " | ";
            } else if (std::find(k_blocks.begin(), k_blocks.end(), name) != k_blocks.end()) {
                out += "\n";
            }
            i = end + 1;
            continue;
        }
        if (c == '&') {
            auto semi = html.find(';', i);
            if (semi != std::string_view::npos && semi - i <= 10) {
                std::string_view ent = html.substr(i + 1, semi - i - 1);
                char32_t cp = 0;
                if (ent == "amp")
                    cp = '&';
                else if (ent == "lt")
                    cp = '<';
                else if (ent == "gt")
                    cp = '>';
                else if (ent == "quot")
                    cp = '"';
                else if (ent == "apos")
                    cp = '\'';
                else if (ent == "nbsp")
                    cp = ' ';
                else if (ent.starts_with("#x") || ent.starts_with("#X"))
                    cp = static_cast<char32_t>(std::strtoul(std::string(ent.substr(2)).c_str(), nullptr, 16));
                else if (ent.starts_with("#"))
                    cp = static_cast<char32_t>(std::strtoul(std::string(ent.substr(1)).c_str(), nullptr, 10));
                if (cp > 0 && cp < 0x110000 && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                    utf8::append(out, cp);
                    i = semi + 1;
                    continue;
                }
            }
        }
        out.push_back(c == '\r' || c == '\t' ? ' ' : c == '\n' ? ' ' : c);
        ++i;
    }
    std::string cleaned;
    for (auto line : text::split_lines(out)) cleaned += text::collapse_spaces(line) + "\n";
    return cleaned;
}

Result<EkPageRecords> parse_ek_register_page(std::string_view text, const std::string& source) {
    auto lines = text::split_lines(text);
    EkPageRecords out;
    for (std::size_t k = 0; k < lines.size(); ++k) {
        std::string title, number, rest;
        if (!RE2::FullMatch(text::trim(lines[k]), heading_re(), &title, &number, &rest)) continue;
        std::size_t end = k + 1;
        while (end < lines.size() && !RE2::FullMatch(text::trim(lines[end]), heading_re())) ++end;
        json r = {{"Id", number}, {"Titel", title}};
        if (!rest.empty()) r["Tekst"] = rest;  // heading and text run together: "(35.424)De Minister ..."
        read_block(std::vector<std::string_view>(lines.begin() + static_cast<long>(k) + 1,
                                                 lines.begin() + static_cast<long>(end)),
                   r);
        k = end - 1;
        if (!r.contains("Nummer") || !r.contains("Status")) {
            out.skipped.push_back(number + ": the page is cut off before its Kerngegevens (no Nummer and Status)");
            continue;
        }
        if (r["Nummer"] != number) {
            out.skipped.push_back(number + ": its Kerngegevens name another number (" + r["Nummer"].dump() + ")");
            continue;
        }
        r["_bron"] = source;
        out.records.push_back(std::move(r));
    }
    if (out.records.empty())
        return fail(source, out.skipped.empty() ? "no Eerste Kamer toezegging with its Kerngegevens on this page"
                                                : out.skipped.front());
    return out;
}

Result<std::vector<EkDecision>> parse_ek_decisions(std::string_view text, const std::string& source) {
    static const RE2 title_re(R"(vergadering\s+(commissies?\s.*?)\s+van\s+(\d{1,2}\s+\pL+\s+\d{4})\s*$)");
    static const RE2 numbered_heading(R"(^\d+\.\s+(.*)$)");
    static const RE2 status_re(R"((?i)(?:\bals\s+["“”']?|\()(openstaand|deels voldaan|voldaan|vervallen)["“”']?)");
    static const RE2 due_re(R"((?:nieuwe deadline|deadline wordt verplaatst naar)\s+(\d{1,2}\s+\pL+\s+\d{4}))");
    static const RE2 letter_re(R"((brief van .+?\d{1,2}\s+\pL+\s+\d{4}))");
    static const RE2 letter_code_re(R"((\((?:EK,?\s+)?\d{4,5}[^()]*,\s*[A-Z]{1,3}\)))");
    auto lines = text::split_lines(text);
    std::string committee, date;
    for (auto line : lines) {
        if (text::trim(line).empty()) continue;
        std::string when;
        if (RE2::PartialMatch(text::trim(line), title_re, &committee, &when)) date = iso_of_dutch_date(when);
        break;
    }
    if (date.empty())
        return fail(source, "not the korte aantekeningen of a committee meeting (no meeting date in the title)");
    std::vector<EkDecision> out;
    std::vector<std::string> heading_numbers;
    std::string occasion;
    auto add = [&](const std::string& number, std::optional<Status> status, std::string status_text, std::string due,
                   std::string what) {
        EkDecision d;
        d.number = number;
        d.committee = committee;
        d.event =
            RegisterEvent{date, status, std::move(status_text), std::move(due), std::move(what), occasion, source};
        out.push_back(std::move(d));
    };
    for (std::size_t k = 1; k < lines.size(); ++k) {
        auto line = text::trim(lines[k]);
        std::string heading;
        if (RE2::FullMatch(line, numbered_heading, &heading)) {
            auto numbers = numbers_in(heading);
            bool only_numbers = !numbers.empty() && heading.find_first_not_of("T0123456789, en") == std::string::npos;
            heading_numbers = only_numbers ? numbers : std::vector<std::string>{};
            occasion.clear();
        }
        for (auto& seg : segments(line)) {
            auto numbers = numbers_in(seg);
            std::string word, due_text, letter, code;
            bool has_status = RE2::PartialMatch(seg, status_re, &word);
            RE2::PartialMatch(seg, due_re, &due_text);
            if (!has_status && RE2::PartialMatch(seg, letter_re, &letter)) {
                occasion = letter;
                if (RE2::PartialMatch(seg, letter_code_re, &code)) occasion += " " + code;
            }
            if (numbers.empty()) {
                if (seg.find("voor kennisgeving") != std::string::npos)
                    for (auto& n : heading_numbers) add(n, std::nullopt, "", "", seg);
                continue;
            }
            if (has_status) {
                for (auto& n : numbers)
                    add(n, parse_register_status(word), utf8::to_lower(word), iso_of_dutch_date(due_text), seg);
            } else if (seg.find("nadere toelichting") != std::string::npos) {
                for (auto& n : numbers) add(n, std::nullopt, "", "", seg);
            }
        }
    }
    if (out.empty()) return fail(source, "no status decision on a numbered toezegging in these korte aantekeningen");
    return out;
}

std::vector<RegisterCitation> find_register_numbers(std::string_view text) {
    static const RE2 re(R"(\b(TZ\d{6}-\d{3}|T\d{5})\b)");
    std::vector<RegisterCitation> out;
    re2::StringPiece rest(text.data(), text.size());
    std::string n;
    while (RE2::FindAndConsume(&rest, re, &n))
        out.push_back(RegisterCitation{n, static_cast<std::size_t>(rest.data() - text.data()) - n.size()});
    return out;
}

}  // namespace toezeg::ingest
