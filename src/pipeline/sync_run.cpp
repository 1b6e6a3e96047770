// `toezeg sync`: OData pages over HTTP into the store, incrementally, all or nothing per run.
#include "pipeline/sync_run.hpp"

#include <malloc.h>

#include <functional>
#include <future>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_set>

#include "fetch/odata_page.hpp"

namespace toezeg::pipeline {

using nlohmann::json;

namespace {

constexpr const char* k_state_path = "state/sync.json";

std::string trimmed_base(std::string base) {
    while (base.ends_with("/")) base.pop_back();
    return base;
}

json read_state(Store& store) {
    json state = json::parse(store.corpus().read_file(k_state_path).value_or("{}"), nullptr, false);
    if (state.is_discarded() || !state.is_object()) state = json::object();
    if (!state["positions"].is_object()) state["positions"] = json::object();
    return state;
}

// Records held before they are committed (with the position so far): bounds a run's memory.
constexpr std::size_t k_records_per_commit = 10'000;

// Called after each page with the position up to which every record has been read: the
// newest GewijzigdOp below the last one seen (records with that one may go on in the next
// page, since pages are ordered by GewijzigdOp), or "" when there is none yet.
using AfterPage = std::function<Result<void>(const std::string& complete_to)>;

// Reads one entity set to its end; its records go into `records`.
Result<SyncedEntity> read_entity(fetch::HttpClient& http, const std::string& base, const fetch::EntityQuery& query,
                                 const std::string& after, const std::string& since, int max_pages,
                                 OfficialRecords& records, const AfterPage& after_page) {
    SyncedEntity done{query.entity, 0, 0, 0, after, after};
    std::optional<fetch::ODataTimestamp> newest = after.empty() ? std::nullopt : fetch::odata_timestamp(after);
    std::optional<fetch::ODataTimestamp> complete = newest;  // every record up to it is read
    const std::string first = fetch::entity_url(base, query, after, since);
    std::string url = first;
    std::set<std::string> urls{url};
    std::unordered_set<std::string> ids;
    long long skip = 0;
    auto failed = [&](const std::string& why) -> Result<SyncedEntity> {
        return fail(query.entity + " page " + std::to_string(done.pages + 1), why);
    };
    while (true) {
        if (done.pages >= max_pages)
            return failed("more than " + std::to_string(max_pages) +
                          " pages (--max-pages); raise it, or read less with --since");
        auto response = http.get(url);
        if (!response) return std::unexpected(response.error());
        auto page = fetch::parse_odata_page(response->body, url, query.entity);
        if (!page) return std::unexpected(page.error());
        ++done.pages;
        bool any_new = page->records.empty();
        for (auto& r : page->records) {
            any_new |= ids.insert(r.id).second;
            ++done.records;
            if (r.deleted) ++done.deleted;
            auto changed = r.fields.find("GewijzigdOp");
            if (changed == r.fields.end() || !changed->is_string()) continue;  // emptied on a deleted row
            auto stamp = fetch::odata_timestamp(changed->get<std::string>());
            if (stamp && (!newest || stamp->instant > newest->instant)) {
                complete = newest;
                newest = stamp;
            }
        }
        if (!any_new) return failed(url + " holds only records already read in this run (a paging loop)");
        std::size_t count = page->records.size();
        std::string next = page->next_link;
        records.add(std::move(*page));
        if (auto saved = after_page(complete ? complete->text : ""); !saved) return std::unexpected(saved.error());
        if (!next.empty()) {
            std::string resolved;
            if (auto why = fetch::resolve_next_link(base, next, resolved); !why.empty())
                return failed("@odata.nextLink " + next.substr(0, 200) + " refused: " + why);
            if (!urls.insert(resolved).second)
                return failed("@odata.nextLink " + resolved + " leads back to a page read before (a paging loop)");
            url = resolved;
        } else if (count >= static_cast<std::size_t>(fetch::k_odata_page_size)) {
            skip = static_cast<long long>(done.records);  // a full page and no link: the next one by $skip
            url = fetch::skip_url(first, skip);
            urls.insert(url);
        } else {
            break;
        }
    }
    if (newest) done.to = newest->text;
    return done;
}

// A run frees each commit's 10,000 records while it reads the next: glibc would hand that memory
// back to the kernel and fault it in again page by page (a tenth of a sync's CPU, bench/RESULTS.md);
// kept in the process instead, the peak grows a few MB.
void keep_freed_memory() {
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
    mallopt(M_TOP_PAD, 64 << 20);
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
}

}  // namespace

std::string sync_position(Store& store, const std::string& base_url, const std::string& entity) {
    json state = read_state(store);
    const json& positions = state["positions"];
    auto base = positions.find(trimmed_base(base_url));
    if (base == positions.end() || !base->is_object()) return "";
    auto it = base->find(entity);
    return it != base->end() && it->is_string() ? it->get<std::string>() : "";
}

Result<SyncReport> run_sync(Store& store, const SyncOptions& options) {
    keep_freed_memory();
    const std::string base = trimmed_base(options.base_url);
    if (!base.starts_with("http://") && !base.starts_with("https://"))
        return fail("--base-url", "'" + base + "' is not an http or https address");
    std::string since;
    if (!options.since.empty()) {
        auto midnight = fetch::dutch_midnight(options.since);
        if (!midnight) return fail("--since", "'" + options.since + "' is not a date (YYYY-MM-DD)");
        since = *midnight;
    }
    std::vector<fetch::EntityQuery> queries;
    if (options.entities.empty()) queries = fetch::default_entity_queries();
    for (auto& name : options.entities) {
        auto q = fetch::entity_query(name);
        if (!q) {
            std::string known;
            for (auto& d : fetch::default_entity_queries()) known += (known.empty() ? "" : ", ") + d.entity;
            return fail("--entity", "sync does not read '" + name + "' (it reads " + known + ")");
        }
        queries.push_back(*q);
    }

    json state = read_state(store);
    json positions = state["positions"].contains(base) && state["positions"][base].is_object()
                         ? state["positions"][base]
                         : json::object();
    const json positions_before = positions;

    fetch::HttpOptions http_options = options.http;
    if (options.max_time) http_options.deadline = std::chrono::steady_clock::now() + *options.max_time;
    fetch::HttpClient http(http_options);
    SyncReport report;
    OfficialRecords records;
    StoredRecordIds stored(store);
    json committed = positions_before;  // the positions handed to a commit
    int commits = 0;                    // commits made (the one in flight not counted)
    // A commit runs on a second thread while the next pages are read (the store is used by that
    // thread alone meanwhile); at most one is in flight, and the run waits for it before it
    // hands over the next, so commits keep their order and a failure stops the reading.
    std::future<Result<void>> in_flight;
    OfficialRecords committing;
    auto wait_for_commit = [&]() -> Result<void> {
        if (!in_flight.valid()) return {};
        Result<void> done = in_flight.get();
        if (done) ++commits;
        return done;
    };
    // One commit of the records held and the positions so far (all of them when `always`).
    auto commit = [&](bool always) -> Result<void> {
        if (!always && records.size() < k_records_per_commit) return {};
        if (auto before = wait_for_commit(); !before) return before;
        std::vector<corpus::PathChange> extra;
        if (positions != committed) {
            state["positions"][base] = positions;
            extra.push_back({k_state_path, state.dump(1) + "\n"});
        }
        if (records.size() == 0 && extra.empty()) return {};
        committing = std::move(records);
        records.clear();
        committed = positions;
        in_flight =
            std::async(std::launch::async, [&store, &committing, &report, &stored, extra = std::move(extra)]() mutable {
                try {
                    return commit_official_records(store, committing, std::move(extra), "sync", report.saved, stored);
                } catch (const std::exception& e) {
                    return Result<void>(fail("sync", std::string("saving the records failed: ") + e.what()));
                }
            });
        if (always) return wait_for_commit();
        return {};
    };
    auto later = [](const std::string& a, const std::string& b) {  // a is a later position than b
        auto ta = fetch::odata_timestamp(a), tb = fetch::odata_timestamp(b);
        return ta && (!tb || ta->instant > tb->instant);
    };
    Result<void> outcome;
    for (auto& q : queries) {
        // --since reads from that day; otherwise from the kept position (a valid timestamp only).
        std::string after = positions.value(q.entity, "");
        if (!since.empty() || !fetch::odata_timestamp(after)) after.clear();
        const std::string kept = positions.value(q.entity, "");
        AfterPage after_page = [&](const std::string& complete_to) -> Result<void> {
            if (records.size() < k_records_per_commit) return {};
            if (later(complete_to, kept)) positions[q.entity] = complete_to;
            return commit(false);
        };
        auto entity = read_entity(http, base, q, after, since, options.max_pages, records, after_page);
        report.requests = http.requests();
        if (!entity) {
            if (auto pending = wait_for_commit(); !pending) {
                outcome = std::unexpected(pending.error());
                break;
            }
            Error e = entity.error();
            e.message += commits == 0 ? "; nothing was saved and every position is where it was"
                                      : "; the records read before were saved with their positions (" +
                                            std::to_string(commits) + " commit(s)): the next run goes on from there";
            outcome = std::unexpected(e);
            break;
        }
        entity->from = kept;
        if (later(entity->to, kept)) positions[q.entity] = entity->to;
        entity->to = positions.value(q.entity, "");
        report.entities.push_back(*entity);
    }
    if (outcome) outcome = commit(true);
    if (commits > 0 || outcome) {
        // What was committed is tracked (after a failure too: it is consistent).
        std::vector<std::string> warnings;
        auto tracked = store.retrack(warnings);
        if (!tracked) return std::unexpected(tracked.error());
        report.saved.tracked = *tracked;
        for (auto& w : warnings) report.saved.warnings.push_back(w);
    }
    if (!outcome) return std::unexpected(outcome.error());
    return report;
}

}  // namespace toezeg::pipeline
