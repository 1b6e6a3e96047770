// The word diff between two versions of a letter: the input is split at its first NUL byte into
// before and after; the pieces must give back both texts exactly.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "util/word_diff.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto cut = bytes.find('\0');
    std::string_view before = bytes.substr(0, cut);
    std::string_view after = cut == std::string_view::npos ? std::string_view{} : bytes.substr(cut + 1);
    std::string joined;
    for (auto token : toezeg::word_tokens(before)) {
        FUZZ_CHECK(!token.empty());
        joined += token;
    }
    FUZZ_CHECK(joined == before);
    std::string got_before, got_after;
    for (auto& piece : toezeg::word_diff(before, after)) {
        FUZZ_CHECK(!piece.text.empty());
        if (piece.op != toezeg::DiffPiece::Op::added) got_before += piece.text;
        if (piece.op != toezeg::DiffPiece::Op::removed) got_after += piece.text;
    }
    FUZZ_CHECK(got_before == before);
    FUZZ_CHECK(got_after == after);
    return 0;
}
