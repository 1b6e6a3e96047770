// report/error_reasons_nl: every message a ci run can report has a Dutch reason; the table's
// own examples; library texts; unknown messages kept and marked.
#include <re2/re2.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "db/sqlite.hpp"
#include "helpers.hpp"
#include "ingest/letter_check.hpp"
#include "pipeline/ci_run.hpp"
#include "report/ci_summary.hpp"
#include "report/error_reasons_nl.hpp"

using namespace toezeg;
namespace fs = std::filesystem;

namespace {

// Where the errors of `toezeg ci` are made (fetch, ingest of files, the store, tracking, the report).
const std::vector<std::string> k_ci_folders = {"src/ingest", "src/fetch", "src/pipeline", "src/corpus",
                                               "src/util",   "src/db",    "src/report"};

// Message expressions with no text of their own, each read at its site: they pass on a message
// made (and checked) elsewhere, or a library's text (checked below with the libraries' own).
const std::map<std::string, std::string> k_passed_on = {
    {"e.what()", "an exception's text: SQLite's, nlohmann::json's, std::filesystem's (library texts, below)"},
    {"why", "the parameter of a local `failed(why)`, whose calls are read"},
    {"bytes.error().message", "files::read's message, read in src/util"},
    {"result.error.message", "ingest_file's message, read in src/ingest, src/util, src/corpus, src/db"},
    {"answer.substr(1)", "the PDF reader's answer after 'E', read below (pdf_text answers)"},
    {"ingest::not_parliamentary_reason()", "called below"},
    {"last_error(what)", "begin_batch's undo(what), whose calls are read"},
    {"out.skipped.front()", "an EK page's reason to skip an entry (import only), also a literal of register_pages"},
    {"slot.tmpl->error_message()", "Mustache's text on a built-in template: a bug of the build, shown marked"},
    {"(*c)->tmpl->error_message()", "Mustache's text on a built-in template: a bug of the build, shown marked"},
};

std::size_t skip_literal(const std::string& s, std::size_t i) {
    char quote = s[i++];
    while (i < s.size() && s[i] != quote) i += s[i] == '\\' ? 2 : 1;
    return i + 1;
}

// Index of the bracket closing the one at `open`, and the top-level comma-separated parts between.
std::size_t close_of(const std::string& s, std::size_t open, std::vector<std::string>* parts = nullptr) {
    int depth = 0;
    std::size_t start = open + 1;
    for (std::size_t j = open; j < s.size();) {
        char c = s[j];
        if (c == '"' || c == '\'') {
            j = skip_literal(s, j);
            continue;
        }
        if (c == '(' || c == '[' || c == '{') ++depth;
        if (c == ')' || c == ']' || c == '}') {
            if (--depth == 0) {
                if (parts) parts->push_back(s.substr(start, j - start));
                return j;
            }
        }
        if (c == ',' && depth == 1 && parts) {
            parts->push_back(s.substr(start, j - start));
            start = j + 1;
        }
        ++j;
    }
    return std::string::npos;
}

// Splits at `sep` outside brackets and literals ("::" is never a ':' separator).
std::vector<std::string> split_top(const std::string& e, char sep) {
    std::vector<std::string> parts;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t j = 0; j < e.size();) {
        char c = e[j];
        if (c == '"' || c == '\'') {
            j = skip_literal(e, j);
            continue;
        }
        if (c == '(' || c == '[' || c == '{') ++depth;
        if (c == ')' || c == ']' || c == '}') --depth;
        bool scope = sep == ':' && ((j + 1 < e.size() && e[j + 1] == ':') || (j > 0 && e[j - 1] == ':'));
        if (depth == 0 && c == sep && !scope) {
            parts.push_back(e.substr(start, j - start));
            start = j + 1;
        }
        ++j;
    }
    parts.push_back(e.substr(start));
    return parts;
}

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\n");
    auto e = s.find_last_not_of(" \t\n");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::string squeeze(const std::string& s) {
    std::string out;
    for (char c : trim(s))
        if (!(std::isspace(static_cast<unsigned char>(c)) && !out.empty() && out.back() == ' '))
            out.push_back(std::isspace(static_cast<unsigned char>(c)) ? ' ' : c);
    return out;
}

