#pragma once
// Raw bytes -> clean UTF-8 text: encoding fallback, NFC, line endings, control characters.
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace toezeg::ingest {

struct DecodedText {
    std::string text;
    std::vector<std::string> warnings;
};

// Fails for empty files, binary data and documents in a format this reader does not take.
Result<DecodedText> decode_text(std::string_view bytes, const std::string& source);

}  // namespace toezeg::ingest
