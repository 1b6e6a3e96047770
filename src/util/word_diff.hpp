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
// Pieces that turn `before` into `after`, comparing words (whitespace is kept with them).
std::vector<DiffPiece> word_diff(std::string_view before, std::string_view after);

}  // namespace toezeg