// Adjacent string literals as one text, or nullopt when the expression is not only literals.
std::optional<std::string> literal_text(const std::string& e) {
    std::string out;
    std::size_t j = 0;
    while (j < e.size()) {
        if (e[j] != '"') return std::nullopt;
        std::size_t end = skip_literal(e, j);
        for (std::size_t k = j + 1; k + 1 < end; ++k) {
            if (e[k] == '\\' && k + 2 < end) ++k;
            out.push_back(e[k]);
        }
        j = end;
        while (j < e.size() && std::isspace(static_cast<unsigned char>(e[j]))) ++j;
    }
    return out;
}

// A value filled in at run time stands in a text as k_value_begin, its expression, k_value_end.
constexpr char k_value_begin = '\x02', k_value_end = '\x03';

std::string value_of(const std::string& expression) { return k_value_begin + squeeze(expression) + k_value_end; }

bool wraps(const std::string& e, const std::string& head) {
    return e.starts_with(head) && e.back() == ')' && close_of(e, head.size() - 1) == e.size() - 1;
}

// Every text the expression can make, with each value filled in at run time marked (value_of).
std::vector<std::string> texts_of(const std::string& expression) {
    std::string e = trim(expression);
    if (auto text = literal_text(e)) return {*text};
    if (wraps(e, "std::string(")) return texts_of(e.substr(12, e.size() - 13));
    if (wraps(e, "(")) return texts_of(e.substr(1, e.size() - 2));
    if (auto branches = split_top(e, '?'); branches.size() == 2) {
        auto choice = split_top(branches[1], ':');
        if (choice.size() == 2) {
            auto out = texts_of(choice[0]);
            for (auto& t : texts_of(choice[1])) out.push_back(t);
            return out;
        }
    }
    for (std::string helper : {"last_error(", "git_error_text("})  // "what: libgit2's message"
        if (wraps(e, helper)) {
            auto out = texts_of(e.substr(helper.size(), e.size() - helper.size() - 1));
            for (auto& t : out) t += ": " + value_of("libgit2's message");
            return out;
        }
    auto operands = split_top(e, '+');
    if (operands.size() == 1) return {value_of(e)};
    std::vector<std::string> out{""};
    for (auto& operand : operands) {
        std::vector<std::string> next;
        for (auto& head : out)
            for (auto& tail : texts_of(operand)) next.push_back(head + tail);
        out = std::move(next);
    }
    return out;
}

struct MessageSite {
    std::string where, expression;
    std::vector<std::string> texts;
};

bool passes_on_an_error(const std::string& e) { return e.starts_with("Error{") || e.ends_with(".error()"); }

// The message of every `fail(..)`, `failed(..)`, `undo(..)` and `Error{..}` call in a file: its last argument.
void read_sites(const fs::path& file, std::vector<MessageSite>& sites) {
    std::string s = test::slurp(file);
    RE2 call(R"((fail|failed|undo)\(|(Error)\{)");
    re2::StringPiece rest(s);
    re2::StringPiece name, error_name;
    while (RE2::FindAndConsume(&rest, call, &name, &error_name)) {
        std::size_t open = static_cast<std::size_t>(rest.data() - s.data()) - 1;
        std::size_t begin = open - (name.empty() ? error_name.size() : name.size());
        char before = begin > 0 ? s[begin - 1] : ' ';
        if (std::isalnum(static_cast<unsigned char>(before)) || before == '_' || before == '.' || before == ':')
            continue;
        std::string prefix = trim(s.substr(0, begin));
        std::size_t word = prefix.size();
        while (word > 0 && (std::isalnum(static_cast<unsigned char>(prefix[word - 1])) || prefix[word - 1] == '_'))
            --word;
        std::string previous = prefix.substr(word);
        if (!previous.empty() && previous != "return") continue;  // a declaration, e.g. `IngestResult failed(...)`
        std::vector<std::string> args;
        if (close_of(s, open, &args) == std::string::npos || args.empty()) continue;
        std::string message = squeeze(args.back());
        if (passes_on_an_error(message)) continue;
        auto texts = texts_of(message);
        if (name == "undo")
            for (auto& t : texts) t += ": " + value_of("libgit2's message");
        auto line = std::count(s.begin(), s.begin() + static_cast<long>(begin), '\n') + 1;
        sites.push_back({file.filename().string() + ":" + std::to_string(line), message, texts});
    }
}

