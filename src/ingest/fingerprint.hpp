#pragma once
// Sentence fingerprints for finding near-duplicate letters (the same letter reissued).
#include <cstdint>
#include <string_view>
#include <vector>

namespace toezeg::ingest {

// Hashes of the text's longer sentences, reduced to letters and digits, sampled
// (one in four by hash value) so two versions of a letter share most of them.
std::vector<std::int64_t> sentence_fingerprints(std::string_view body);

}  // namespace toezeg::ingest
