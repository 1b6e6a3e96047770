#pragma once
// A store of letters and its report, for the report's tests.
#include <catch2/catch.hpp>
#include <fstream>

#include "helpers.hpp"
#include "pipeline/ingest_files.hpp"
#include "pipeline/store.hpp"
#include "report/site.hpp"

namespace toezeg::test {

// The letters `inputs` (relative to the source folder) ingested and tracked in a fresh store.
struct ReportSite {
    TempDir tmp;
    pipeline::StorePaths paths{tmp.path / "store"};
    std::filesystem::path out = tmp.path / "reports";

    explicit ReportSite(const std::vector<std::string>& inputs) {
        REQUIRE(pipeline::Store::init(paths));
        auto store = pipeline::Store::open(paths, pipeline::Access::write);
        std::vector<std::string> absolute;
        for (auto& i : inputs) absolute.push_back((source_dir() / i).string());
        auto files = pipeline::expand_inputs(absolute);
        for (auto& f : *files) REQUIRE(pipeline::ingest_file(*store, f, {}).outcome != pipeline::Outcome::failed);
        std::vector<std::string> warnings;
        REQUIRE(store->retrack(warnings));
    }
    report::ReportStats write(const std::string& as_of, const std::filesystem::path& templates = {},
                              const std::string& week = "", report::ReportOptions options = {}) {
        auto store = pipeline::Store::open(paths, pipeline::Access::read);
        options.out_dir = out;
        options.as_of = as_of;
        options.templates_dir = templates;
        options.week = week;
        auto stats = report::write_report(store->index(), options);
        REQUIRE(stats);
        return *stats;
    }
};

}  // namespace toezeg::test
