#include "pipeline/fetch_run.hpp"

#include <nlohmann/json.hpp>

#include <fstream>

#include "fetch/sync_feed.hpp"
#include "ingest/read_document.hpp"

namespace toezeg::pipeline {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr const char* k_state_path = "state/fetch.json";

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
    if (state.value("base", "") == base && !state.value("next", "").empty())
        url = first + "&skiptoken=" + state.value("next", "");
    json& seen = state["seen"];
    if (!seen.is_object()) seen = json::object();

    fetch::HttpClient http(options.http);
    FetchReport report;
    for (int page_number = 0; page_number < options.max_pages; ++page_number) {
        auto response = http.get(url);
        if (!response) {
            if (report.pages == 0) return std::unexpected(response.error());
            report.errors.push_back(response.error());
            break;
        }
        auto page = fetch::parse_feed_page(response->body, url);
        if (!page) return std::unexpected(page.error());
        ++report.pages;
        for (auto& d : page->documents) {
            ++report.entries;
            if (d.deleted) {
                std::string known = seen.contains(d.id) ? seen[d.id].value("doc", "") : "";
                report.deleted.push_back(d.id + (known.empty() ? "" : " (" + known + ")"));
                if (seen.contains(d.id)) seen[d.id]["deleted"] = true;
                continue;
            }
            if ((!options.soort.empty() && d.soort != options.soort) || !safe_guid(d.id)) {
                ++report.skipped;
                continue;
            }
            if (seen.contains(d.id) && seen[d.id].value("updated", "") == d.updated) {
                ++report.skipped;  // fetched before, unchanged upstream
                continue;
            }
            auto file = http.get(base + "/SyncFeed/2.0/Resources/" + d.id);
            if (!file) {
                report.errors.push_back(file.error());
                continue;
            }
            fs::path download = store.paths().root / ("download-" + d.id + extension_for(file->content_type));
            {
                std::ofstream out(download, std::ios::binary);
                out << file->body;
            }
            if (!options.dossier.empty()) {
                auto doc = ingest::read_text_document(file->body, download.string(), {});
                if (doc && digits(doc->meta.dossier).find(digits(options.dossier)) != 0) {
                    fs::remove(download);
                    ++report.skipped;
                    seen[d.id] = {{"updated", d.updated}, {"doc", ""}, {"skipped", "other dossier"}};
                    continue;
                }
            }
            auto result = ingest_file(store, download, {});
            fs::remove(download);
            result.source = d.number.empty() ? d.id : d.number;
            if (result.outcome == Outcome::failed) {
                report.errors.push_back(Error{result.source, result.error.message});
            } else {
                seen[d.id] = {{"updated", d.updated}, {"doc", result.id}};
            }
            report.ingested.push_back(std::move(result));
        }
        if (page->next.empty()) break;
        std::string token = fetch::skiptoken_of(page->next);
        if (!token.empty()) state["next"] = token;
        url = page->next;
    }
    state["base"] = base;
    if (state != before) {
        auto saved = store.corpus().write_file(k_state_path, state.dump(1) + "\n",
                                               "Fetch: " + std::to_string(report.ingested.size()) + " documents from " + base + "\n");
        if (!saved) return std::unexpected(saved.error());
        store.index().set_state("indexed_head", *saved);
    }
    return report;
}

}  // namespace toezeg::pipeline