// The expressions after each `after` up to the next ';' (e.g. `report.stopped = ...;`) as sites; with a
// `prefix`, only those that start with a literal starting with it, which is then dropped from their texts.
void read_expressions(const fs::path& file, const std::string& after, std::vector<MessageSite>& sites,
                      const std::string& prefix = "") {
    std::string s = test::slurp(file);
    for (auto at = s.find(after); at != std::string::npos; at = s.find(after, at + 1)) {
        std::size_t from = at + after.size(), end = from;
        while (end < s.size() && s[end] != ';') end = s[end] == '"' ? skip_literal(s, end) : end + 1;
        std::string expression = squeeze(s.substr(from, end - from));
        if (!expression.starts_with("\"" + prefix)) continue;
        auto texts = texts_of(expression);
        for (auto& t : texts) t = t.substr(std::min(prefix.size(), t.size()));
        sites.push_back({file.filename().string(), expression, texts});
    }
}

// The text with each run-time value as `value`.
std::string sample(const std::string& text, const std::string& value) {
    std::string out;
    bool inside = false;
    for (char c : text) {
        if (c == k_value_begin) out += value;
        if (c == k_value_begin || c == k_value_end)
            inside = c == k_value_begin;
        else if (!inside)
            out.push_back(c);
    }
    return out;
}

// The expression of a text that is one run-time value and nothing else, or "".
std::string only_value(const std::string& text) {
    bool one = text.size() > 2 && text.front() == k_value_begin && text.back() == k_value_end &&
               text.find(k_value_begin, 1) == std::string::npos;
    return one ? text.substr(1, text.size() - 2) : "";
}

bool has_reason(const std::string& text) {
    return report::dutch_reason(sample(text, "1")) || report::dutch_reason(sample(text, ""));
}

}  // namespace

TEST_CASE("every message a ci run can report has a Dutch reason", "[error_reasons_nl]") {
    std::vector<MessageSite> sites;
    for (auto& folder : k_ci_folders)
        for (auto& entry : fs::recursive_directory_iterator(test::source_dir() / folder))
            if (entry.path().extension() == ".cpp") read_sites(entry.path(), sites);
    auto pdf = test::source_dir() / "src/ingest/pdf_text.cpp";
    read_expressions(pdf, "return ", sites, "E");  // the PDF reader's answers: 'E' and the message
    read_expressions(pdf, "answer = ", sites, "E");
    read_expressions(test::source_dir() / "src/pipeline/fetch_run.cpp", "report.stopped = ", sites);

    std::set<std::string> passed_on_seen;
    std::vector<std::string> untranslated;
    std::size_t texts = 0;
    for (auto& site : sites) {
        if (k_passed_on.contains(site.expression)) {
            passed_on_seen.insert(site.expression);
            continue;
        }
        for (auto& text : site.texts) {
            ++texts;
            if (auto value = only_value(text); !value.empty()) {
                if (k_passed_on.contains(value))
                    passed_on_seen.insert(value);
                else
                    untranslated.push_back(site.where + ": no text of its own, not read yet: " + value);
            } else if (!has_reason(text)) {
                untranslated.push_back(site.where + ": " + sample(text, "{}"));
            }
        }
    }
    std::string list;
    for (auto& u : untranslated) list += "\n  " + u;
    INFO("messages with no Dutch reason (add a rule to src/report/error_reasons_nl.cpp):" << list);
    CHECK(untranslated.empty());
    // The scan finds what it should: if it found fewer, a change of the sources' form went unseen.
    CHECK(sites.size() > 150);
    CHECK(texts > 150);
    for (auto& [expression, why] : k_passed_on) {
        INFO(expression << " (" << why << ") is no longer in the sources: drop it from k_passed_on");
        CHECK(passed_on_seen.contains(expression));
    }
    CHECK(report::dutch_reason(ingest::not_parliamentary_reason()));
}

TEST_CASE("the scan of the sources reads literals, ternaries and git's messages", "[error_reasons_nl]") {
    auto samples = [](const std::string& expression) {
        std::vector<std::string> out;
        for (auto& t : texts_of(expression)) out.push_back(sample(t, "{}"));
        return out;
    };
    CHECK(samples(R"("a " + x + " b")") == std::vector<std::string>{"a {} b"});
    CHECK(samples(R"(std::string(at_end ? "cut" : "not") + " at " + std::to_string(n))") ==
          std::vector<std::string>{"cut at {}", "not at {}"});
    CHECK(samples(R"("page" + (n == 1 ? "" : "s"))") == std::vector<std::string>{"page", "pages"});
    CHECK(samples(R"(last_error("tree insert"))") == std::vector<std::string>{"tree insert: {}"});
    CHECK(samples(R"("one " "two")") == std::vector<std::string>{"one two"});
    CHECK(only_value(texts_of("e.what()").front()) == "e.what()");
    CHECK(only_value(texts_of(R"(s.empty() ? "none" : s.front())").back()) == "s.front()");
}

