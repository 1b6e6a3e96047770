#include "detect/sentences.hpp"

#include <set>
#include <string>

#include "util/utf8.hpp"

namespace toezeg::detect {

namespace {

bool is_abbreviation(std::string_view text, std::size_t dot) {
    static const std::set<std::string> k_abbreviations = {
        "jl", "nr", "nrs", "o.a", "oa", "d.d", "dd", "i.v.m", "ivm", "bijv", "m.b.t", "mbt", "t.a.v", "tav", "z.s.m",
        "mr", "dr", "drs", "prof", "ir", "ing", "art", "blz", "p", "c.s", "cs", "ca", "e.d", "resp", "vs", "etc",
        "mln", "mld", "mrd", "incl", "excl", "evt", "i.c.m", "m.n", "o.b.v", "n.a.v", "t.z.t", "vgl", "zgn", "e.a",
        "jo", "lid", "sub", "ter", "st", "stb", "stcrt", "kst", "nl", "vz"};
    std::size_t start = dot;
    while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '(' && text[start - 1] != '\n') --start;
    std::string word = utf8::to_lower(text.substr(start, dot - start));
    if (k_abbreviations.contains(word)) return true;
    // Compounds ending in an abbreviated "nummer": "Kamerstuknr.", "volgnr.", "kenmerknr.".
    if (word.size() > 2 && (word.ends_with("nr") || word.ends_with("nrs"))) return true;
    // Initials: "D.M. van Weel", "A.C.L. Rutte".
    std::size_t i = start;
    char32_t first = i < dot ? utf8::next(text, i) : 0;
    if (utf8::is_upper(first) && (i == dot || text[i] == '.')) return true;
    return false;
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text, std::size_t end) {
    std::vector<Sentence> out;
    int paragraph = 0;
    std::size_t start = 0;
    auto emit = [&](std::size_t stop) {
        while (start < stop && (text[start] == ' ' || text[start] == '\n')) ++start;
        std::size_t e = stop;
        while (e > start && (text[e - 1] == ' ' || text[e - 1] == '\n')) --e;
        if (e > start) {
            Sentence s{Span{start, e}, paragraph, false};
            char last = text[e - 1];
            s.heading = e - start < 120 && last != '.' && last != '?' && last != '!' && last != ':' && last != ';' &&
                        !(last >= '0' && last <= '9' && text.substr(start, e - start).find('.') != std::string_view::npos);
            out.push_back(s);
        }
        start = stop;
    };
    for (std::size_t i = 0; i < end; ++i) {
        char c = text[i];
        if (c == '\n' && i + 1 < end && text[i + 1] == '\n') {
            emit(i);
            ++paragraph;
            continue;
        }
        if (c != '.' && c != '?' && c != '!') continue;
        if (c == '.' && is_abbreviation(text, i)) continue;
        std::size_t j = i + 1;
        while (j < end && (text[j] == '.' || text[j] == ')' || text[j] == '"' || text[j] == '\'')) ++j;
        if (j + 2 < end && std::string_view(text.substr(j, 3)) == "\xE2\x80\x9D") j += 3;  // ”
        while (j < end && text[j] >= '0' && text[j] <= '9' && j - i < 4) ++j;             // footnote marker
        if (j >= end) { emit(end); break; }
        if (text[j] != ' ' && text[j] != '\n') continue;
        std::size_t k = j;
        while (k < end && text[k] == ' ') ++k;
        if (k >= end) continue;
        std::size_t probe = k;
        char32_t next = utf8::next(text, probe);
        if (utf8::is_upper(next) || utf8::is_digit(next) || next == U'‘' || next == '"' || next == '(' || next == U'“')
            emit(j);
    }
    emit(end);
    return out;
}

}  // namespace toezeg::detect
