#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace toezeg;

TEST_CASE("every subcommand answers --help with its options and exit code 0", "[cli]") {
    for (std::string cmd : {"init", "ingest", "reindex", "list", "log", "show", "diff", "detect", "eval", "status", "item",
                            "link", "unlink", "report", "fetch", "ci"}) {
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
