#pragma once
// UTF-8 decoding, validation, Windows-1252 fallback and Unicode normalisation.
#include <cstdint>
#include <string>
#include <string_view>

namespace toezeg::utf8 {

bool is_valid(std::string_view bytes);
// Decodes Windows-1252 (a superset of Latin-1 for printable text) into UTF-8.
std::string from_windows_1252(std::string_view bytes);
// Unicode NFC; the input must be valid UTF-8.
std::string nfc(std::string_view text);
// Unicode NFD (canonical decomposition); the input must be valid UTF-8.
std::string nfd(std::string_view text);
// Decodes the code point at `pos` and advances `pos`; returns U+FFFD on bad bytes.
char32_t next(std::string_view text, std::size_t& pos);
// Code point ending just before `pos` (without moving), 0 at the start.
char32_t previous(std::string_view text, std::size_t pos);
void append(std::string& out, char32_t cp);

bool is_letter(char32_t cp);
bool is_upper(char32_t cp);
bool is_lower(char32_t cp);
bool is_digit(char32_t cp);
char32_t to_lower(char32_t cp);
std::string to_lower(std::string_view text);

// Latin letters without their marks (utf8proc: compatibility decomposition, marks
// stripped; "Şahin" -> "Sahin", "ﬁ" -> "fi"), plus ß -> ss, æ -> ae, ø -> o, ł -> l, đ -> d,
// ı -> i, þ -> th. Other characters are kept; the input must be valid UTF-8.
std::string strip_marks(std::string_view text);

// Lower-case letters and digits only, NFC: the matching key of the gold format.
std::string reduce_for_match(std::string_view text);

}  // namespace toezeg::utf8
