#include "track/similarity.hpp"

#include <algorithm>

#include "util/utf8.hpp"

namespace toezeg::track {

std::set<std::string> content_words(std::string_view text) {
    static const std::set<std::string> k_stop = {
        "over", "voor", "naar", "door", "deze", "dit", "die", "dat", "zijn", "wordt", "worden", "kamer", "uw",
        "zal", "zullen", "heeft", "hebben", "het", "een", "van", "aan", "met", "om", "als", "ook", "nog", "bij",
        "informeren", "geïnformeerd", "toegezegd", "toezegging", "minister", "staatssecretaris", "kabinet", "terug",
        "komen", "lid", "leden", "hiermee", "daarmee", "brief", "deze", "waarin", "hierover", "nader"};
    std::set<std::string> out;
    std::string lower = utf8::to_lower(text);
    std::string word;
    for (std::size_t i = 0; i <= lower.size();) {
        char32_t cp = i < lower.size() ? utf8::next(lower, i) : (++i, U' ');
        if (utf8::is_letter(cp) || utf8::is_digit(cp)) {
            utf8::append(word, cp);
            continue;
        }
        std::size_t letters = 0;
        for (unsigned char c : word) letters += (c & 0xC0) != 0x80;
        if (letters >= 4 && !k_stop.contains(word)) out.insert(word);
        word.clear();
    }
    return out;
}

double similarity(std::string_view a, std::string_view b) { return similarity(content_words(a), content_words(b)); }

double similarity(const std::set<std::string>& x, const std::set<std::string>& y) {
    if (x.empty() || y.empty()) return 0;
    std::size_t shared = 0;
    for (auto& w : x) shared += y.contains(w);
    return static_cast<double>(shared) / static_cast<double>(x.size() + y.size() - shared);
}

WordSet WordNumbers::of(const std::set<std::string>& words) {
    WordSet out;
    out.reserve(words.size());
    for (auto& w : words) out.push_back(m_numbers.try_emplace(w, static_cast<std::uint32_t>(m_numbers.size())).first->second);
    std::sort(out.begin(), out.end());
    return out;
}

double similarity(const WordSet& x, const WordSet& y) {
    if (x.empty() || y.empty()) return 0;
    std::size_t shared = 0;
    for (auto a = x.begin(), b = y.begin(); a != x.end() && b != y.end();) {
        if (*a < *b) ++a;
        else if (*b < *a) ++b;
        else ++shared, ++a, ++b;
    }
    return static_cast<double>(shared) / static_cast<double>(x.size() + y.size() - shared);
}

}  // namespace toezeg::track
