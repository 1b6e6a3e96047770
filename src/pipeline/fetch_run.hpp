#pragma once
// Pulls new publications from the open-data SyncFeed into the store, resuming where the
// last run stopped (the position is kept in git, state/fetch.json).
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "fetch/http_client.hpp"
#include "pipeline/ingest_files.hpp"
#include "pipeline/store.hpp"

namespace toezeg::pipeline {

struct FetchOptions {
    std::string base_url = "https://gegevensmagazijn.tweedekamer.nl";
    std::vector<std::string> soort;  // only documents of these kinds ("Brief regering"); empty: all
    std::string since;    // ISO date: a store that has no position yet starts at the feed's changes of that day
    std::string dossier;  // only documents of this dossier, e.g. "32317"
    int max_pages = 1000;
    std::optional<std::chrono::seconds> max_time;    // the whole run's budget (--max-time)
    std::size_t max_resource_bytes = 20u << 20;      // a document larger than this is refused (--max-size)
    fetch::HttpOptions http;
};

struct FetchReport {
    int pages = 0, entries = 0, skipped = 0;
    int search_requests = 0;  // pages read to find where --since starts
    std::vector<IngestResult> ingested;
    std::vector<std::string> deleted;  // "GUID (doc id)" of entries withdrawn upstream
    std::vector<Error> errors;         // documents that could not be fetched or read
    std::string stopped;               // why the run ended before the feed did ("" when it read to the end)
    int retried = 0;                   // documents that failed in an earlier run, tried again
    std::size_t pending = 0;           // documents that failed, to be tried again by the next run
    std::vector<std::string> given_up; // GUIDs that failed in 10 runs: not tried again
};

// Fails only when the feed's first page cannot be read; problems with single documents are
// in the report's errors and the run goes on. A run also ends early, with `stopped` saying
// why, when a next link points back to a page read in this run, a skiptoken does not
// advance, a page brings only entries already read in this run, max_pages is reached, or
// the time budget is spent; the resume point saved is then the last page fully processed.
// A document that fails (download or ingest) is kept in the fetch state and tried again after
// the feed by each later run, 10 runs in all, unless the feed brings it again or deletes it.
Result<FetchReport> run_fetch(Store& store, const FetchOptions& options);
// The error a given-up document (FetchReport::given_up) is reported with.
Error given_up_error(const std::string& guid);

}  // namespace toezeg::pipeline
