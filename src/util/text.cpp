#include "util/text.hpp"

#include <cstdint>
#include <cstdio>

#include "util/utf8.hpp"

namespace toezeg::text {

namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
}  // namespace

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    return trim_right(s);
}

std::string_view trim_right(std::string_view s) {
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split_lines(std::string_view s) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= s.size()) {
        auto nl = s.find('\n', start);
        if (nl == std::string_view::npos) {
            if (start < s.size()) lines.push_back(s.substr(start));
            break;
        }
        lines.push_back(s.substr(start, nl - start));
        start = nl + 1;
    }
    return lines;
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool pending = false;
    for (char c : trim(s)) {
        if (is_space(c)) { pending = true; continue; }
        if (pending && !out.empty()) out.push_back(' ');
        pending = false;
        out.push_back(c);
    }
    return out;
}

bool iequals_ascii(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x += 32;
        if (y >= 'A' && y <= 'Z') y += 32;
        if (x != y) return false;
    }
    return true;
}

bool ends_with_any(std::string_view s, std::initializer_list<std::string_view> endings) {
    for (auto e : endings)
        if (s.ends_with(e)) return true;
    return false;
}

std::string slug(std::string_view s, std::size_t max_len) {
    std::string ascii = utf8::to_lower(utf8::strip_marks(s));
    std::string out, word;
    auto flush = [&] {
        if (word.empty()) return true;
        std::size_t needed = out.size() + (out.empty() ? 0 : 1) + word.size();
        if (needed > max_len) {
            if (out.empty()) out = word.substr(0, max_len);
            return false;
        }
        if (!out.empty()) out += '-';
        out += word;
        word.clear();
        return true;
    };
    for (char c : ascii) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            word += c;
        } else if (!flush()) {
            return out;
        }
    }
    flush();
    return out;
}

std::string legacy_slug(std::string_view s, std::size_t max_len) {
    std::string out;
    std::string lower = utf8::to_lower(s);
    bool dash = false;
    for (std::size_t i = 0; i < lower.size();) {
        char32_t cp = utf8::next(lower, i);
        // Fold the common Dutch diacritics to ASCII so ids stay portable.
        switch (cp) {
            case U'á': case U'à': case U'ä': case U'â': cp = 'a'; break;
            case U'é': case U'è': case U'ë': case U'ê': cp = 'e'; break;
            case U'í': case U'ì': case U'ï': case U'î': cp = 'i'; break;
            case U'ó': case U'ò': case U'ö': case U'ô': cp = 'o'; break;
            case U'ú': case U'ù': case U'ü': case U'û': cp = 'u'; break;
            case U'ç': cp = 'c'; break;
            default: break;
        }
        bool keep = (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9');
        if (keep) {
            if (dash && !out.empty()) out.push_back('-');
            dash = false;
            out.push_back(static_cast<char>(cp));
            if (out.size() >= max_len) break;
        } else {
            dash = true;
        }
    }
    return out;
}

std::string shorten(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return std::string(s);
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    auto space = s.rfind(' ', cut);
    if (space != std::string_view::npos && space > max_bytes / 2) cut = space;
    return std::string(trim_right(s.substr(0, cut))) + "…";
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += sep;
        out += parts[i];
    }
    return out;
}

std::uint64_t fnv1a(std::string_view s, std::uint64_t seed) {
    std::uint64_t h = seed;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::string hex(std::uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

}  // namespace toezeg::text
