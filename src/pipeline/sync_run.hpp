#pragma once
// `toezeg sync`: the official records of the Tweede Kamer's OData API read incrementally by
// GewijzigdOp, through the same HTTP client as fetch and the same saving as import; the
// position per entity is kept in git (state/sync.json) in the run's one commit.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "fetch/http_client.hpp"
#include "fetch/odata_query.hpp"
#include "pipeline/import_records.hpp"
#include "pipeline/store.hpp"

namespace toezeg::pipeline {

struct SyncOptions {
    std::string base_url = fetch::k_odata_base;
    std::vector<std::string> entities;  // empty: every entity of fetch::default_entity_queries()
    std::string since;                  // ISO date: read changes from that Dutch day on, not from the position
    int max_pages = 20'000;             // per entity; more is taken for a server that never ends
    std::optional<std::chrono::seconds> max_time;
    fetch::HttpOptions http;
};

struct SyncedEntity {
    std::string entity;
    int pages = 0;
    std::size_t records = 0, deleted = 0;  // as read (deleted: Verwijderd rows)
    std::string from, to;                  // the position before and after ("" when none)
};

struct SyncReport {
    std::vector<SyncedEntity> entities;
    ImportSummary saved;  // what changed in the store
    int requests = 0;
};

// Reads every asked entity set page by page (@odata.nextLink, else $skip while pages are
// full) and commits the records read every 10,000 records, each commit with the positions up
// to which every record is saved, and the rest with the final positions at the end; then
// retracks once. Fails when a request fails (after fetch's retries), a page is not OData, a
// nextLink leads to another host or back to a page read before, a page brings only records
// already read, or an entity needs more than max_pages pages: what was committed before
// stays (consistent, tracked), the records read since are dropped, and the next run goes on
// from the committed positions (it reads the records of the last GewijzigdOp again, unchanged).
Result<SyncReport> run_sync(Store& store, const SyncOptions& options);

// The kept position of `entity` for `base_url` ("" when none).
std::string sync_position(Store& store, const std::string& base_url, const std::string& entity);

}  // namespace toezeg::pipeline
