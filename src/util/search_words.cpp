#include "util/search_words.hpp"

#include <utf8proc.h>

#include <unordered_set>

#include "util/utf8.hpp"

namespace toezeg::text {

namespace {

bool letter_or_digit(char32_t cp) {
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
        case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
        case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
            return true;
        default:
            return false;
    }
}

// NFD of `text`, or the text itself when it is not UTF-8 (its bad bytes then end words).
std::string decomposed(std::string_view text) {
    bool ascii = true;
    for (char c : text) ascii &= static_cast<unsigned char>(c) < 0x80;
    if (ascii || !utf8::is_valid(text)) return std::string(text);
    return utf8::nfd(text);
}

}  // namespace

std::vector<std::string> search_words(std::string_view text) {
    const std::string nfd = decomposed(text);
    std::vector<std::string> words;
    std::unordered_set<std::string> seen;
    std::string word;
    auto end_word = [&] {
        if (!word.empty() && seen.insert(word).second) words.push_back(word);
        word.clear();
    };
    for (std::size_t i = 0; i < nfd.size();) {
        auto c = static_cast<unsigned char>(nfd[i]);
        if (c < 0x80) {  // ASCII: the common case, without utf8proc
            ++i;
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) word.push_back(static_cast<char>(c));
            else if (c >= 'A' && c <= 'Z') word.push_back(static_cast<char>(c - 'A' + 'a'));
            else end_word();
            continue;
        }
        char32_t cp = utf8::next(nfd, i);  // U+FFFD for a bad byte: not a letter
        if (cp >= 0x0300 && cp <= 0x036F) continue;  // a combining mark of Latin letters: dropped, the word goes on
        if (!letter_or_digit(cp)) {
            end_word();
            continue;
        }
        utf8::append(word, static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))));
    }
    end_word();
    return words;
}

}  // namespace toezeg::text
