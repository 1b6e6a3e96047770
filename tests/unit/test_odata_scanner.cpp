// The OData page scanner against nlohmann: every recorded page, generated records and mutated
// pages must give the same records, fields and stored bytes (dump(1) + "\n"), or the same error.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "fetch/odata_page.hpp"
#include "fetch/odata_scanner.hpp"
#include "helpers.hpp"
#include "util/json_string.hpp"

using namespace toezeg;
using nlohmann::json;

namespace {

std::string read_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The reader and its reference agree: the same error, or the same records with the content
// git would keep (the reference's dump(1) + "\n"). Returns whether the page was read at all.
bool agree(std::string_view bytes, const std::string& name = "Stemming.json") {
    auto fast = fetch::parse_odata_page(bytes, name);
    auto reference = fetch::parse_odata_page_with_nlohmann(bytes, name);
    REQUIRE(fast.has_value() == reference.has_value());
    if (!fast) {
        CHECK(fast.error().message == reference.error().message);
        return false;
    }
    CHECK(fast->entity == reference->entity);
    CHECK(fast->next_link == reference->next_link);
    REQUIRE(fast->records.size() == reference->records.size());
    for (std::size_t k = 0; k < fast->records.size(); ++k) {
        auto& a = fast->records[k];
        auto& b = reference->records[k];
        CHECK(a.id == b.id);
        CHECK(a.deleted == b.deleted);
        CHECK(a.fields == b.fields);
        CHECK(a.fields.dump() == b.fields.dump());
        CHECK(a.content == b.fields.dump(1) + "\n");
    }
    return true;
}

std::string page_of(const std::vector<std::string>& records) {
    std::string out = R"({"@odata.context": "https://x/OData/v5/$metadata#Stemming", "value": [)";
    for (std::size_t k = 0; k < records.size(); ++k) out += (k ? ", " : "") + records[k];
    return out + "]}";
}

// Random JSON text in the shapes that matter to the canonical form (raw bytes, not built by
// nlohmann: escapes, unicode, control characters, numbers of every shape, duplicate keys).
class RecordMaker {
public:
    explicit RecordMaker(unsigned seed) : m_random(seed) {}

    std::string record(int index) {
        std::string out = "{\"Id\": \"aaaaaaaa-0000-0000-0000-" + std::to_string(100000000000 + index) + "\"";
        int fields = pick(12);
        for (int k = 0; k < fields; ++k) out += ", " + key() + ": " + value(pick(3) == 0 ? 2 : 0);
        if (pick(4) == 0) out += ", \"Verwijderd\": " + std::string(pick(2) ? "true" : "false");
        return out + "}";
    }

private:
    std::mt19937 m_random;
    int pick(int n) { return static_cast<int>(m_random() % static_cast<unsigned>(n)); }

    std::string key() {
        static const std::vector<std::string> k_keys = {"\"Soort\"",
                                                        "\"GewijzigdOp\"",
                                                        "\"Besluit_Id\"",
                                                        "\"a\"",
                                                        "\"A\"",
                                                        "\"\"",
                                                        "\"Z\"",
                                                        "\"_x\"",
                                                        "\"\\u00e9t\"",
                                                        "\"\xc3\xa9t\"",
                                                        "\"\xf0\x9f\x98\x80\"",
                                                        "\"ab\"",
                                                        "\"a\\u0000b\"",
                                                        "\"Soort\"",
                                                        "\"\\ud83d\\ude00\"",
                                                        "\"aa\"",
                                                        "\"a\\\"b\"",
                                                        "\"\\t\"",
                                                        "\"\xe2\x82\xac\"",
                                                        "\"\x7f\""};
        return k_keys[static_cast<std::size_t>(pick(static_cast<int>(k_keys.size())))];
    }