TEST_CASE("each rule of the table translates its own example", "[error_reasons_nl]") {
    std::set<std::string> dutch_seen;
    for (auto& rule : report::error_reason_rules()) {
        INFO(rule.english);
        RE2 pattern(rule.english, RE2::Quiet);
        REQUIRE(pattern.ok());
        CHECK(RE2::FullMatch(rule.example, pattern));
        auto reason = report::dutch_reason(rule.example);
        REQUIRE(reason);
        CHECK(reason->find('{') == std::string::npos);  // every placeholder filled
        CHECK_FALSE(reason->empty());
        // the first rule that matches is this one: no earlier, wider rule hides it
        for (auto& other : report::error_reason_rules()) {
            if (&other == &rule) break;
            INFO("hidden by " << other.english);
            CHECK_FALSE(RE2::FullMatch(rule.example, RE2(other.english, RE2::Quiet)));
        }
    }
}

TEST_CASE("the reasons read as a clerk reads them", "[error_reasons_nl]") {
    CHECK(
        report::describe_in_dutch({"brief.md", ingest::not_parliamentary_reason()}) ==
        "brief.md: geen Kamerstuk of brief aan de Kamer: geen Kamerstukkop, niet gericht aan de Tweede of Eerste "
        "Kamer, geen briefhoofd van een ministerie of ondertekening door een bewindspersoon, geen officiële XML; lees "
        "het toch in met --force");
    CHECK(report::describe_in_dutch(
              {"l01.txt", "file too large (1196 bytes; the limit is 1000 bytes, see --max-size)"}) ==
          "l01.txt: bestand te groot (1196 bytes; de grens is 1000 bytes, zie --max-size)");
    CHECK(report::describe_in_dutch({"https://x/Feed",
                                     "cannot reach the service (Couldn't connect to server); offline? "
                                     "Try again later or point --base-url elsewhere"}) ==
          "https://x/Feed: de dienst is niet te bereiken (geen verbinding met de server); geen internet? Probeer het "
          "later opnieuw of geef met --base-url een ander adres");
    CHECK(report::dutch_reason("HTTP 404 after 4 tries") == "de dienst antwoordde met HTTP-status 404 na 4 pogingen");
    CHECK(report::describe_in_dutch({"tracking",
                                     "could not recompute the tracked items: tracking: sqlite: step: "
                                     "database is locked"}) ==
          "volgen: de gevolgde toezeggingen en moties konden niet opnieuw worden bepaald (volgen: fout in de database "
          "bij 'step' (SQLite meldt: de database is bezet))");
    CHECK(report::dutch_reason("cannot open: Operation not supported") ==
          "het bestand is niet te openen (melding: Operation not supported)");  // an unknown system text stays as it is
}

TEST_CASE("a message no rule knows is shown whole and marked, never dropped", "[error_reasons_nl]") {
    CHECK_FALSE(report::dutch_reason("the moon is in the way"));
    CHECK(report::dutch_reason_or_marked("the moon is in the way") == "(onvertaald) the moon is in the way");
    CHECK(report::describe_in_dutch({"x.txt", "the moon is in the way"}) ==
          "x.txt: (onvertaald) the moon is in the way");
    CHECK(report::describe_in_dutch({"", "the moon is in the way"}) == "(onvertaald) the moon is in the way");
}

TEST_CASE("the libraries' own error texts have a Dutch reason", "[error_reasons_nl]") {
    try {
        auto parsed = nlohmann::json::parse("{");
        FAIL("parsed: " << parsed.dump());
    } catch (const nlohmann::json::exception& e) {
        INFO(e.what());
        CHECK(report::dutch_reason(e.what()));
    }
    try {
        fs::create_directories("/proc/toezeg-cannot-be-here/x");
        FAIL("created");
    } catch (const fs::filesystem_error& e) {
        INFO(e.what());
        CHECK(report::dutch_reason(e.what()));
    }
    test::TempDir tmp;
    auto database = db::Database::open(tmp.path / "x.sqlite");
    REQUIRE(database);
    try {
        database->exec("SELECT * FROM no_such_table");
        FAIL("ran");
    } catch (const std::exception& e) {
        INFO(e.what());
        auto reason = report::dutch_reason(e.what());
        REQUIRE(reason);
        CHECK(reason->starts_with("fout in de database"));
    }
}

