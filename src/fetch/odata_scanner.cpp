#include "fetch/odata_scanner.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>

#include "util/json_string.hpp"

namespace toezeg::fetch {

using json_string::append_json_string;
using json_string::read_json_string;
using nlohmann::json;

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The integer `number` wrote (its range checked there).
template <typename Integer>
Integer integer_of(std::string_view digits) {
    Integer v = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), v);
    return v;
}

// What a value is, as far as the record's fields need it.
enum class Kind : char { null, boolean, string, unsigned_integer, negative_integer, object, array, other_number };

class Scanner {
public:
    explicit Scanner(std::string_view in) : m_in(in) {}

    std::optional<ScannedPage> page();
    std::optional<std::string> single_value();

private:
    struct Member {
        std::size_t key, key_size, value, value_size;
        Kind kind;
        std::size_t text, text_size;  // a string value decoded, in m_decoded (a record's own members)
    };

    std::string_view m_in;
    std::size_t m_pos = 0;
    std::string m_scratch;          // decoded keys and canonical values of the objects being read
    std::vector<Member> m_members;  // the members of the objects open, innermost last
    bool m_needs_nlohmann = false;  // a number only nlohmann can write was read
    std::string m_text;             // the string value read last, decoded
    std::string m_decoded;          // the string values of the record's own members, decoded

    char peek() const { return m_pos < m_in.size() ? m_in[m_pos] : '\0'; }
    bool at_end() const { return m_pos >= m_in.size(); }
    void skip_space() {
        while (m_pos < m_in.size() && is_space(m_in[m_pos])) ++m_pos;
    }
    bool expect(char c) {
        skip_space();
        if (peek() != c || at_end()) return false;
        ++m_pos;
        return true;
    }
    std::string_view scratch(std::size_t at, std::size_t size) const {
        return std::string_view(m_scratch).substr(at, size);
    }

    bool read_string(std::string& out) { return read_json_string(m_in, m_pos, out); }
    bool value(int depth, Kind& kind);
    bool object(int depth, ScannedRecord* record = nullptr);
    bool array(int depth);
    bool number(Kind& kind);
    bool literal(std::string_view word);
    bool skip_value();
};

bool Scanner::literal(std::string_view word) {
    if (m_in.substr(m_pos, word.size()) != word) return false;
    m_pos += word.size();
    m_scratch.append(word);
    return true;
}

// A number as nlohmann reads it: an integer that fits 64 bits (unsigned when not negative) is
// written back as its digits ("-0" as "0"); any other number is left to nlohmann.
bool Scanner::number(Kind& kind) {
    std::size_t start = m_pos;
    bool negative = peek() == '-';
    if (negative) ++m_pos;
    auto digit = [&] { return !at_end() && m_in[m_pos] >= '0' && m_in[m_pos] <= '9'; };
    if (!digit()) return false;
    if (m_in[m_pos] == '0')
        ++m_pos;
    else
        while (digit()) ++m_pos;
    bool integer = true;
    if (peek() == '.' && !at_end()) {
        ++m_pos;
        if (!digit()) return false;
        while (digit()) ++m_pos;
        integer = false;
    }
    if (!at_end() && (peek() == 'e' || peek() == 'E')) {
        ++m_pos;
        if (!at_end() && (peek() == '+' || peek() == '-')) ++m_pos;
        if (!digit()) return false;
        while (digit()) ++m_pos;
        integer = false;
    }
    std::string_view text = m_in.substr(start, m_pos - start);
    if (integer) {
        const char* first = text.data();
        const char* last = text.data() + text.size();
        if (negative) {
            std::int64_t v = 0;
            auto [end, ec] = std::from_chars(first, last, v);
            if (ec == std::errc() && end == last) {
                kind = Kind::negative_integer;
                m_scratch += std::to_string(v);
                return true;
            }
        } else {
            std::uint64_t v = 0;
            auto [end, ec] = std::from_chars(first, last, v);
            if (ec == std::errc() && end == last) {
                kind = Kind::unsigned_integer;
                m_scratch.append(text);
                return true;
            }
        }
    }
    kind = Kind::other_number;
    m_needs_nlohmann = true;
    m_scratch.append(text);  // a placeholder: the record's canonical form comes from nlohmann
    return true;
}