    std::string value(int depth) {
        static const std::vector<std::string> k_scalars = {"null",
                                                           "true",
                                                           "false",
                                                           "0",
                                                           "-0",
                                                           "7",
                                                           "-12",
                                                           "18446744073709551615",
                                                           "18446744073709551616",
                                                           "-9223372036854775808",
                                                           "-9223372036854775809",
                                                           "1.5",
                                                           "-0.0",
                                                           "1e3",
                                                           "1E-2",
                                                           "2.50",
                                                           "1e308",
                                                           "123456789012345678901234567890",
                                                           "0.1",
                                                           "\"\"",
                                                           "\"plain text\"",
                                                           "\"\\\"quoted\\\" \\\\ \\/\"",
                                                           "\"\\b\\f\\n\\r\\t\"",
                                                           "\"\\u0001\\u001f\\u007f\\u0080\"",
                                                           "\"\\u00E9\\u20AC\"",
                                                           "\"caf\xc3\xa9 \xe2\x82\xac\"",
                                                           "\"\\ud83d\\ude00 \xf0\x9f\x98\x80\"",
                                                           "\"\x7f\"",
                                                           "\"\\u0000\"",
                                                           "\"2024-03-19T16:54:54.343+01:00\"",
                                                           "\"<script>&amp;</script>\""};
        int choice = depth > 0 ? pick(5) : 4;
        if (choice == 0) return pick(2) ? "{}" : "[]";
        if (choice == 1) {
            std::string out = "[";
            int n = 1 + pick(4);
            for (int k = 0; k < n; ++k) out += (k ? ", " : " ") + value(depth - 1);
            return out + "]";
        }
        if (choice == 2) {
            std::string out = "{";
            int n = 1 + pick(4);
            for (int k = 0; k < n; ++k) out += (k ? ",\n" : "") + key() + ":" + value(depth - 1);
            return out + "}";
        }
        return k_scalars[static_cast<std::size_t>(pick(static_cast<int>(k_scalars.size())))];
    }
};

std::vector<std::filesystem::path> odata_pages() {
    std::vector<std::filesystem::path> out;
    std::vector<std::filesystem::path> roots = {test::source_dir() / "tests/data",
                                                test::source_dir() / "../shared/formats"};
    for (auto& root : roots) {
        if (!std::filesystem::is_directory(root)) continue;
        for (auto& e : std::filesystem::recursive_directory_iterator(root))
            if (e.is_regular_file() && e.path().extension() == ".json" &&
                read_bytes(e.path()).find("\"@odata.context\"") != std::string::npos)
                out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("json strings: read and written as nlohmann reads and writes them", "[odata_scanner]") {
    auto read = [](std::string_view literal) -> std::optional<std::string> {
        std::size_t pos = 0;
        std::string out;
        if (!json_string::read_json_string(literal, pos, out) || pos != literal.size()) return std::nullopt;
        return out;
    };
    CHECK(read(R"("caf\u00e9 \/ \ud83d\ude00")") == "caf\xc3\xa9 / \xf0\x9f\x98\x80");
    CHECK(read(R"("a\u0000b")") == std::string("a\0b", 3));
    CHECK_FALSE(read(R"("\ud83d")"));           // a high surrogate alone
    CHECK_FALSE(read(R"("\ude00")"));           // a low surrogate alone
    CHECK_FALSE(read("\"\xc0\x80\""));          // an overlong NUL
    CHECK_FALSE(read("\"\xed\xa0\x80\""));      // a surrogate written as UTF-8
    CHECK_FALSE(read("\"\xf4\x90\x80\x80\""));  // past U+10FFFF
    CHECK_FALSE(read("\"tab\there\""));         // a raw control character
    CHECK_FALSE(read(R"("\x")"));
    CHECK_FALSE(read(R"("open)"));
    std::string written;
    json_string::append_json_string(written, std::string("\x01\x1f\x7f\"\\/\b\f\n\r\t\xc3\xa9", 13));
    CHECK(written == R"("\u0001\u001f)"
                     "\x7f"
                     R"(\"\\/\b\f\n\r\t)"
                     "\xc3\xa9\"");
    CHECK(written == json(std::string("\x01\x1f\x7f\"\\/\b\f\n\r\t\xc3\xa9", 13)).dump());
}

TEST_CASE("canonical json: nlohmann's dump(1), or nothing where only nlohmann can write it", "[odata_scanner]") {
    for (std::string text : {R"({"b": 1, "a": [1, {"d": {}, "c": []}], "a": "last"})", R"([])", R"({})", "-0",
                             R"({"x": [[[]]], "": null, "é": true, "e": false, "~": -9223372036854775808})",
                             R"(  "\u0041\n"  )", R"({"a":1,"a":2,"a":{"b":3}})"}) {
        INFO(text);
        auto mine = fetch::canonical_json(text);
        REQUIRE(mine);
        CHECK(*mine == json::parse(text).dump(1) + "\n");
    }
    CHECK(*fetch::canonical_json("-0") == "0\n");
    CHECK_FALSE(fetch::canonical_json("1.5"));
    CHECK_FALSE(fetch::canonical_json("18446744073709551616"));
    CHECK_FALSE(fetch::canonical_json("[1,]"));
    CHECK_FALSE(fetch::canonical_json("01"));
    CHECK_FALSE(fetch::canonical_json("{\"a\" 1}"));
    CHECK_FALSE(fetch::canonical_json("[true false]"));
    CHECK_FALSE(fetch::canonical_json("nul"));
    CHECK_FALSE(fetch::canonical_json("\xef\xbb\xbf{}"));  // a byte order mark: left to nlohmann
    std::string deep(fetch::k_scanner_max_depth + 1, '[');
    deep += std::string(fetch::k_scanner_max_depth + 1, ']');
    CHECK_FALSE(fetch::canonical_json(deep));
}

TEST_CASE("odata scanner: a page's records, fields without a tree for flat records", "[odata_scanner]") {
    // The scanned records' `bytes` point into the page: it must outlive them.
    const std::string text =
        page_of({R"({"Id": "x-1", "B": 2, "A": "\u00e9", "B": -3})", R"({"Id": "x-2", "Nested": {"b": 1, "a": 2}})",
                 R"({"Id": "x-3", "F": 1.25})"});
    auto page = fetch::scan_odata_page(text);
    REQUIRE(page);
    CHECK(page->context == "https://x/OData/v5/$metadata#Stemming");
    CHECK_FALSE(page->next_link);
    REQUIRE(page->records.size() == 3);
    CHECK(page->records[0].fields == json{{"Id", "x-1"}, {"A", "\xc3\xa9"}, {"B", -3}});
    CHECK(page->records[0].canonical == "{\n \"A\": \"\xc3\xa9\",\n \"B\": -3,\n \"Id\": \"x-1\"\n}\n");
    CHECK(page->records[1].fields.is_null());  // nested: the caller parses its bytes
    CHECK(page->records[1].canonical == "{\n \"Id\": \"x-2\",\n \"Nested\": {\n  \"a\": 2,\n  \"b\": 1\n }\n}\n");
    CHECK(page->records[2].canonical.empty());  // a fraction: nlohmann writes it
    CHECK(page->records[2].bytes == R"({"Id": "x-3", "F": 1.25})");
    // Pages it leaves to nlohmann: a non-integer beside the records, two `value`s, a nextLink
    // that is not a string, trailing bytes.
    CHECK_FALSE(fetch::scan_odata_page(R"({"@odata.count": 1.5, "value": []})"));
    CHECK_FALSE(fetch::scan_odata_page(R"({"value": [], "value": []})"));
    CHECK_FALSE(fetch::scan_odata_page(R"({"value": [], "@odata.nextLink": 3})"));
    CHECK_FALSE(fetch::scan_odata_page(R"({"value": []} x)"));
    std::string deep = R"({"Id": "x-4", "Deep": )" + std::string(fetch::k_scanner_max_depth, '[') + "1" +
                       std::string(fetch::k_scanner_max_depth, ']') + "}";
    CHECK_FALSE(fetch::scan_odata_page(page_of({deep})));
    CHECK(agree(page_of({deep})));  // read by nlohmann, the same record
    CHECK(fetch::scan_odata_page(R"({"@odata.nextLink": 3, "value": [], "@odata.nextLink": "n"})")->next_link == "n");
}

TEST_CASE("odata scanner agrees with nlohmann on every recorded OData page", "[odata_scanner]") {
    auto pages = odata_pages();
    // The 21 pages in tests/data (and, where the checkout has them beside it, ../shared/formats').
    auto in_tests = std::count_if(pages.begin(), pages.end(), [](auto& p) {
        return p.string().starts_with((test::source_dir() / "tests/data").string());
    });
    REQUIRE(in_tests >= 21);
    std::size_t read = 0, scanned = 0, records = 0;
    for (auto& p : pages) {
        INFO(p.string());
        std::string bytes = read_bytes(p);
        bool good = agree(bytes, p.filename().string());
        auto s = fetch::scan_odata_page(bytes);
        CHECK((s || !good));  // every good page is read by the scanner itself, none left to nlohmann
        read += good;
        scanned += s.has_value();
        if (s) records += s->records.size();
    }
    CHECK(read >= 19);           // tests/data's 19 good ones; the bad pages fail in both (cut off, an Id that is no GUID)
    CHECK(scanned == read + 1);  // the page with the bad Id is JSON: scanned, then refused
    CHECK(records > 3000);
}

TEST_CASE("odata scanner agrees with nlohmann on generated records", "[odata_scanner]") {
    RecordMaker maker(12);
    for (int page = 0; page < 40; ++page) {
        std::vector<std::string> records;
        for (int k = 0; k < 10; ++k) records.push_back(maker.record(page * 10 + k));
        std::string bytes = page_of(records);
        INFO(bytes);
        CHECK(agree(bytes));
    }
    // A number past double's range: nlohmann refuses the page, and so the reader does.
    CHECK_FALSE(agree(page_of({R"({"Id": "x-1", "F": -1e999})"})));
}

TEST_CASE("odata scanner agrees with nlohmann on mutated pages", "[odata_scanner]") {
    std::mt19937 random(7);
    RecordMaker maker(99);
    std::string base = page_of({maker.record(1), maker.record(2), maker.record(3)});
    static const std::vector<std::string> k_inserts = {"\"", "\\",  ",",       "}",    "]",           "{",    "[",
                                                       ":",  "\\u", "\\ud800", "\x80", "\xc3",        "\x01", " ",
                                                       "0",  "-",   ".",       "e",    "\xef\xbb\xbf"};
    int read = 0;
    for (int round = 0; round < 600; ++round) {
        std::string bytes = base;
        int edits = 1 + static_cast<int>(random() % 3);
        for (int e = 0; e < edits; ++e) {
            std::size_t at = random() % (bytes.size() + 1);
            switch (random() % 3) {
                case 0:
                    bytes.insert(at, k_inserts[random() % k_inserts.size()]);
                    break;
                case 1:
                    bytes.erase(at, 1 + random() % 4);
                    break;
                default:
                    if (at < bytes.size()) bytes[at] = static_cast<char>(random() % 256);
            }
        }
        INFO(bytes);
        if (agree(bytes)) ++read;
    }
    CHECK(read > 30);  // some mutations leave a page both read alike
}
