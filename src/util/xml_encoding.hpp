#pragma once
// Whether pugixml turns an XML file's bytes into valid UTF-8: it converts UTF-16/32 (by BOM)
// and a declared ISO-8859-1, but passes any other bytes through as they are, so a file that
// claims UTF-8 (or nothing) must be valid UTF-8 or its text would poison the JSON written later.
#include <string>
#include <string_view>

#include "util/utf8.hpp"

namespace toezeg::xml {

// Whether the bytes open with a declaration of ISO-8859-1 that pugixml itself reads as one
// (its parse_declaration_encoding, pugixml 1.13): "<?xml" and a space, no '?' before the first
// "en", which must open `encoding`, optional spaces around '=', a quoted name. A declaration
// that pugixml does not read ("<?xml25. ... encoding='iso-8859-1'?>") leaves the bytes as they
// are, so it must not count as Latin-1 here either (found by the feed fuzzer).
inline bool declares_latin1(std::string_view b) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    auto symbol = [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u >= 0x80 || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '_' ||
               c == ':' || c == '-' || c == '.';
    };
    if (b.size() < 6 || !b.starts_with("<?xml") || !space(b[5])) return false;
    for (std::size_t i = 6; i + 1 < b.size(); ++i) {
        if (b[i] == '?') return false;
        if (b[i] != 'e' || b[i + 1] != 'n') continue;
        std::size_t at = i;
        if (b.substr(at, 8) != "encoding") return false;
        at += 8;
        while (at < b.size() && space(b[at])) ++at;
        if (at >= b.size() || b[at] != '=') return false;
        ++at;
        while (at < b.size() && space(b[at])) ++at;
        char quote = at < b.size() && b[at] == '"' ? '"' : '\'';
        if (at >= b.size() || b[at] != quote) return false;
        std::size_t start = ++at;
        while (at < b.size() && symbol(b[at])) ++at;
        if (at >= b.size() || b[at] != quote) return false;
        std::string name = utf8::to_lower(b.substr(start, at - start));
        return name == "iso-8859-1" || name == "latin1";
    }
    return false;
}

inline bool readable_encoding(std::string_view bytes) {
    using namespace std::string_view_literals;
    if (bytes.starts_with("\xFE\xFF"sv) || bytes.starts_with("\xFF\xFE"sv) || bytes.starts_with("\0\0\xFE\xFF"sv))
        return true;
    return declares_latin1(bytes) || utf8::is_valid(bytes);
}

}  // namespace toezeg::xml
