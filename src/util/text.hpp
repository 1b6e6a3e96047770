#pragma once
// Small string helpers shared by all modules.
#include <string>
#include <string_view>
#include <vector>

namespace toezeg::text {

std::string_view trim(std::string_view s);
std::string_view trim_right(std::string_view s);
std::vector<std::string_view> split_lines(std::string_view s);
std::string collapse_spaces(std::string_view s);  // runs of whitespace -> one space, trimmed
bool iequals_ascii(std::string_view a, std::string_view b);
bool ends_with_any(std::string_view s, std::initializer_list<std::string_view> endings);
// "JBZ-Raad 5 maart" -> "jbz-raad-5-maart": ASCII letters and digits (marks stripped,
// "Şahin" -> "sahin") joined by '-', cut at a word boundary within `max_len` (a single
// longer word is cut).
std::string slug(std::string_view s, std::size_t max_len);
// The slug of ids made before 2026-12: Dutch diacritics folded, other letters dropped, cut
// at exactly `max_len` characters even mid-word; kept so that stored ids can be found again.
std::string legacy_slug(std::string_view s, std::size_t max_len);
// Cuts at a word boundary so that at most `max_bytes` remain, adding "…" when cut.
std::string shorten(std::string_view s, std::size_t max_bytes);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
// FNV-1a; pass an earlier result as `seed` to continue hashing from it.
std::uint64_t fnv1a(std::string_view s, std::uint64_t seed = 1469598103934665603ull);
std::string hex(std::uint64_t v);

}  // namespace toezeg::text
