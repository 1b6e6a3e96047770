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
#include "pipeline/fetch_run.hpp"
#include "report/format.hpp"
#include "report/site.hpp"
#include "util/text.hpp"

namespace toezeg::cli {

namespace {

struct FetchFlags {
    std::string base_url = pipeline::FetchOptions{}.base_url, soort, dossier;
    int max_pages = 1000;
    double timeout = 60;
    double max_time = 0;     // seconds for the whole fetch; 0 = no budget
    double max_size = 20;    // MB per document
};

void add_fetch_flags(CLI::App* cmd, FetchFlags& f) {
    cmd->add_option("--base-url", f.base_url, "Open-data service to read (default the Tweede Kamer's)");
    cmd->add_option("--soort", f.soort, "Only documents of this kind, e.g. \"Brief regering\"");
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
    o.dossier = f.dossier;
    o.max_pages = f.max_pages;
    if (f.max_time > 0) o.max_time = std::chrono::seconds(static_cast<long>(f.max_time + 0.999));
    o.max_resource_bytes = static_cast<std::size_t>(std::max(0.0, f.max_size) * (1u << 20));
    o.http = http_options(f.timeout);
    return o;
}

void print_fetch(const pipeline::FetchReport& r, std::ostream& out) {
    std::vector<std::vector<std::string>> rows;
    for (auto& i : r.ingested)
        if (i.outcome != pipeline::Outcome::failed)
            rows.push_back({std::string(pipeline::to_string(i.outcome)), i.id, "v" + std::to_string(i.version), i.source});
    for (auto& d : r.deleted) rows.push_back({"deleted upstream", d, "", ""});
    out << format_table(rows);
    out << "fetched " << r.pages << " feed page" << (r.pages == 1 ? "" : "s") << ", " << r.entries << " entries: "
        << r.ingested.size() - r.errors.size() << " ingested, " << r.skipped << " skipped, " << r.deleted.size()
        << " deleted upstream, " << r.errors.size() << " failed\n";
}

}  // namespace

void setup_fetch(CLI::App& app, Runner& run) {
    auto store = std::make_shared<std::string>();
    auto f = std::make_shared<FetchFlags>();
    auto* cmd = app.add_subcommand("fetch", "Fetch and ingest new documents from the Tweede Kamer open-data SyncFeed");
    cmd->add_option("--store", *store, "Store directory (default: $TOEZEG_STORE, else .toezeg)");
    add_fetch_flags(cmd, *f);
    cmd->callback([&run, store, f] {
        run = [store, f] {
            auto opened = open_store(*store, pipeline::Access::write);
            if (!opened) return k_exit_fatal;
            auto report = pipeline::run_fetch(*opened, fetch_options(*f));
            if (!report) {
                print_error(report.error());
                return k_exit_fatal;
            }
            for (auto& e : report->errors) print_error(e);
            auto tracked = retrack(*opened);
            print_fetch(*report, std::cout);
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
        bool no_fetch = false;
        FetchFlags fetch;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("ci", "The scheduled job: fetch, ingest folders, track, report, and a Markdown summary");
    cmd->add_option("--store", o->store, "Store directory (default: $TOEZEG_STORE, else .toezeg); created when missing");
    cmd->add_option("folders", o->folders, "Folders (or files) of new documents to ingest");
    cmd->add_flag("--no-fetch", o->no_fetch, "Do not contact the open-data service");
    cmd->add_option("--out", o->out, "Report folder (default reports/)");
    cmd->add_option("--summary", o->summary, "Write the Markdown summary to this file instead of stdout");
    cmd->add_option("--fail-on", o->fail_on, "Exit 1 on: errors, overdue, or both (comma-separated; default errors)");
    cmd->add_option("--as-of", o->as_of, "Date for overdue and the report (default today)");
    add_fetch_flags(cmd, o->fetch);
    cmd->callback([&run, o] {
        run = [o] {
            std::set<std::string> policy;
            {
                std::stringstream ss(o->fail_on);
                std::string word;
                while (std::getline(ss, word, ','))
                    if (!word.empty()) policy.insert(std::string(text::trim(word)));
            }
            for (auto& p : policy)
                if (p != "errors" && p != "overdue" && p != "none") {
                    print_error(Error{"--fail-on", "takes errors, overdue or none, not '" + p + "'"});
                    return k_exit_fatal;
                }
            std::string as_of = o->as_of.empty() ? Date::today().iso() : o->as_of;
            auto store = open_store(o->store, pipeline::Access::write, true);
            if (!store) return k_exit_fatal;
            std::map<std::string, std::string> before;
            for (auto& t : db::load_tracked_summaries(store->index().database(), {})) before[t.id] = t.status;

            std::vector<pipeline::IngestResult> results;
            std::vector<Error> errors;
            std::string stopped;
            if (!o->no_fetch) {
                auto fetched = pipeline::run_fetch(*store, fetch_options(o->fetch));
                if (!fetched) errors.push_back(fetched.error());
                else {
                    results = fetched->ingested;
                    errors.insert(errors.end(), fetched->errors.begin(), fetched->errors.end());
                    stopped = fetched->stopped;
                }
            }
            if (!stopped.empty()) std::cerr << "toezeg: fetch " << stopped << "\n";
            std::vector<Error> refused;
            auto files = pipeline::expand_inputs(o->folders, &refused);
            errors.insert(errors.end(), refused.begin(), refused.end());
            auto ingested = pipeline::ingest_files(*store, *files, {}, [&](const pipeline::IngestResult& r) {
                if (r.outcome == pipeline::Outcome::failed) errors.push_back(r.error);
                results.push_back(r);
            });
            if (!ingested) errors.push_back(ingested.error());
            if (!retrack(*store)) errors.push_back(Error{"tracking", "could not recompute the tracked items"});
            report::ReportOptions ro;
            ro.out_dir = o->out;
            ro.as_of = as_of;
            auto written = report::write_report(store->index(), ro);
            if (!written) errors.push_back(written.error());
            for (auto& e : errors) print_error(e);

            // The Markdown summary for the job page.
            db::TrackedQuery all;
            all.as_of = as_of;
            auto after = db::load_tracked_summaries(store->index().database(), all);
            std::ostringstream md;
            md << "# toezeg: stand per " << report::date_label(as_of) << "\n\n";
            int new_docs = 0;
            std::ostringstream docs;
            for (auto& r : results)
                if (r.outcome == pipeline::Outcome::added || r.outcome == pipeline::Outcome::new_version) {
                    ++new_docs;
                    docs << "- `" << r.id << "` (" << pipeline::to_string(r.outcome) << ", versie " << r.version << ")\n";
                }
            md << "## Nieuwe documenten (" << new_docs << ")\n\n" << (new_docs ? docs.str() : "Geen.\n") << "\n";
            std::ostringstream fresh, changed, late;
            int n_new = 0, n_changed = 0, n_late = 0;
            for (auto& t : after) {
                std::string line = "- [" + t.kind + "] " + (t.subject.empty() ? text::shorten(t.last_evidence, 100) : t.subject) +
                                   " (`" + t.id + "`)";
                auto it = before.find(t.id);
                if (it == before.end()) {
                    fresh << line << ": " << t.status << "\n";
                    ++n_new;
                } else if (it->second != t.status) {
                    changed << line << ": " << it->second << " → " << t.status << "\n";
                    ++n_changed;
                }
                if (t.overdue) {
                    late << line << ": termijn " << report::date_label(t.due) << "\n";
                    ++n_late;
                }
            }
            md << "## Nieuwe toezeggingen en moties (" << n_new << ")\n\n" << (n_new ? fresh.str() : "Geen.\n") << "\n";
            md << "## Statuswijzigingen (" << n_changed << ")\n\n" << (n_changed ? changed.str() : "Geen.\n") << "\n";
            md << "## Verlopen (" << n_late << ")\n\n" << (n_late ? late.str() : "Geen.\n") << "\n";
            if (!stopped.empty())
                md << "**Ophalen niet afgemaakt** (fetch " << stopped << "). Wat binnen is, is verwerkt; de volgende run gaat "
                      "verder waar deze stopte.\n\n";
            md << "Fouten: " << errors.size() << ". Rapport: `" << (std::filesystem::path(o->out) / "index.html").string() << "`.\n";
            if (o->summary.empty()) {
                std::cout << md.str();
            } else {
                std::ofstream out(o->summary, std::ios::app);
                out << md.str();
                if (!out) {
                    print_error(Error{o->summary, "cannot write the summary"});
                    return k_exit_fatal;
                }
            }
            bool fail = (policy.contains("errors") && (!errors.empty() || !stopped.empty())) ||
                        (policy.contains("overdue") && n_late > 0);
            return fail ? k_exit_some_failed : k_exit_ok;
        };
    });
}

}  // namespace toezeg::cli
