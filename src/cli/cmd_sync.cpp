// sync: official records from the Tweede Kamer's OData API, incrementally, into the store.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/network_options.hpp"
#include "cli/output.hpp"
#include "cli/store_access.hpp"
#include "pipeline/sync_run.hpp"

namespace toezeg::cli {

void setup_sync(CLI::App& app, Runner& run) {
    struct Options {
        std::string store;
        pipeline::SyncOptions sync;
        double timeout = 60, max_time = 0;
        bool init = false;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand(
        "sync", "Read the official records that changed (Tweede Kamer OData API) into the store, as import does");
    cmd->footer(
        "Reads from https://gegevensmagazijn.tweedekamer.nl/OData/v5 (--base-url): Zaak (Soort 'Motie'), Document\n"
        "(motions and government letters, with their publications, actors, dossier and Zaak), Besluit (with its\n"
        "Zaak), Stemming, Toezegging, and Activiteit, Persoon and Fractie (the debate, Kamerlid and fractie a\n"
        "Toezegging names by reference), each ordered by GewijzigdOp from the position the last run reached (kept\n"
        "in git, state/sync.json, per service address), following @odata.nextLink (same host only, no loops) or\n"
        "$skip while pages are full. Records are saved as `import` saves them, a git commit every 10,000 records\n"
        "and at the end, each with the positions up to which every record is saved; a Verwijderd record is\n"
        "removed. A failed run (offline, HTTP errors after retries, a page that is not OData, a nextLink to another\n"
        "host) keeps what it committed, drops the rest, and the next run goes on from the committed positions.\n"
        "Exit codes: 0 ok, 2 usage or a failed run.");
    cmd->add_option("--store", o->store, "Store directory (default: $TOEZEG_STORE, else .toezeg)");
    cmd->add_option("--base-url", o->sync.base_url, "OData service to read (default the Tweede Kamer's v5)");
    cmd->add_option("--entity", o->sync.entities,
                    "Read only this entity set (repeatable): Zaak, Document, Besluit, Stemming, Toezegging, "
                    "Activiteit, Persoon, Fractie");
    cmd->add_option(
        "--since", o->sync.since,
        "Read changes from this date on (YYYY-MM-DD, midnight Dutch time) instead of from the kept position");
    cmd->add_option("--max-pages", o->sync.max_pages, "Pages per entity set before the run gives up (default 20000)");
    cmd->add_option("--timeout", o->timeout, "Seconds before a request is abandoned (default 60)");
    cmd->add_option("--max-time", o->max_time, "Seconds the whole run may take (default: no limit)");
    cmd->add_flag("--init", o->init, "Create the store first when there is none");
    cmd->callback([&run, o] {
        run = [o] {
            auto store = open_store(o->store, pipeline::Access::write, o->init);
            if (!store) return k_exit_fatal;
            pipeline::SyncOptions options = o->sync;
            options.http = http_options(o->timeout);
            if (o->max_time > 0) options.max_time = std::chrono::seconds(static_cast<long>(o->max_time + 0.999));
            auto done = pipeline::run_sync(*store, options);
            if (!done) {
                print_error(done.error());
                return k_exit_fatal;
            }
            for (auto& w : done->saved.warnings) print_warning("sync", w);
            std::vector<std::vector<std::string>> rows;
            for (auto& e : done->entities)
                rows.push_back({e.entity, std::to_string(e.records) + " read", std::to_string(e.deleted) + " deleted",
                                std::to_string(e.pages) + " pages", e.to.empty() ? "(no position)" : "to " + e.to});
            std::cout << format_table(rows);
            auto& s = done->saved;
            std::cout << done->requests << " request" << (done->requests == 1 ? "" : "s") << ": " << s.added << " new, "
                      << s.changed << " changed, " << s.unchanged << " unchanged, " << s.deleted << " deleted; "
                      << tracked_items(s.tracked) << "\n";
            return k_exit_ok;
        };
    });
}

}  // namespace toezeg::cli
