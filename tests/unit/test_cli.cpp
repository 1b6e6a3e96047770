#include <catch2/catch.hpp>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "cli/app_docs.hpp"
#include "cli/output.hpp"
#include "helpers.hpp"
#include "util/text.hpp"

using namespace toezeg;

TEST_CASE("every subcommand answers --help with its options and exit code 0", "[cli]") {
    for (std::string cmd : {"init", "ingest", "reindex", "list", "log", "show", "diff", "detect", "eval", "status", "item",
                            "link", "unlink", "report", "fetch", "ci", "completion", "man", "remove", "gc"}) {
        INFO(cmd);
        std::string out;
        CHECK(test::run_program({TOEZEG_BINARY, cmd, "--help"}, &out) == 0);
        CHECK(out.find("Usage:") != std::string::npos);
        CHECK(out.find(cmd) != std::string::npos);
    }
    std::string out;
    CHECK(test::run_program({TOEZEG_BINARY, "--help"}, &out) == 0);
    CHECK(out.find("Exit codes: 0 ok, 1 some inputs failed, 2 usage or fatal error.") != std::string::npos);
    CHECK(test::run_program({TOEZEG_BINARY}) == 2);                        // no subcommand
    CHECK(test::run_program({TOEZEG_BINARY, "status", "--as-of", "gisteren", "--store", "/nonexistent"}) == 2);
}

TEST_CASE("diff between two versions, plain when not on a terminal", "[cli]") {
    test::TempDir tmp;
    std::string store = (tmp.path / "s").string();
    auto v1 = test::source_dir() / "tests/data/series/s4_taaleisen_v1.txt";
    auto v2 = test::source_dir() / "tests/data/series/s4_taaleisen_v2.txt";
    REQUIRE(test::run_program({TOEZEG_BINARY, "ingest", "--init", "--store", store, v1.string()}) == 0);
    REQUIRE(test::run_program({TOEZEG_BINARY, "ingest", "--store", store, "--as", "brief-2026-03-02-tk-taaleisen-voor-nieuwkomers",
                               v2.string()}) == 0);
    std::string out;
    CHECK(test::run_program({TOEZEG_BINARY, "diff", "--store", store, "brief-2026-03-02-tk-taaleisen-voor-nieuwkomers"}, &out) == 0);
    CHECK(out.find("voor 1 [-mei-]{+juni+} 2026") != std::string::npos);
    CHECK(test::run_program({TOEZEG_BINARY, "log", "--store", store, "--json", "brief-2026-03-02-tk-taaleisen-voor-nieuwkomers"}, &out) == 0);
    CHECK(std::count(out.begin(), out.end(), '\n') == 2);
}

TEST_CASE("a mistyped command gets the nearest one suggested", "[cli]") {
    CLI::App app{"t"};
    for (const char* name : {"status", "ingest", "item", "report", "reindex"}) app.add_subcommand(name, "");
    CHECK(cli::nearest_subcommand(app, "stauts") == "status");
    CHECK(cli::nearest_subcommand(app, "injest") == "ingest");
    CHECK(cli::nearest_subcommand(app, "rep") == "report");  // a prefix
    CHECK(cli::nearest_subcommand(app, "kroket").empty());    // nothing close
    std::string out;
    CHECK(test::run_program({TOEZEG_BINARY, "stauts"}, &out) == 2);
}

TEST_CASE("completion scripts and the man page come from the command table", "[cli]") {
    std::string bash, zsh, man;
    REQUIRE(test::run_program({TOEZEG_BINARY, "completion", "bash"}, &bash) == 0);
    REQUIRE(test::run_program({TOEZEG_BINARY, "completion", "zsh"}, &zsh) == 0);
    REQUIRE(test::run_program({TOEZEG_BINARY, "man"}, &man) == 0);
    // Every option of status, those in its option group included, can be completed.
    auto status_line = bash.substr(bash.find("    status) opts=\""));
    status_line = status_line.substr(0, status_line.find('\n'));
    for (const char* opt : {"--store", "--open", "--overdue", "--csv-dialect", "--as-of"}) {
        INFO(opt);
        CHECK(status_line.find(opt) != std::string::npos);
    }
    CHECK(zsh.starts_with("#compdef toezeg\n"));
    CHECK(man.starts_with(".TH TOEZEG 1 "));
    CHECK(man.find(".SS status\n") != std::string::npos);
    CHECK(man.find("\\-\\-csv\\-dialect") != std::string::npos);  // dashes escaped for roff
    CHECK(test::run_program({TOEZEG_BINARY, "completion", "fish"}) == 2);
}