// Appends the canonical form of the value at m_pos, written at `depth`, to m_scratch.
bool Scanner::value(int depth, Kind& kind) {
    skip_space();
    if (at_end()) return false;
    switch (m_in[m_pos]) {
        case '{':
            kind = Kind::object;
            return object(depth);
        case '[':
            kind = Kind::array;
            return array(depth);
        case '"': {
            kind = Kind::string;
            m_text.clear();
            if (!read_string(m_text)) return false;
            append_json_string(m_scratch, m_text);
            return true;
        }
        case 't':
            kind = Kind::boolean;
            return literal("true");
        case 'f':
            kind = Kind::boolean;
            return literal("false");
        case 'n':
            kind = Kind::null;
            return literal("null");
        default:
            return number(kind);
    }
}

bool Scanner::array(int depth) {
    if (depth >= k_scanner_max_depth) return false;
    ++m_pos;  // '['
    skip_space();
    if (peek() == ']' && !at_end()) {
        ++m_pos;
        m_scratch += "[]";
        return true;
    }
    m_scratch += "[\n";
    while (true) {
        m_scratch.append(static_cast<std::size_t>(depth) + 1, ' ');
        Kind kind;
        if (!value(depth + 1, kind)) return false;
        skip_space();
        if (at_end()) return false;
        char c = m_in[m_pos++];
        if (c == ',') {
            m_scratch += ",\n";
            continue;
        }
        if (c != ']') return false;
        m_scratch.push_back('\n');
        m_scratch.append(static_cast<std::size_t>(depth), ' ');
        m_scratch.push_back(']');
        return true;
    }
}

// An object's members are read into m_scratch (key, then canonical value), sorted by key
// (stable: of duplicate keys the last is kept, as nlohmann's parser keeps it), then written
// in place of what was read. With `record` (a record of the page, at depth 0) they are written
// into its canonical form instead, and into its fields when they are all scalars.
bool Scanner::object(int depth, ScannedRecord* record) {
    if (depth >= k_scanner_max_depth) return false;
    std::size_t start = m_scratch.size();
    std::size_t first = m_members.size();
    ++m_pos;  // '{'
    skip_space();
    if (peek() == '}' && !at_end()) {
        ++m_pos;
        if (record) {
            record->canonical = "{}\n";
            record->fields = json::object();
        } else {
            m_scratch += "{}";
        }
        return true;
    }
    while (true) {
        skip_space();
        Member m{};
        m.key = m_scratch.size();
        if (!read_string(m_scratch)) return false;
        m.key_size = m_scratch.size() - m.key;
        if (!expect(':')) return false;
        m.value = m_scratch.size();
        if (!value(depth + 1, m.kind)) return false;
        m.value_size = m_scratch.size() - m.value;
        if (record && m.kind == Kind::string) {
            m.text = m_decoded.size();
            m_decoded += m_text;
            m.text_size = m_text.size();
        }
        m_members.push_back(m);
        skip_space();
        if (at_end()) return false;
        char c = m_in[m_pos++];
        if (c == ',') continue;
        if (c != '}') return false;
        break;
    }
    auto begin = m_members.begin() + static_cast<std::ptrdiff_t>(first);
    std::stable_sort(begin, m_members.end(), [this](const Member& a, const Member& b) {
        return scratch(a.key, a.key_size) < scratch(b.key, b.key_size);
    });
    auto kept = begin;  // all but the last of each run of equal keys dropped
    for (auto it = begin; it != m_members.end(); ++it) {
        auto next = it + 1;
        if (next != m_members.end() && scratch(next->key, next->key_size) == scratch(it->key, it->key_size)) continue;
        *kept++ = *it;
    }
    std::string written;
    written.reserve(m_scratch.size() - start + static_cast<std::size_t>(kept - begin) * (depth + 8) + depth + 4);
    written += "{\n";
    for (auto it = begin; it != kept; ++it) {
        written.append(static_cast<std::size_t>(depth) + 1, ' ');
        append_json_string(written, scratch(it->key, it->key_size));
        written += ": ";
        written.append(scratch(it->value, it->value_size));
        written += it + 1 == kept ? "\n" : ",\n";
    }
    written.append(static_cast<std::size_t>(depth), ' ');
    written.push_back('}');
    if (record) {
        bool flat = !m_needs_nlohmann && std::none_of(begin, kept, [](const Member& m) {
            return m.kind == Kind::object || m.kind == Kind::array || m.kind == Kind::other_number;
        });
        if (flat) {
            json::object_t fields;
            for (auto it = begin; it != kept; ++it) {
                std::string key(scratch(it->key, it->key_size));
                std::string_view text = scratch(it->value, it->value_size);
                json v;
                switch (it->kind) {
                    case Kind::string:
                        v = std::string(std::string_view(m_decoded).substr(it->text, it->text_size));
                        break;
                    case Kind::boolean:
                        v = text == "true";
                        break;
                    case Kind::unsigned_integer:
                        v = integer_of<std::uint64_t>(text);
                        break;
                    case Kind::negative_integer:
                        v = integer_of<std::int64_t>(text);
                        break;
                    default:
                        break;  // null
                }
                fields.emplace_hint(fields.end(), std::move(key), std::move(v));
            }
            record->fields = std::move(fields);
        }
        written.push_back('\n');
        if (!m_needs_nlohmann) record->canonical = std::move(written);
        m_scratch.resize(start);
    } else {
        m_scratch.resize(start);
        m_scratch += written;
    }
    m_members.resize(first);
    return true;
}

