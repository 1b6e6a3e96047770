// fetch, ci: new publications from the open-data service, and the job a CI runs weekly.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/network_options.hpp"
#include "cli/output.hpp"
#include "cli/store_access.hpp"
#include "core/date.hpp"
#include "db/tracked_items.hpp"
#include "pipeline/ci_run.hpp"
#include "pipeline/fetch_run.hpp"
#include "report/ci_summary.hpp"
#include "util/text.hpp"

namespace toezeg::cli {

namespace {

struct FetchFlags {
    std::string base_url = pipeline::FetchOptions{}.base_url, dossier, since;
    std::vector<std::string> soort;
    int max_pages = 1000;
    double timeout = 60;
    double max_time = 0;     // seconds for the whole fetch; 0 = no budget
    double max_size = 20;    // MB per document
};

void add_fetch_flags(CLI::App* cmd, FetchFlags& f) {
    cmd->add_option("--base-url", f.base_url, "Open-data service to read (default the Tweede Kamer's)");
    cmd->add_option("--soort", f.soort, "Only documents of this kind, e.g. \"Brief regering\" (repeat for more kinds)")
        ->allow_extra_args(false);  // one kind per --soort, so a folder after it stays a folder
    cmd->add_option("--since", f.since,
                    "A store without a feed position starts at the changes of this day (YYYY-MM-DD), found by a "
                    "search of about 50 page requests, instead of at the feed's oldest page; older entries are skipped")
        ->check([](const std::string& v) {
            return Date::parse_iso(v) ? std::string() : "must be a date as YYYY-MM-DD, not '" + v + "'";
        });
    cmd->add_option("--dossier", f.dossier, "Only documents of this dossier, e.g. 32317");
    cmd->add_option("--max-pages", f.max_pages, "Read at most this many feed pages (default 1000)");
    cmd->add_option("--timeout", f.timeout, "Seconds before a request is abandoned (default 60)");
    cmd->add_option("--max-time", f.max_time,
                    "Seconds the whole fetch may take; when spent it stops cleanly, keeps what it ingested and "
                    "resumes there next time (exit 1). Default: no limit");
    cmd->add_option("--max-size", f.max_size, "Refuse a document larger than this many MB, while it downloads (default 20)");
}

pipeline::FetchOptions fetch_options(const FetchFlags& f) {
    pipeline::FetchOptions o;
    o.base_url = f.base_url;
    o.soort = f.soort;
    o.since = f.since;
    o.dossier = f.dossier;
    o.max_pages = f.max_pages;
    if (f.max_time > 0) o.max_time = std::chrono::seconds(static_cast<long>(f.max_time + 0.999));
    o.max_resource_bytes = static_cast<std::size_t>(std::max(0.0, f.max_size) * (1u << 20));
    o.http = http_options(f.timeout);
    return o;
}

// A document that failed (in its download or its ingest) is in r.errors, and is counted there only.
void print_fetch(const pipeline::FetchReport& r, std::ostream& out) {
    std::vector<std::vector<std::string>> rows;
    for (auto& i : r.ingested)
        if (i.outcome != pipeline::Outcome::failed)
            rows.push_back({std::string(pipeline::to_string(i.outcome)), i.id, "v" + std::to_string(i.version), i.source});
    std::size_t ingested = rows.size();
    for (auto& d : r.deleted) rows.push_back({"deleted upstream", d, "", ""});
    out << format_table(rows);
    out << "fetched " << r.pages << " feed page" << (r.pages == 1 ? "" : "s") << ", " << r.entries << " entries: "
        << ingested << " ingested, " << r.skipped << " skipped, " << r.deleted.size()
        << " deleted upstream, " << r.errors.size() << " failed";
    if (r.retried > 0) out << "; " << r.retried << " that failed before tried again";
    out << "\n";
}

nlohmann::json fetch_json(const pipeline::FetchReport& r) {
    nlohmann::json ingested = nlohmann::json::array(), errors = nlohmann::json::array();
    for (auto& i : r.ingested) ingested.push_back(ingest_result_json(i));
    for (auto& e : r.errors) errors.push_back(error_to_json(e));
    return {{"pages", r.pages},       {"entries", r.entries}, {"search_requests", r.search_requests},
            {"ingested", ingested},   {"skipped", r.skipped}, {"deleted", r.deleted},
            {"errors", errors},       {"stopped", r.stopped.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.stopped)},
            {"retried", r.retried},   {"pending", r.pending}, {"given_up", r.given_up}};
}

nlohmann::json ci_items_json(const std::vector<report::CiItem>& items) {
    nlohmann::json out = nlohmann::json::array();
    for (auto& i : items) {
        nlohmann::json o{{"id", i.id}, {"kind", i.kind}, {"subject", i.subject}, {"status", i.status}};
        if (!i.previous_status.empty()) o["previous_status"] = i.previous_status;
        if (!i.due.empty()) o["due"] = i.due;
        out.push_back(o);
    }
    return out;
}

nlohmann::json ci_json(const pipeline::CiRun& run, const report::CiSummary& summary, const std::string& as_of) {
    nlohmann::json documents = nlohmann::json::array(), errors = nlohmann::json::array();
    for (auto& r : run.results)
        if (r.outcome == pipeline::Outcome::added || r.outcome == pipeline::Outcome::new_version)
            documents.push_back(ingest_result_json(r));
    for (auto& e : run.errors) errors.push_back(error_to_json(e));
    return {{"as_of", as_of},
            {"new_documents", documents},
            {"new_items", ci_items_json(summary.new_items)},
            {"changed", ci_items_json(summary.changed)},
            {"overdue", ci_items_json(summary.overdue)},
            {"errors", errors},
            {"fetch_stopped", run.fetch_stopped.empty() ? nlohmann::json(nullptr) : nlohmann::json(run.fetch_stopped)},
            {"report", run.report_index.string()}};
}

}  // namespace