TEST_CASE("the ci summary gives each error and an early stop in Dutch", "[error_reasons_nl][ci_summary]") {
    pipeline::CiRun run;
    run.errors.push_back({"tests/data/bad/notes.md", ingest::not_parliamentary_reason()});
    run.errors.push_back({"http://127.0.0.1:9/SyncFeed/2.0/Feed?category=Document", "HTTP 503 after 4 tries"});
    run.errors.push_back({"x.txt", "the moon is in the way"});
    run.fetch_stopped = "stopped early after 2 feed pages (--max-pages); the next run resumes here";
    run.report_index = "reports/index.html";
    auto md = report::ci_summary(run, "2026-08-01").markdown;
    CHECK(
        md.find("## Fouten (3)\n\n"
                "- tests/data/bad/notes.md: geen Kamerstuk of brief aan de Kamer: geen Kamerstukkop, niet gericht aan "
                "de Tweede of Eerste Kamer, geen briefhoofd van een ministerie of ondertekening door een "
                "bewindspersoon, geen officiële XML; lees het toch in met --force\n"
                "- http://127.0.0.1:9/SyncFeed/2.0/Feed?category=Document: de dienst antwoordde met HTTP-status 503 "
                "na 4 pogingen\n"
                "- x.txt: (onvertaald) the moon is in the way\n") != std::string::npos);
    CHECK(md.find("**Ophalen niet afgemaakt** (vroeg gestopt na 2 pagina's van de feed (--max-pages); de volgende run "
                  "gaat hier verder).") != std::string::npos);
}

TEST_CASE("a ci run's errors reach the summary in Dutch: size limit, not a letter, not UTF-8, fetch",
          "[error_reasons_nl][ci_summary]") {
    test::TempDir tmp;
    pipeline::StorePaths paths{tmp.path / "store"};
    REQUIRE(pipeline::Store::init(paths));
    auto store = pipeline::Store::open(paths, pipeline::Access::write);
    REQUIRE(store);
    // Windows-1252 bytes (not valid UTF-8) of a note that is no letter to the Kamer.
    auto latin1 = tmp.path / "aantekening.txt";
    {
        std::ofstream out(latin1, std::ios::binary);
        out << "Aantekening voor het overleg: caf\xe9 om tien uur, daarna de co\xf6rdinatie van de agenda.\n";
    }
    pipeline::CiOptions options;
    options.fetch = pipeline::FetchOptions{};
    options.fetch->base_url = "http://127.0.0.1:9";  // nothing listens on the discard port
    options.fetch->http.attempts = 1;
    options.folders = {latin1.string(), (test::source_dir() / "tests/data/letters/l01_vws_ggz.txt").string()};
    options.ingest.max_bytes = 1000;  // the letter has 1196 bytes
    options.report_dir = tmp.path / "reports";
    options.as_of = "2026-08-01";
    auto run = pipeline::run_ci(*store, options);
    REQUIRE(run.errors.size() == 3);
    CHECK(run.errors[0].message.starts_with("cannot reach the service ("));  // stderr keeps the English
    auto md = report::ci_summary(run, options.as_of).markdown;
    INFO(md);
    CHECK(md.find("## Fouten (3)\n") != std::string::npos);
    CHECK(md.find("- http://127.0.0.1:9/SyncFeed/2.0/Feed?category=Document: de dienst is niet te bereiken (geen "
                  "verbinding met de server); geen internet? Probeer het later opnieuw of geef met --base-url een "
                  "ander adres\n") != std::string::npos);
    CHECK(md.find("aantekening.txt: geen Kamerstuk of brief aan de Kamer: geen Kamerstukkop,") != std::string::npos);
    CHECK(md.find("l01\\_vws\\_ggz.txt: bestand te groot (1196 bytes; de grens is 1000 bytes, zie --max-size)\n") !=
          std::string::npos);
    CHECK(md.find("onvertaald") == std::string::npos);
}
