#include "util/json_string.hpp"

#include <cstdint>

namespace toezeg::json_string {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// The length of the well-formed UTF-8 sequence (RFC 3629, as nlohmann's lexer accepts) that
// starts at `at` with a byte >= 0x80, or 0 when it is not one.
std::size_t utf8_sequence_length(std::string_view in, std::size_t at) {
    auto byte = [&](std::size_t k) { return k < in.size() ? static_cast<unsigned char>(in[k]) : 0u; };
    auto within = [](unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
    unsigned b0 = byte(at), b1 = byte(at + 1), b2 = byte(at + 2), b3 = byte(at + 3);
    if (within(b0, 0xC2, 0xDF)) return within(b1, 0x80, 0xBF) ? 2 : 0;
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
        return within(b1, lo, hi) && within(b2, 0x80, 0xBF) ? 3 : 0;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        unsigned lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
        return within(b1, lo, hi) && within(b2, 0x80, 0xBF) && within(b3, 0x80, 0xBF) ? 4 : 0;
    }
    return 0;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    static constexpr char k_hex[] = "0123456789abcdef";
    out.push_back('"');
    std::size_t plain = 0;  // start of the run not yet copied
    for (std::size_t k = 0; k < text.size(); ++k) {
        unsigned char c = static_cast<unsigned char>(text[k]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(text.substr(plain, k - plain));
        plain = k + 1;
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                out += "\\u00";
                out.push_back(k_hex[c >> 4]);
                out.push_back(k_hex[c & 0xF]);
        }
    }
    out.append(text.substr(plain));
    out.push_back('"');
}

bool read_json_string(std::string_view in, std::size_t& pos, std::string& out) {
    if (pos >= in.size() || in[pos] != '"') return false;
    ++pos;
    while (true) {
        std::size_t run = pos;
        while (pos < in.size()) {
            unsigned char c = static_cast<unsigned char>(in[pos]);
            if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
            ++pos;
        }
        out.append(in.substr(run, pos - run));
        if (pos >= in.size()) return false;
        unsigned char c = static_cast<unsigned char>(in[pos]);
        if (c == '"') {
            ++pos;
            return true;
        }
        if (c < 0x20) return false;  // a control character must be escaped
        if (c >= 0x80) {
            std::size_t length = utf8_sequence_length(in, pos);
            if (length == 0) return false;
            out.append(in.substr(pos, length));
            pos += length;
            continue;
        }
        // A backslash escape.
        if (pos + 1 >= in.size()) return false;
        char e = in[pos + 1];
        pos += 2;
        switch (e) {
            case '"':
                out.push_back('"');
                continue;
            case '\\':
                out.push_back('\\');
                continue;
            case '/':
                out.push_back('/');
                continue;
            case 'b':
                out.push_back('\b');
                continue;
            case 'f':
                out.push_back('\f');
                continue;
            case 'n':
                out.push_back('\n');
                continue;
            case 'r':
                out.push_back('\r');
                continue;
            case 't':
                out.push_back('\t');
                continue;
            case 'u':
                break;
            default:
                return false;
        }
        auto four_hex = [&](std::uint32_t& cp) {
            if (pos + 4 > in.size()) return false;
            cp = 0;
            for (int k = 0; k < 4; ++k) {
                int h = hex_value(in[pos + k]);
                if (h < 0) return false;
                cp = cp * 16 + static_cast<std::uint32_t>(h);
            }
            pos += 4;
            return true;
        };
        std::uint32_t cp = 0;
        if (!four_hex(cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate alone
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (pos + 2 > in.size() || in[pos] != '\\' || in[pos + 1] != 'u') return false;
            pos += 2;
            if (!four_hex(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, cp);
    }
}

}  // namespace toezeg::json_string
