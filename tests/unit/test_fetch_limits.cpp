// Fetch against broken or hostile servers: every run ends within its limits, keeps what it
// ingested, says what happened, and the next run against a healthy server resumes.
#include <catch2/catch.hpp>

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <fstream>

#include <fcntl.h>

#include "db/sqlite.hpp"
#include "feed_fixtures.hpp"

using namespace toezeg;
using test::Fixture;
using test::quick;
using test::serve_feed;
using test::with_base;

namespace {

const std::string k_feed = "/SyncFeed/2.0/Feed?category=Document";
const std::string k_resource = "/SyncFeed/2.0/Resources/0b1c2d3e-0000-4000-8000-00000000000";

// Page 2 of the fixture feed with a next link to `next` (relative to the base).
std::string page2_linking_to(const test::FixtureServer& server, const std::string& next) {
    std::string page = with_base(test::read_source("tests/data/feed/page2.xml"), server.base());
    std::string link = "<link rel=\"next\" href=\"" + server.base() + next + "\"/>\n  <entry>";
    page.replace(page.find("<entry>"), 7, link);
    return page;
}

struct Measured {
    int code = -1;
    long peak_kb = 0;  // the child's peak resident memory
};

// Runs the toezeg binary without a shell and measures its peak memory.
Measured run_toezeg(std::vector<std::string> args) {
    args.insert(args.begin(), TOEZEG_BINARY);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    Measured m;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) return m;
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    posix_spawn_file_actions_destroy(&actions);
    m.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    m.peak_kb = usage.ru_maxrss;
    return m;
}

long count_documents(pipeline::Store& store) {
    auto st = store.index().database().prepare("SELECT count(*) FROM documents");
    return st.step() ? static_cast<long>(st.integer(0)) : -1;
}

void check_store_whole(const pipeline::StorePaths& paths) {
    CHECK(test::run_program({"git", "--git-dir", (paths.root / "corpus.git").string(), "fsck", "--no-dangling"}) == 0);
    std::string out;
    test::run_program({"sqlite3", (paths.root / "index.sqlite").string(), "PRAGMA integrity_check;"}, &out);
    CHECK(out == "ok\n");
}

}  // namespace

TEST_CASE("fetch limits: paging loops end the run, the last good position is kept and resumed", "[fetch][limits]") {
    SECTION("a next link back to a page already read") {
        test::FixtureServer server;
        serve_feed(server);
        server.route(k_feed + "&skiptoken=2002", {page2_linking_to(server, k_feed)});
        Fixture f;
        auto store = f.open();
        auto report = pipeline::run_fetch(store, quick(server.base()));
        REQUIRE(report);
        CHECK(report->stopped.find("points back to a page already read in this run (a paging loop)") != std::string::npos);
        CHECK(report->pages == 2);
        CHECK(report->ingested.size() == 4);
        CHECK(server.hits(k_feed) == 1);
        CHECK(store.corpus().read_file("state/fetch.json")->find("\"next\": \"2002\"") != std::string::npos);
    }
    SECTION("a skiptoken that does not advance") {
        test::FixtureServer server;
        serve_feed(server);
        server.route(k_feed + "&skiptoken=2002", {page2_linking_to(server, k_feed + "&amp;skiptoken=2002")});
        Fixture f;
        auto store = f.open();
        auto report = pipeline::run_fetch(store, quick(server.base()));
        REQUIRE(report);
        CHECK(report->stopped.find("a paging loop") != std::string::npos);
        CHECK(server.hits(k_feed + "&skiptoken=2002") == 1);
    }
    SECTION("a new address that serves only entries read before, then a healthy server") {
        test::FixtureServer server;
        serve_feed(server);
        server.route(k_feed + "&skiptoken=2002", {page2_linking_to(server, k_feed + "&amp;skiptoken=3003")});
        server.route(k_feed + "&skiptoken=3003", {page2_linking_to(server, k_feed + "&amp;skiptoken=4004")});
        Fixture f;
        {
            auto store = f.open();
            auto report = pipeline::run_fetch(store, quick(server.base()));
            REQUIRE(report);
            CHECK(report->stopped.find("holds only entries already read in this run") != std::string::npos);
            CHECK(server.hits(k_feed + "&skiptoken=4004") == 0);
        }
        test::FixtureServer healthy;
        serve_feed(healthy);
        auto store = f.open();
        auto again = pipeline::run_fetch(store, quick(healthy.base()));
        REQUIRE(again);
        CHECK(again->stopped.empty());
        CHECK(again->ingested.empty());  // nothing skipped, nothing repeated
        check_store_whole(f.paths);
    }
    SECTION("more pages than --max-pages") {
        test::FixtureServer server;
        serve_feed(server);
        Fixture f;
        auto store = f.open();
        auto options = quick(server.base());
        options.max_pages = 1;
        auto report = pipeline::run_fetch(store, options);
        REQUIRE(report);
        CHECK(report->stopped == "stopped early after 1 feed page (--max-pages); the next run resumes here");
        auto rest = pipeline::run_fetch(store, quick(server.base()));
        REQUIRE(rest);
        CHECK(rest->ingested.size() == 2);  // page 2's two documents, page 1's not again
    }
}

