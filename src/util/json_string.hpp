#pragma once
// JSON string literals (RFC 8259) read and written exactly as nlohmann::json reads and writes
// them: escapes resolved, UTF-8 checked as strictly as its lexer checks it (RFC 3629), and
// written back with its serializer's escapes (ensure_ascii off).
#include <string>
#include <string_view>

namespace toezeg::json_string {

// Decodes the string literal whose opening quote is at `pos`, appending its text to `out` and
// moving `pos` past the closing quote; false when it is not a valid literal (a raw control
// character, an unknown escape, a lone surrogate, bytes that are not UTF-8, no closing quote).
bool read_json_string(std::string_view in, std::size_t& pos, std::string& out);

// Appends `text` (valid UTF-8) as nlohmann's `dump()` writes a string: in quotes, a quote and a
// backslash escaped, \b \f \n \r \t for those, \u00xx (lower-case hex) for the other control
// characters; all else as is.
void append_json_string(std::string& out, std::string_view text);

}  // namespace toezeg::json_string
