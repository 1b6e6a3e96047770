#pragma once
// Splits normalised text into sentences with stable offsets.
#include <string_view>
#include <vector>

#include "core/document.hpp"

namespace toezeg::detect {

struct Sentence {
    Span span;
    int paragraph = 0;
    bool heading = false;  // a short line without final punctuation ("Motie Ram over ...")
};

// Sentences of text[0, end): split at . ? ! (and a footnote marker after them) followed by
// a capital, at paragraph breaks; never after abbreviations such as "jl.", "nr." or initials.
std::vector<Sentence> split_sentences(std::string_view text, std::size_t end);

}  // namespace toezeg::detect