TEST_CASE("fetch limits: errors by kind, only temporary ones are retried", "[fetch][limits]") {
    test::FixtureServer server;
    serve_feed(server);
    Fixture f;
    auto store = f.open();
    fetch::HttpClient http(quick(server.base()).http);
    SECTION("a redirect loop") {
        server.route("/loop", {"", "text/plain", 0, 0, 302, "Location: /loop\r\n"});
        auto r = http.get(server.base() + "/loop");
        REQUIRE_FALSE(r);
        CHECK(r.error().message.find("(permanent; not retried)") != std::string::npos);
        CHECK(server.hits("/loop") == 6);  // the first request and five redirects, once
    }
    SECTION("a redirect to another scheme") {
        server.route("/elsewhere", {"", "text/plain", 0, 0, 302, "Location: file:///etc/passwd\r\n"});
        auto r = http.get(server.base() + "/elsewhere");
        REQUIRE_FALSE(r);
        CHECK(http.last_failure() == fetch::Failure::permanent);
        CHECK(server.hits("/elsewhere") == 1);
    }
    SECTION("a 404 is not retried; a 429 waits as long as Retry-After asks") {
        auto missing = http.get(server.base() + "/nothing");
        REQUIRE_FALSE(missing);
        CHECK(missing.error().message == "HTTP 404 (permanent; not retried)");
        CHECK(server.hits("/nothing") == 1);
        test::Route busy{"fine", "text/plain", 1};
        busy.fail_status = 429;
        busy.fail_headers = "Retry-After: 1\r\n";
        server.route("/busy", busy);
        auto start = std::chrono::steady_clock::now();
        auto r = http.get(server.base() + "/busy");
        REQUIRE(r);
        CHECK(r->body == "fine");
        CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(900));
        test::Route later{"fine", "text/plain", 1};
        later.fail_status = 503;
        later.fail_headers = "Retry-After: 3600\r\n";
        server.route("/later", later);
        auto refused = http.get(server.base() + "/later");
        REQUIRE_FALSE(refused);
        CHECK(refused.error().message == "HTTP 503: the server asks to wait 3600 s, longer than toezeg waits; try again later");
    }
    SECTION("a server that drips one byte at a time") {
        test::Route drip{"<feed></feed>", "application/xml"};
        drip.drip_ms = 100;
        server.route("/drip", drip);
        auto options = quick(server.base()).http;
        options.total_timeout_ms = 300;
        options.attempts = 2;
        fetch::HttpClient slow(options);
        auto r = slow.get(server.base() + "/drip");
        REQUIRE_FALSE(r);
        CHECK(r.error().message.find("after 2 tries") != std::string::npos);
    }
}