void setup_fetch(CLI::App& app, Runner& run) {
    auto store = std::make_shared<std::string>();
    auto f = std::make_shared<FetchFlags>();
    auto json_out = std::make_shared<bool>(false);
    auto* cmd = app.add_subcommand("fetch", "Fetch and ingest new documents from the Tweede Kamer open-data SyncFeed");
    cmd->add_option("--store", *store, "Store directory (default: $TOEZEG_STORE, else .toezeg)");
    add_fetch_flags(cmd, *f);
    cmd->add_flag("--json", *json_out,
                  "One JSON object: pages, entries, ingested (per document), skipped, deleted, errors, stopped, "
                  "retried, pending (failed documents the next run tries again), given_up");
    cmd->callback([&run, store, f, json_out] {
        run = [store, f, json_out] {
            auto opened = open_store(*store, pipeline::Access::write);
            if (!opened) return k_exit_fatal;
            auto report = pipeline::run_fetch(*opened, fetch_options(*f));
            if (!report) {
                print_error(report.error());
                // A job reading --json gets the reason too, not an empty stdout.
                if (*json_out) std::cout << nlohmann::json{{"error", error_to_json(report.error())}}.dump() << "\n";
                return k_exit_fatal;
            }
            for (auto& e : report->errors) print_error(e);
            for (auto& id : report->given_up) print_error(pipeline::given_up_error(id));
            if (report->pending > 0)
                std::cerr << "toezeg: " << report->pending << " document" << (report->pending == 1 ? "" : "s")
                          << " that failed will be tried again by the next fetch\n";
            auto tracked = retrack(*opened);
            if (*json_out) std::cout << fetch_json(*report).dump() << "\n";
            else print_fetch(*report, std::cout);
            if (!report->stopped.empty()) std::cerr << "toezeg: " << report->stopped << "\n";
            if (!tracked) return k_exit_fatal;
            return report->errors.empty() && report->stopped.empty() ? k_exit_ok : k_exit_some_failed;
        };
    });
}

