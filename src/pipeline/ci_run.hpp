#pragma once
// The scheduled job as one call: fetch, ingest folders, retrack, report; what changed.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "db/tracked_items.hpp"
#include "pipeline/fetch_run.hpp"
#include "pipeline/ingest_files.hpp"
#include "pipeline/store.hpp"

namespace toezeg::pipeline {

struct CiOptions {
    std::optional<FetchOptions> fetch;       // nullopt: do not contact the open-data service
    std::vector<std::string> folders;        // folders or files of new documents
    IngestOptions ingest;
    std::filesystem::path report_dir = "reports";
    std::string as_of;                       // ISO date
};

struct CiRun {
    std::vector<IngestResult> results;          // fetched and ingested documents, in order
    std::vector<Error> errors;                  // every input or stage that failed, with its reason
    std::string fetch_stopped;                  // why fetch stopped early, or ""
    std::size_t fetch_pending = 0;              // fetched documents that failed, tried again by the next run
    std::vector<std::string> tracking_warnings;
    std::map<std::string, std::string> status_before;  // tracked item id -> status before the run
    std::vector<db::TrackedSummary> after;      // every tracked item after the run
    std::filesystem::path report_index;         // the report's index.html
};

// Never fails as a whole once the store is open: each failure is kept in `errors`.
CiRun run_ci(Store& store, const CiOptions& options);

}  // namespace toezeg::pipeline