TEST_CASE("fetch limits: a 200 MB page and a 200 MB document stop at their limits, memory stays bounded",
          "[fetch][limits]") {
    ::setenv("TOEZEG_FETCH_INTERVAL_MS", "0", 1);
    ::setenv("TOEZEG_FETCH_BACKOFF_MS", "10", 1);
    constexpr std::size_t k_200mb = 200u << 20;
    Measured normal, big_page, big_documents;
    {
        test::FixtureServer server;
        serve_feed(server);
        Fixture f;
        normal = run_toezeg({"fetch", "--store", f.paths.root.string(), "--base-url", server.base()});
        CHECK(normal.code == 0);
    }
    {
        test::FixtureServer server;
        test::Route page{"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>", "application/xml"};
        page.stream_bytes = k_200mb;
        page.no_length = true;  // only the transfer itself can tell how large it is
        server.route(k_feed, page);
        Fixture f;
        big_page = run_toezeg({"fetch", "--store", f.paths.root.string(), "--base-url", server.base()});
        CHECK(big_page.code == 2);  // the feed itself could not be read
    }
    {
        test::FixtureServer server;
        serve_feed(server);
        test::Route declared{"", "text/plain"};
        declared.stream_bytes = k_200mb;  // with Content-Length
        server.route(k_resource + "1", declared);
        test::Route undeclared = declared;
        undeclared.no_length = true;
        server.route(k_resource + "4", undeclared);
        Fixture f;
        big_documents = run_toezeg({"fetch", "--store", f.paths.root.string(), "--base-url", server.base()});
        CHECK(big_documents.code == 1);  // two documents failed, the others are in
        auto store = f.open();
        CHECK(count_documents(store) == 2);
        check_store_whole(f.paths);
        CHECK(!std::filesystem::exists(f.paths.root / "download-0b1c2d3e-0000-4000-8000-000000000001.part"));
    }
    {
        // In this process only after the measured runs: a child's peak includes its parent's
        // size at the moment it starts.
        test::FixtureServer server;
        test::Route page{"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>", "application/xml"};
        page.stream_bytes = k_200mb;
        page.no_length = true;
        server.route(k_feed, page);
        Fixture f;
        auto store = f.open();
        auto report = pipeline::run_fetch(store, quick(server.base()));
        REQUIRE_FALSE(report);
        CHECK(report.error().message == "larger than the limit of 32 MB; not retried");
    }
    INFO("peak KB: normal " << normal.peak_kb << ", 200 MB page " << big_page.peak_kb << ", 200 MB documents "
                            << big_documents.peak_kb);
    CHECK(big_page.peak_kb < normal.peak_kb + 100 * 1024);
    CHECK(big_documents.peak_kb < normal.peak_kb + 100 * 1024);
}

TEST_CASE("fetch limits: a spent time budget stops cleanly and the next run finishes the work", "[fetch][limits]") {
    test::FixtureServer server;
    serve_feed(server);
    for (int k : {1, 2, 3, 4}) {
        std::string path = k_resource + std::to_string(k);
        test::Route slow{test::read_source(k == 1   ? "corpus/004_a4a7fe74bfd62a91.txt"
                                           : k == 2 ? "tests/data/xml/kst-36196-12-motie-podt-koekkoek.xml"
                                           : k == 3 ? "tests/data/pdf/003_seed.pdf"
                                                    : "tests/data/letters/l08_szw_verzamelbrief.txt"),
                         k == 2 ? "application/xml" : k == 3 ? "application/pdf" : "text/plain", 0, 700};
        server.route(path, slow);
    }
    Fixture f;
    {
        auto store = f.open();
        auto options = quick(server.base());
        options.max_time = std::chrono::seconds(1);
        auto report = pipeline::run_fetch(store, options);
        REQUIRE(report);
        CHECK(report->stopped == "stopped early: the time budget of 1 s (--max-time) is spent; the next run resumes here");
        CHECK(report->ingested.size() < 4);
        CHECK(report->errors.empty());
    }
    check_store_whole(f.paths);
    auto store = f.open();
    auto rest = pipeline::run_fetch(store, quick(server.base()));
    REQUIRE(rest);
    CHECK(rest->stopped.empty());
    CHECK(count_documents(store) == 4);
}