void setup_ci(CLI::App& app, Runner& run) {
    struct Options {
        std::string store, out = "reports", summary, fail_on = "errors", as_of;
        std::vector<std::string> folders;
        bool no_fetch = false, force = false, json_out = false;
        FetchFlags fetch;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("ci", "The scheduled job: fetch, ingest folders, track, report, and a Markdown summary");
    cmd->add_option("--store", o->store, "Store directory (default: $TOEZEG_STORE, else .toezeg); created when missing");
    cmd->add_option("folders", o->folders, "Folders (or files) of new documents to ingest");
    cmd->add_flag("--no-fetch", o->no_fetch, "Do not contact the open-data service");
    cmd->add_flag("--force", o->force, "Store files from the folders even when nothing marks them as parliamentary documents");
    cmd->add_option("--out", o->out, "Report folder (default reports/)");
    cmd->add_option("--summary", o->summary, "Append the Markdown summary (Dutch) to this file instead of printing it");
    cmd->add_option("--fail-on", o->fail_on, "Exit 1 on: errors, overdue, or both (comma-separated; default errors)");
    cmd->add_option("--as-of", o->as_of, "Date for overdue and the report (default today)");
    cmd->add_flag("--json", o->json_out,
                  "Print the summary as one JSON object (new_documents, new_items, changed, overdue, errors, "
                  "fetch_stopped, report) instead of Markdown; --summary still gets the Markdown");
    add_fetch_flags(cmd, o->fetch);
    cmd->callback([&run, o] {
        run = [o] {
            std::set<std::string> policy;
            std::stringstream words(o->fail_on);
            for (std::string word; std::getline(words, word, ',');)
                if (!text::trim(word).empty()) policy.insert(std::string(text::trim(word)));
            for (auto& p : policy)
                if (p != "errors" && p != "overdue" && p != "none") {
                    print_error(Error{"--fail-on", "takes errors, overdue or none, not '" + p + "'"});
                    return k_exit_fatal;
                }
            if (!valid_date_option(o->as_of, "--as-of")) return k_exit_fatal;
            auto store = open_store(o->store, pipeline::Access::write, true);
            if (!store) return k_exit_fatal;
            pipeline::CiOptions options;
            if (!o->no_fetch) options.fetch = fetch_options(o->fetch);
            options.folders = o->folders;
            options.ingest.force = o->force;
            options.report_dir = o->out;
            options.as_of = o->as_of.empty() ? Date::today().iso() : o->as_of;
            auto done = pipeline::run_ci(*store, options);
            for (auto& w : done.tracking_warnings) print_warning("tracking", w);
            for (auto& e : done.errors) print_error(e);
            if (!done.fetch_stopped.empty()) std::cerr << "toezeg: fetch " << done.fetch_stopped << "\n";
            if (done.fetch_pending > 0)
                std::cerr << "toezeg: " << done.fetch_pending << " fetched document" << (done.fetch_pending == 1 ? "" : "s")
                          << " that failed will be tried again by the next run\n";
            auto summary = report::ci_summary(done, options.as_of);
            if (o->json_out) std::cout << ci_json(done, summary, options.as_of).dump() << "\n";
            if (o->summary.empty()) {
                if (!o->json_out) std::cout << summary.markdown;
            } else {
                std::ofstream out(o->summary, std::ios::app);
                out << summary.markdown;
                if (!out) {
                    print_error(Error{o->summary, "cannot write the summary"});
                    return k_exit_fatal;
                }
            }
            bool fail = (policy.contains("errors") && (!done.errors.empty() || !done.fetch_stopped.empty())) ||
                        (policy.contains("overdue") && !summary.overdue.empty());
            return fail ? k_exit_some_failed : k_exit_ok;
        };
    });
}

}  // namespace toezeg::cli
