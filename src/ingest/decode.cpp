#include "ingest/decode.hpp"

#include "util/text.hpp"
#include "util/utf8.hpp"

namespace toezeg::ingest {

namespace {

bool looks_binary(std::string_view bytes) {
    std::size_t sample = std::min<std::size_t>(bytes.size(), 64 * 1024);
    std::size_t control = 0;
    for (std::size_t i = 0; i < sample; ++i) {
        auto c = static_cast<unsigned char>(bytes[i]);
        if (c == 0) return true;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
    }
    return control * 20 > sample;  // more than 5% control bytes
}

std::string describe_start(std::string_view bytes) {
    std::string out;
    for (char c : bytes.substr(0, 8)) {
        auto u = static_cast<unsigned char>(c);
        out.push_back(u >= 0x20 && u < 0x7f ? c : '.');
    }
    return out;
}

// Line endings to \n, tabs to spaces, other control characters and invisible marks removed.
std::string clean_characters(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size();) {
        auto byte = static_cast<unsigned char>(in[i]);
        if (byte >= 0x20 && byte < 0x7F) {  // printable ASCII: the bulk of every letter
            out.push_back(in[i++]);
            continue;
        }
        std::size_t start = i;
        char32_t cp = utf8::next(in, i);
        switch (cp) {
            case '\r':
                out.push_back('\n');
                if (i < in.size() && in[i] == '\n') ++i;
                break;
            case '\t': out.push_back(' '); break;
            case '\n': case '\f': out.push_back(static_cast<char>(cp)); break;
            case 0x00A0: case 0x2007: case 0x202F: out.push_back(' '); break;  // no-break spaces
            case 0x200B: case 0x200C: case 0x200D: case 0xFEFF: break;          // zero-width marks
            case 0xFB01: out += "fi"; break;
            case 0xFB02: out += "fl"; break;
            case 0x2028: case 0x2029: out.push_back('\n'); break;
            default:
                if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) break;  // C0/C1 controls
                out.append(in.substr(start, i - start));
        }
    }
    return out;
}

}  // namespace

Result<DecodedText> decode_text(std::string_view bytes, const std::string& source) {
    if (text::trim(bytes).empty()) return fail(source, "empty file (no text to ingest)");
    if (looks_binary(bytes))
        return fail(source, "binary file, not text (starts with '" + describe_start(bytes) + "')");
    DecodedText out;
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    std::string utf;
    if (utf8::is_valid(bytes)) {
        utf.assign(bytes);
    } else {
        utf = utf8::from_windows_1252(bytes);
        out.warnings.push_back("not valid UTF-8; read as Windows-1252");
    }
    out.text = utf8::nfc(clean_characters(utf));
    if (text::trim(out.text).empty()) return fail(source, "empty file (only control characters)");
    return out;
}

}  // namespace toezeg::ingest