TEST_CASE("fetch limits: a gzip bomb stays the size it was sent at", "[fetch][limits]") {
    // 100 gzip members of 10 MB of zeros each: 1 GB when decompressed, about 1 MB as sent.
    test::TempDir tmp;
    auto zeros = tmp.path / "zeros";
    { std::ofstream(zeros, std::ios::binary) << std::string(10'000'000, '\0'); }
    std::string member;
    REQUIRE(test::run_program({"gzip", "-9", "-c", zeros.string()}, &member) == 0);
    REQUIRE(member.size() < 100'000);
    std::string bomb;
    for (int k = 0; k < 100; ++k) bomb += member;

    test::FixtureServer server;
    serve_feed(server);
    server.route(k_feed, {bomb, "application/atom+xml", 0, 0, 200, "Content-Encoding: gzip\r\n"});
    fetch::HttpClient http(quick(server.base()).http);
    auto page = http.get(server.base() + k_feed);
    REQUIRE(page);
    CHECK(page->body.size() == bomb.size());  // not decompressed

    Fixture f;
    auto store = f.open();
    auto report = pipeline::run_fetch(store, quick(server.base()));
    std::string said = report ? (report->errors.empty() ? report->stopped : report->errors.front().describe())
                              : report.error().describe();
    INFO(said);
    CHECK(said.find("feed is not valid UTF-8") != std::string::npos);  // gzip bytes, read as they came
    CHECK(test::run_program({"git", "--git-dir", (f.paths.root / "corpus.git").string(), "fsck", "--no-dangling"}) == 0);
}

TEST_CASE("fetch limits: a document that failed on a page behind the position is tried again by later runs, 10 in all",
          "[fetch][limits]") {
    test::FixtureServer server;
    serve_feed(server);
    server.route(k_resource + "1", {"gone", "text/plain", 0, 0, 404});  // on page 1, which later runs do not read
    Fixture f;
    auto store = f.open();
    int other_store_hits = 0;
    for (int run = 1; run <= 11; ++run) {
        INFO("run " << run);
        auto report = pipeline::run_fetch(store, quick(server.base()));
        REQUIRE(report);
        CHECK(server.hits(k_resource + "1") - other_store_hits == std::min(run, 10));
        CHECK(report->retried == (run == 1 || run == 11 ? 0 : 1));
        CHECK(report->pending == (run < 10 ? 1u : 0u));
        CHECK(report->given_up == (run == 10 ? std::vector<std::string>{"0b1c2d3e-0000-4000-8000-000000000001"}
                                             : std::vector<std::string>{}));
        CHECK(report->errors.size() == (run <= 10 ? 1u : 0u));
        if (run == 3) {
            // A healthy answer now: the next run takes it and nothing is pending after it.
            Fixture g;
            auto healing = g.open();
            REQUIRE(pipeline::run_fetch(healing, quick(server.base())));
            server.route(k_resource + "1", {test::read_source("corpus/004_a4a7fe74bfd62a91.txt"), "text/plain"});
            auto healed = pipeline::run_fetch(healing, quick(server.base()));
            REQUIRE(healed);
            CHECK(healed->retried == 1);
            CHECK(healed->pending == 0);
            CHECK(healed->errors.empty());
            REQUIRE(healed->ingested.size() == 1);
            CHECK(healed->ingested[0].id == "kst-32317-994");
            server.route(k_resource + "1", {"gone", "text/plain", 0, 0, 404});
            other_store_hits = 2;
        }
    }
    check_store_whole(f.paths);
}