TEST_CASE("the man page's month comes from SOURCE_DATE_EPOCH, whole seconds since 1970", "[cli]") {
    CHECK(cli::man_page_month("0") == "1970-01");
    CHECK(cli::man_page_month("1773791999") == "2026-03");  // 2026-03-17 23:59:59 UTC
    CHECK(cli::man_page_month("1772323199") == "2026-02");  // the last second of February
    CHECK(cli::man_page_month("253402300799") == "9999-12");
    for (const char* bad : {"", "-1", "12x", " 5", "1.5", "gisteren", "253402300800"}) {
        INFO(bad);
        CHECK_FALSE(cli::man_page_month(bad));
    }
}

TEST_CASE("fit_to_width shortens the last column to the terminal", "[cli]") {
    std::vector<std::vector<std::string>> rows = {{"ID", "SUBJECT"}, {"tz-1", std::string(100, 'x')}, {"tz-2", "kort"}};
    auto fitted = cli::fit_to_width(rows, 40);
    std::string table = cli::format_table(fitted);  // split_lines gives views into it: keep it alive
    for (auto& line : text::split_lines(table)) CHECK(line.size() <= 42);  // "…" is 3 bytes, 1 column
    CHECK(fitted[2][1] == "kort");
    CHECK(fitted[1][1].ends_with("…"));
    CHECK(cli::fit_to_width(rows, 0) == rows);
}

TEST_CASE("fit_to_width drops the columns that may go before it cuts the last one", "[cli]") {
    std::vector<std::vector<std::string>> rows = {{"ID", "KIND", "DECISION", "SUBJECT"},
                                                  {"tz-1", "commitment", std::string(40, 'd'), std::string(60, 's')}};
    auto fitted = cli::fit_to_width(rows, 60, {2, 1});
    REQUIRE(fitted[0].size() == 3);  // DECISION gone, KIND kept: the subject has room enough
    CHECK(fitted[0][1] == "KIND");
    CHECK(fitted[1][2].ends_with("…"));
    CHECK(cli::fit_to_width(rows, 200, {2, 1})[0].size() == 4);  // wide enough: nothing dropped
}

TEST_CASE("status on a 70-column terminal: MEMBER gives way too, so every line fits", "[cli]") {
    std::vector<std::vector<std::string>> rows = {
        {"ID", "KIND", "STATUS", "MEMBER", "DUE", "LAST EVENT", "DECISION", "SUBJECT"},
        {"motie-kroger-dijkstra-0a1b2c", "motion", "open (overdue) ?", "Van der Plas-Kröger", "op korte termijn",
         "2026-03-18 mentioned", "-", "Uw Kamer zal zoals toegezegd in het plan van aanpak over de voortgang"}};
    auto fitted = cli::fit_to_width(rows, 70, {6, 5, 1, 4, 3});  // the list `status` gives
    CHECK(fitted[0] == std::vector<std::string>{"ID", "STATUS", "SUBJECT"});
    std::string table = cli::format_table(fitted);  // split_lines gives views into it: keep it alive
    for (auto& line : text::split_lines(table))
        CHECK(std::count_if(line.begin(), line.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }) <= 70);
}

TEST_CASE("report --json and ci --json say what a job needs in one object", "[cli]") {
    test::TempDir tmp;
    std::string store = (tmp.path / "s").string(), out = (tmp.path / "r").string();
    REQUIRE(test::run_program({TOEZEG_BINARY, "ingest", "--init", "--store", store, (test::source_dir() / "corpus").string()}) == 0);
    std::string text;
    REQUIRE(test::run_program({TOEZEG_BINARY, "report", "--store", store, "--out", out, "--as-of", "2026-06-01", "--json"}, &text) == 0);
    auto report = nlohmann::json::parse(text);
    CHECK(report["index"] == out + "/index.html");
    CHECK(report["written"].get<int>() > 10);
    CHECK(report["week_page"] == "week-2026-W12.html");  // W22 has no documents: the latest week that has
    auto letter = (test::source_dir() / "tests/data/letters/l01_vws_ggz.txt").string();
    REQUIRE(test::run_program({TOEZEG_BINARY, "ci", "--store", store, "--out", out, "--no-fetch", "--as-of", "2026-06-01",
                               "--json", letter}, &text) == 0);
    auto ci = nlohmann::json::parse(text);
    REQUIRE(ci["new_documents"].size() == 1);
    CHECK(ci["new_documents"][0]["id"] == "brief-2026-02-12-tk-wachttijden-in-de-ggz-en-het-eigen");
    CHECK(ci["new_items"].size() == 4);
    CHECK(ci["errors"].empty());
    CHECK(ci["fetch_stopped"].is_null());
}
