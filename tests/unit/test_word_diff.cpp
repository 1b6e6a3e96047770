// util/word_diff: the word diff of two versions, shortest when small, bounded when not.
#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "util/word_diff.hpp"

using namespace toezeg;
using Op = DiffPiece::Op;

namespace {

std::pair<std::string, std::string> sides(const std::vector<DiffPiece>& pieces) {
    std::string before, after;
    for (auto& p : pieces) {
        REQUIRE_FALSE(p.text.empty());
        if (p.op != Op::added) before += p.text;
        if (p.op != Op::removed) after += p.text;
    }
    return {before, after};
}

std::size_t changed_bytes(const std::vector<DiffPiece>& pieces) {
    std::size_t n = 0;
    for (auto& p : pieces) n += p.op == Op::same ? 0 : p.text.size();
    return n;
}

// `lines` lines of `words` random words from a small vocabulary (many repeats: the hard case).
std::string random_text(std::mt19937& rng, int lines, int words) {
    static const char* vocabulary[] = {"de",      "het", "een",        "motie", "Kamer",
                                       "kabinet", "zal", "informeren", "en",    "van"};
    std::string s;
    for (int l = 0; l < lines; ++l) {
        for (int w = 0; w < words; ++w) s += std::string(vocabulary[rng() % 10]) + (w + 1 < words ? " " : "\n");
    }
    return s;
}

}  // namespace

TEST_CASE("word_diff gives the changed words and keeps both texts", "[word_diff]") {
    auto pieces =
        word_diff("De minister zal de Kamer informeren.\n", "De minister zal de Tweede Kamer snel informeren.\n");
    auto [before, after] = sides(pieces);
    CHECK(before == "De minister zal de Kamer informeren.\n");
    CHECK(after == "De minister zal de Tweede Kamer snel informeren.\n");
    // Two insertions (where the space between goes is a free choice), nothing removed.
    REQUIRE(pieces.size() == 5);
    CHECK(pieces[1].op == Op::added);
    CHECK(pieces[1].text.find("Tweede") != std::string::npos);
    CHECK(pieces[3].op == Op::added);
    CHECK(pieces[3].text.find("snel") != std::string::npos);
    CHECK(changed_bytes(pieces) == std::string("Tweede ").size() + std::string("snel ").size());
    CHECK(word_diff("zelfde tekst", "zelfde tekst").size() == 1);
    CHECK(word_diff("", "").empty());
    CHECK(sides(word_diff("", "nieuw")).second == "nieuw");
}

TEST_CASE("word_diff marks only the words inserted on many lines", "[word_diff]") {
    std::mt19937 rng(15);
    std::string before = random_text(rng, 1000, 12), after;
    for (std::size_t start = 0, line = 0; start < before.size(); ++line) {
        auto end = before.find('\n', start) + 1;
        after += (line % 2 == 0 ? "gewijzigd " : "") + before.substr(start, end - start);
        start = end;
    }
    auto pieces = word_diff(before, after);
    auto [b, a] = sides(pieces);
    CHECK(b == before);
    CHECK(a == after);
    CHECK(changed_bytes(pieces) == 500 * std::string("gewijzigd ").size());
}

TEST_CASE("word_diff compares the words of each changed block of lines", "[word_diff]") {
    // 1,200 lines of 12 repetitive words; every fourth line replaced by 12 new words: some 14,000
    // word edits, more than one word search may try; the lines are matched first and only the
    // words of each replaced line are compared.
    std::mt19937 rng(15);
    std::string before = random_text(rng, 1200, 12), after;
    std::size_t replaced = 0;
    for (std::size_t start = 0, line = 0; start < before.size(); ++line) {
        auto end = before.find('\n', start) + 1;
        std::string l = before.substr(start, end - start);
        if (line % 4 == 0) {
            replaced += l.size();
            l = "";
            for (int w = 0; w < 12; ++w) l += "nieuw" + std::to_string(w) + (w < 11 ? " " : "\n");
            replaced += l.size();
        }
        after += l;
        start = end;
    }
    auto pieces = word_diff(before, after);
    auto [b, a] = sides(pieces);
    CHECK(b == before);
    CHECK(a == after);
    // Only the replaced lines are marked (a whole replacement would mark every byte).
    CHECK(changed_bytes(pieces) > 0);
    CHECK(changed_bytes(pieces) <= replaced);
}

TEST_CASE("word_diff of two unrelated texts ends and gives back both", "[word_diff]") {
    // Adversarial: one line each of 200,000 repetitive words, nothing in common in order.
    std::mt19937 rng(7);
    std::string before = random_text(rng, 1, 200'000), after = random_text(rng, 1, 200'000);
    auto pieces = word_diff(before, after);
    auto [b, a] = sides(pieces);
    CHECK(b == before);
    CHECK(a == after);
    // And many lines, none in common: past the line search's budget, the word search's budget
    // ends the diff with one replacement.
    before = random_text(rng, 20'000, 10);
    after = random_text(rng, 20'000, 10);
    auto [b2, a2] = sides(word_diff(before, after));
    CHECK(b2 == before);
    CHECK(a2 == after);
}
