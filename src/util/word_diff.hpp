#pragma once
// Word-level diff of two texts (like `git diff --word-diff`).
#include <string>
#include <string_view>
#include <vector>

namespace toezeg {

struct DiffPiece {
    enum class Op { same, removed, added } op;
    std::string text;
};

// `s` as alternating runs of word characters and of whitespace (spaces, newlines).
std::vector<std::string_view> word_tokens(std::string_view s);
// How much work one search of word_diff may do (comparisons, steps and saved values): about a
// thousand changed words in one block of lines. All searches of one diff together may spend
// this plus a few units per token, so a diff takes time linear in the size of the texts.
inline constexpr long k_word_diff_budget = 1'000'000;
// The line search, done once per diff, may do four times as much (about 2,800 changed lines).
inline constexpr long k_word_diff_line_budget = 4 * k_word_diff_budget;

// Pieces that turn `before` into `after`, comparing words (whitespace is kept with them).
// Like `git diff --word-diff`: the changed lines are found first (Myers), then the words of
// each changed block of lines (Myers, within k_word_diff_budget); a block past the budget is
// shown removed and added whole. The pieces always give back both texts exactly.
std::vector<DiffPiece> word_diff(std::string_view before, std::string_view after);

}  // namespace toezeg
