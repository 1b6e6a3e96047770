#pragma once
// Pulls new publications from the open-data SyncFeed into the store, resuming where the
// last run stopped (the position is kept in git, state/fetch.json).
#include <string>
#include <vector>

#include "fetch/http_client.hpp"
#include "pipeline/ingest_files.hpp"
#include "pipeline/store.hpp"

namespace toezeg::pipeline {

struct FetchOptions {
    std::string base_url = "https://gegevensmagazijn.tweedekamer.nl";
    std::string soort;    // only documents of this kind ("Brief regering")
    std::string dossier;  // only documents of this dossier, e.g. "32317"
    int max_pages = 1000;
    fetch::HttpOptions http;
};

struct FetchReport {
    int pages = 0, entries = 0, skipped = 0;
    std::vector<IngestResult> ingested;
    std::vector<std::string> deleted;  // "GUID (doc id)" of entries withdrawn upstream
    std::vector<Error> errors;         // documents that could not be fetched or read
};

// Fails only when the feed itself cannot be read; problems with single documents are in
// the report's errors and the run goes on.
Result<FetchReport> run_fetch(Store& store, const FetchOptions& options);

}  // namespace toezeg::pipeline
