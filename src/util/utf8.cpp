#include "util/utf8.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace toezeg::utf8 {

bool is_valid(std::string_view bytes) {
    std::size_t i = 0;
    while (i < bytes.size()) {
        auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x80) { ++i; continue; }
        utf8proc_int32_t cp = 0;
        auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(bytes.data() + i),
                                  static_cast<utf8proc_ssize_t>(bytes.size() - i), &cp);
        if (n <= 0) return false;
        i += static_cast<std::size_t>(n);
    }
    return true;
}

std::string from_windows_1252(std::string_view bytes) {
    static constexpr char32_t k_high[32] = {
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (char ch : bytes) {
        auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) out.push_back(ch);
        else if (c < 0xA0) append(out, k_high[c - 0x80]);
        else append(out, c);
    }
    return out;
}

namespace {
// True when NFC may change the text: a combining mark, a conjoining Hangul jamo, or one of
// the few canonical singletons. Text in precomposed Latin (nearly every letter) skips NFC.
bool may_need_composition(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) { ++i; continue; }
        char32_t cp = next(text, i);
        if (utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->combining_class != 0) return true;
        if ((cp >= 0x0340 && cp <= 0x0344) || cp == 0x0374 || cp == 0x037E || cp == 0x0387 ||
            (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x1F00 && cp <= 0x1FFF) || cp == 0x2000 || cp == 0x2001 ||
            cp == 0x2126 || cp == 0x212A || cp == 0x212B || cp == 0x2329 || cp == 0x232A ||
            (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F))
            return true;
    }
    return false;
}
}  // namespace

namespace {
// `text` through utf8proc_map with `options`; the text itself when utf8proc refuses it.
std::string mapped(std::string_view text, int options) {
    utf8proc_uint8_t* result = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                          static_cast<utf8proc_ssize_t>(text.size()), &result,
                          static_cast<utf8proc_option_t>(UTF8PROC_STABLE | options));
    if (n < 0) return std::string(text);
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(result, &std::free);
    return std::string(reinterpret_cast<const char*>(result), static_cast<std::size_t>(n));
}
}  // namespace

std::string nfc(std::string_view text) {
    if (!may_need_composition(text)) return std::string(text);
    return mapped(text, UTF8PROC_COMPOSE);
}

std::string nfd(std::string_view text) { return mapped(text, UTF8PROC_DECOMPOSE); }

std::string strip_marks(std::string_view text) {
    const std::string mapped_text = mapped(text, UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK);
    std::string_view stripped(mapped_text);
    std::string out;
    out.reserve(stripped.size());
    for (std::size_t i = 0; i < stripped.size();) {
        char32_t cp = next(stripped, i);
        switch (cp) {
            case U'ß': out += "ss"; break;
            case U'æ': out += "ae"; break;
            case U'Æ': out += "AE"; break;
            case U'ø': out += 'o'; break;
            case U'Ø': out += 'O'; break;
            case U'ł': out += 'l'; break;
            case U'Ł': out += 'L'; break;
            case U'đ': out += 'd'; break;
            case U'Đ': out += 'D'; break;
            case U'ı': out += 'i'; break;
            case U'þ': out += "th"; break;
            case U'Þ': out += "Th"; break;
            default: append(out, cp);
        }
    }
    return out;
}

char32_t next(std::string_view text, std::size_t& pos) {
    auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) { ++pos; return c; }
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                              static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    if (n <= 0) { ++pos; return 0xFFFD; }
    pos += static_cast<std::size_t>(n);
    return static_cast<char32_t>(cp);
}

char32_t previous(std::string_view text, std::size_t pos) {
    if (pos == 0) return 0;
    std::size_t start = pos - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    return next(text, start);
}

void append(std::string& out, char32_t cp) {
    utf8proc_uint8_t buf[4];
    auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

bool is_letter(char32_t cp) {
    if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}
bool is_upper(char32_t cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_LU;
}
bool is_lower(char32_t cp) {
    if (cp < 0x80) return cp >= 'a' && cp <= 'z';
    return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_LL;
}
bool is_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }

char32_t to_lower(char32_t cp) {
    if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
}

std::string to_lower(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) append(out, to_lower(next(text, i)));
    return out;
}

std::string reduce_for_match(std::string_view text) {
    std::string composed = nfc(text);
    std::string out;
    out.reserve(composed.size());
    for (std::size_t i = 0; i < composed.size();) {
        char32_t cp = next(composed, i);
        if (is_letter(cp) || is_digit(cp) ||
            utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_ND)
            append(out, to_lower(cp));
    }
    return out;
}

}  // namespace toezeg::utf8
