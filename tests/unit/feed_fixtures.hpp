#pragma once
// The fixture open-data service of the fetch tests: feed pages and the files behind them,
// options without waits, and a fresh store.
#include <catch2/catch.hpp>

#include <string>

#include "fixture_server.hpp"
#include "helpers.hpp"
#include "pipeline/fetch_run.hpp"
#include "pipeline/store.hpp"

namespace toezeg::test {

inline std::string with_base(std::string text, const std::string& base) {
    for (std::size_t pos; (pos = text.find("{{BASE}}")) != std::string::npos;) text.replace(pos, 8, base);
    return text;
}

// The fixture service: two feed pages and the files behind their entries.
inline void serve_feed(FixtureServer& server, int resource_failures = 0) {
    std::string feed = "/SyncFeed/2.0/Feed?category=Document";
    server.route(feed, {with_base(read_source("tests/data/feed/page1.xml"), server.base())});
    server.route(feed + "&skiptoken=2002", {with_base(read_source("tests/data/feed/page2.xml"), server.base())});
    std::string res = "/SyncFeed/2.0/Resources/0b1c2d3e-0000-4000-8000-00000000000";
    server.route(res + "1", {read_source("corpus/004_a4a7fe74bfd62a91.txt"), "text/plain", resource_failures});
    server.route(res + "2", {read_source("tests/data/xml/kst-36196-12-motie-podt-koekkoek.xml"), "application/xml"});
    server.route(res + "3", {read_source("tests/data/pdf/003_seed.pdf"), "application/pdf"});
    server.route(res + "4", {read_source("tests/data/letters/l08_szw_verzamelbrief.txt"), "text/plain"});
}

inline pipeline::FetchOptions quick(const std::string& base) {
    pipeline::FetchOptions o;
    o.base_url = base;
    o.http.min_interval_ms = 0;
    o.http.backoff_ms = 10;
    o.http.total_timeout_ms = 2000;
    return o;
}

struct Fixture {
    TempDir tmp;
    pipeline::StorePaths paths{tmp.path / "store"};
    Fixture() { REQUIRE(pipeline::Store::init(paths)); }
    pipeline::Store open() {
        auto s = pipeline::Store::open(paths, pipeline::Access::write);
        REQUIRE(s);
        return std::move(*s);
    }
};

}  // namespace toezeg::test
