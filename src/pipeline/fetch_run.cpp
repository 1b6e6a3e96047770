#include "pipeline/fetch_run.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "fetch/feed_start.hpp"
#include "fetch/official_identity.hpp"
#include "fetch/sync_feed.hpp"
#include "ingest/read_document.hpp"
#include "pipeline/import_records.hpp"
#include "util/files.hpp"
#include "util/json_text.hpp"

namespace toezeg::pipeline {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr const char* k_state_path = "state/fetch.json";
constexpr int k_max_tries = 10;  // runs that try a failed document before it is given up

bool safe_guid(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '-')) return false;
    return true;
}

std::string extension_for(const std::string& content_type) {
    if (content_type.find("pdf") != std::string::npos) return ".pdf";
    if (content_type.find("xml") != std::string::npos) return ".xml";
    return ".txt";
}

std::string digits(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c >= '0' && c <= '9') out.push_back(c);
    return out;
}

}  // namespace

Result<FetchReport> run_fetch(Store& store, const FetchOptions& options) {
    json state = json::parse(store.corpus().read_file(k_state_path).value_or("{}"), nullptr, false);
    if (state.is_discarded() || !state.is_object()) state = json::object();
    const json before = state;
    std::string base = options.base_url;
    while (base.ends_with("/")) base.pop_back();
    std::string first = base + "/SyncFeed/2.0/Feed?category=Document";
    std::string url = first;
    bool resumes = state.value("base", "") == base && !state.value("next", "").empty();
    if (resumes) url = first + "&skiptoken=" + state.value("next", "");
    json& seen = state["seen"];
    if (!seen.is_object()) seen = json::object();

    fetch::HttpOptions http_options = options.http;
    if (options.max_time) http_options.deadline = std::chrono::steady_clock::now() + *options.max_time;
    fetch::HttpClient http(http_options);
    FetchReport report;
    if (!resumes && !options.since.empty()) {
        auto start = fetch::find_feed_start(http, first, options.since);
        if (!start) return std::unexpected(start.error());
        report.search_requests = start->requests;
        if (!start->skiptoken.empty()) url = first + "&skiptoken=" + start->skiptoken;
    }
    auto out_of_time = [&] {
        report.stopped = "stopped early: the time budget of " + std::to_string(options.max_time ? options.max_time->count() : 0) +
                         " s (--max-time) is spent; the next run resumes here";
    };
    // One document of the feed: downloaded, filtered by dossier, ingested.
    enum class Taken { done, failed, no_time };
    auto take = [&](const fetch::FeedDocument& d) -> Taken {
        // Streamed into the store's folder, never held whole, refused past --max-size.
        fs::path partial = store.paths().root / ("download-" + d.id + ".part");
        auto file = http.download(base + "/SyncFeed/2.0/Resources/" + d.id, partial, options.max_resource_bytes);
        if (!file) {
            if (http.last_failure() == fetch::Failure::out_of_time) return Taken::no_time;
            report.errors.push_back(file.error());
            return Taken::failed;
        }
        fs::path download = store.paths().root / ("download-" + d.id + extension_for(file->content_type));
        std::error_code renamed;
        fs::rename(partial, download, renamed);
        if (renamed) {
            report.errors.push_back(Error{download.string(), "cannot keep the download: " + renamed.message()});
            return Taken::failed;
        }
        if (!options.dossier.empty()) {
            auto bytes = files::read(download, options.max_resource_bytes);
            auto doc = ingest::read_text_document(bytes.value_or(""), download.string(), {});
            if (doc && digits(doc->meta.dossier).find(digits(options.dossier)) != 0) {
                fs::remove(download);
                ++report.skipped;
                seen[d.id] = {{"updated", d.updated}, {"doc", ""}, {"skipped", "other dossier"}};
                return Taken::done;
            }
        }
        // The entry's identity, and the OData Document record of the same Id where the store
        // holds one (sync, import), which knows the Kamerstuk; the source is its official address.
        IngestOptions ingest_options;
        ingest_options.force = true;  // the feed serves parliamentary documents only
        ingest_options.official = fetch::identity_of_feed(d);
        if (auto record = store.corpus().read_file(official_record_path("Document", d.id))) {
            json r = json::parse(*record, nullptr, false);
            if (r.is_object()) ingest_options.official = fetch::merge_identity(ingest_options.official, fetch::identity_of_record(r));
        }
        ingest_options.source = ingest_options.official.address.empty() ? base + "/SyncFeed/2.0/Resources/" + d.id
                                                                         : ingest_options.official.address;
        auto result = ingest_file(store, download, ingest_options);
        fs::remove(download);
        result.source = d.number.empty() ? d.id : d.number;
        bool failed = result.outcome == Outcome::failed;
        if (failed) report.errors.push_back(Error{result.source, result.error.message});
        else seen[d.id] = {{"updated", d.updated}, {"doc", result.id}};
        report.ingested.push_back(std::move(result));
        return failed ? Taken::failed : Taken::done;
    };
    // A document that failed is tried again by the next runs, after the feed (its page is behind
    // the saved position), k_max_tries times in all; then it is given up, with its last error.
    json& retry = state["retry"];
    if (!retry.is_object()) retry = json::object();
    auto remember_failure = [&](const fetch::FeedDocument& d) {
        const json* earlier = retry.contains(d.id) ? &retry[d.id] : nullptr;
        int tries = earlier && earlier->is_object() && earlier->contains("tries") && (*earlier)["tries"].is_number_integer()
                        ? static_cast<int>(std::clamp<std::int64_t>((*earlier)["tries"].get<std::int64_t>(), 0, k_max_tries)) + 1
                        : 1;
        if (tries >= k_max_tries) {
            retry.erase(d.id);
            report.given_up.push_back(d.id);
            return;
        }
        retry[d.id] = {{"soort", d.soort},     {"number", d.number}, {"title", d.title},
                       {"subject", d.subject}, {"date", d.date},     {"content_type", d.content_type},
                       {"updated", d.updated}, {"tries", tries}};
    };
    std::vector<fetch::FeedDocument> again;  // those of earlier runs, tried after the feed
    for (auto& [id, r] : retry.items())
        if (r.is_object() && safe_guid(id))
            again.push_back({id, false, json_text::field(r, "soort"), json_text::field(r, "number"),
                             json_text::field(r, "title"), json_text::field(r, "subject"), json_text::field(r, "date"),
                             json_text::field(r, "content_type"), json_text::field(r, "updated")});
    std::set<std::string> taken;  // documents this run took from the feed
    std::set<std::string> pages_read{url};
    std::set<std::string> entries_read;
    bool stop = false;
    auto handle = [&](const fetch::FeedDocument& d) {
        switch (take(d)) {
            case Taken::no_time:
                out_of_time();
                stop = true;
                return;
            case Taken::failed:
                remember_failure(d);
                return;
            case Taken::done:
                retry.erase(d.id);
                return;
        }
    };
    for (int page_number = 0; !stop; ++page_number) {
        if (page_number >= options.max_pages) {
            report.stopped = "stopped early after " + std::to_string(options.max_pages) + " feed page" +
                             (options.max_pages == 1 ? "" : "s") + " (--max-pages); the next run resumes here";
            break;
        }
        auto response = http.get(url);
        if (!response) {
            if (http.last_failure() == fetch::Failure::out_of_time) {
                out_of_time();
                break;
            }
            if (report.pages == 0) return std::unexpected(response.error());
            report.errors.push_back(response.error());
            break;
        }
        auto page = fetch::parse_feed_page(response->body, url);
        if (!page) {
            if (report.pages == 0) return std::unexpected(page.error());
            report.errors.push_back(page.error());
            break;
        }
        ++report.pages;
        bool any_new = page->documents.empty();
        for (auto& d : page->documents) any_new |= entries_read.insert(d.id + "\n" + d.updated).second;
        if (!any_new) {
            report.stopped = "stopped: feed page " + url + " holds only entries already read in this run (a paging loop)";
            break;
        }
        for (auto& d : page->documents) {
            if (stop) break;
            ++report.entries;
            if (d.deleted) {
                std::string known = seen.contains(d.id) ? seen[d.id].value("doc", "") : "";
                report.deleted.push_back(d.id + (known.empty() ? "" : " (" + known + ")"));
                if (seen.contains(d.id)) seen[d.id]["deleted"] = true;
                retry.erase(d.id);
                continue;
            }
            bool wanted_kind = options.soort.empty() ||
                               std::find(options.soort.begin(), options.soort.end(), d.soort) != options.soort.end();
            bool recent_enough = options.since.empty() || d.updated.substr(0, 10) >= options.since;
            if (!wanted_kind || !recent_enough || !safe_guid(d.id)) {
                ++report.skipped;
                continue;
            }
            if (seen.contains(d.id) && seen[d.id].value("updated", "") == d.updated) {
                ++report.skipped;  // fetched before, unchanged upstream
                continue;
            }
            taken.insert(d.id);
            handle(d);
        }
        if (stop) break;  // this page is not done: the next run starts at it again
        if (page->next.empty()) break;
        std::string token = fetch::skiptoken_of(page->next);
        if (!pages_read.insert(page->next).second || (!token.empty() && token == fetch::skiptoken_of(url))) {
            report.stopped = "stopped: the feed's next link " + page->next +
                             " points back to a page already read in this run (a paging loop)";
            break;
        }
        if (!token.empty()) state["next"] = token;
        url = page->next;
    }
    // The documents that failed in earlier runs, unless the feed brought them again (or the time is spent).
    for (auto& d : again) {
        if (stop) break;
        if (taken.contains(d.id) || !retry.contains(d.id)) continue;
        ++report.retried;
        handle(d);
    }
    report.pending = retry.size();
    state["base"] = base;
    if (state != before) {
        auto saved = store.corpus().write_file(k_state_path, state.dump(1) + "\n",
                                               "Fetch: " + std::to_string(report.ingested.size()) + " documents from " + base + "\n");
        if (!saved) return std::unexpected(saved.error());
        store.index().set_state("indexed_head", *saved);
    }
    return report;
}

Error given_up_error(const std::string& guid) {
    return Error{guid, "failed in " + std::to_string(k_max_tries) + " runs in a row; given up, not tried again"};
}

}  // namespace toezeg::pipeline
