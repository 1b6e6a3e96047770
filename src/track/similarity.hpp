#pragma once
// How alike two descriptions of a commitment are: shared content words.
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace toezeg::track {

// Lower-case content words (four letters or more, no common function words).
std::set<std::string> content_words(std::string_view text);
// Jaccard overlap of the content words, 0..1.
double similarity(std::string_view a, std::string_view b);
double similarity(const std::set<std::string>& a, const std::set<std::string>& b);

// Words as sorted numbers, for comparing many pairs quickly: the same word gets the same
// number from one WordNumbers.
using WordSet = std::vector<std::uint32_t>;
class WordNumbers {
public:
    WordSet of(const std::set<std::string>& words);

private:
    std::unordered_map<std::string, std::uint32_t> m_numbers;
};
// Jaccard overlap of two WordSets from the same WordNumbers, 0..1.
double similarity(const WordSet& a, const WordSet& b);

}  // namespace toezeg::track
