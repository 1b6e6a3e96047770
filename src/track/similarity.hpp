#pragma once
// How alike two descriptions of a commitment are: shared content words.
#include <set>
#include <string>
#include <string_view>

namespace toezeg::track {

// Lower-case content words (four letters or more, no common function words).
std::set<std::string> content_words(std::string_view text);
// Jaccard overlap of the content words, 0..1.
double similarity(std::string_view a, std::string_view b);
double similarity(const std::set<std::string>& a, const std::set<std::string>& b);

}  // namespace toezeg::track