// Reads a value whose canonical form nobody needs (a member of the page beside `value`).
bool Scanner::skip_value() {
    std::size_t start = m_scratch.size();
    Kind kind;
    bool ok = value(0, kind);
    m_scratch.resize(start);
    return ok;
}

// The page: one object whose `value` holds the records; nothing but white space after it.
std::optional<ScannedPage> Scanner::page() {
    ScannedPage out;
    bool seen_value = false, next_is_string = true;
    if (!expect('{')) return std::nullopt;
    skip_space();
    if (peek() == '}') return std::nullopt;  // no `value`
    std::string key;
    while (true) {
        skip_space();
        key.clear();
        if (!read_string(key) || !expect(':')) return std::nullopt;
        skip_space();
        if (key == "value") {
            if (seen_value || peek() != '[') return std::nullopt;
            seen_value = true;
            ++m_pos;
            skip_space();
            if (peek() == ']' && !at_end()) {
                ++m_pos;
            } else {
                while (true) {
                    skip_space();
                    if (peek() != '{' || at_end()) return std::nullopt;
                    ScannedRecord r;
                    std::size_t begin = m_pos;
                    m_scratch.clear();
                    m_decoded.clear();
                    m_needs_nlohmann = false;
                    if (!object(0, &r)) return std::nullopt;
                    r.bytes = m_in.substr(begin, m_pos - begin);
                    out.records.push_back(std::move(r));
                    skip_space();
                    if (at_end()) return std::nullopt;
                    char c = m_in[m_pos++];
                    if (c == ']') break;
                    if (c != ',') return std::nullopt;
                }
            }
        } else if (key == "@odata.context" || key == "@odata.nextLink") {
            std::optional<std::string> text;
            if (peek() == '"') {
                text.emplace();
                if (!read_string(*text)) return std::nullopt;
            } else {
                m_needs_nlohmann = false;
                if (!skip_value() || m_needs_nlohmann) return std::nullopt;
            }
            if (key == "@odata.context") {
                out.context = std::move(text);
            } else {
                next_is_string = text.has_value();
                out.next_link = std::move(text);
            }
        } else {
            m_needs_nlohmann = false;
            if (!skip_value() || m_needs_nlohmann) return std::nullopt;  // a number nlohmann might refuse
        }
        skip_space();
        if (at_end()) return std::nullopt;
        char c = m_in[m_pos++];
        if (c == '}') break;
        if (c != ',') return std::nullopt;
    }
    skip_space();
    if (!at_end() || !seen_value || !next_is_string) return std::nullopt;
    return out;
}

std::optional<std::string> Scanner::single_value() {
    Kind kind;
    m_needs_nlohmann = false;
    if (!value(0, kind)) return std::nullopt;
    skip_space();
    if (!at_end() || m_needs_nlohmann) return std::nullopt;
    m_scratch.push_back('\n');
    return std::move(m_scratch);
}

}  // namespace

std::optional<std::string> canonical_json(std::string_view bytes) { return Scanner(bytes).single_value(); }

std::optional<ScannedPage> scan_odata_page(std::string_view bytes) { return Scanner(bytes).page(); }

}  // namespace toezeg::fetch
