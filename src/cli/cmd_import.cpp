// import: official records of the Tweede Kamer's open data (OData JSON pages) and the registers into the store.
#include <iostream>
#include <map>
#include <memory>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/store_access.hpp"
#include "pipeline/import_records.hpp"

namespace toezeg::cli {

void setup_import(CLI::App& app, Runner& run) {
    struct Options {
        std::string store;
        std::vector<std::string> paths;
        bool init = false;
    };
    auto o = std::make_shared<Options>();
    auto* cmd =
        app.add_subcommand("import", "Load official records (Tweede Kamer open data, OData JSON pages; the registers) into the store");
    cmd->footer(
        "Reads Zaak, Document, Besluit, Stemming, Activiteit, Persoon and Fractie pages ({\"@odata.context\",\n"
        "\"value\": [...]}) saved as files;\n"
        "a relative @odata.nextLink names the next page's file, which is read too. A Verwijderd record is removed.\n"
        "All records of one import are one git commit (official/<Entity>/<xx>/<Id>.json); they decide each motion's\n"
        "fate: aangenomen (open until a letter carries it out), verworpen or gestaakt (rejected), aangehouden (held),\n"
        "ingetrokken or vervangen (lapsed). A file that is not a page is named with the reason, the rest imported.\n"
        "The commitments registers: Toezegging OData pages, SyncFeed toezegging XML (*.xml), and the Eerste Kamer's\n"
        "register pages and korte aantekeningen saved as HTML or text (*.html, *.htm, *.txt; in a folder only when\n"
        "they are register data); see `toezeg reconcile`. Activiteit, Persoon and Fractie records name the debate,\n"
        "Kamerlid and fractie a Toezegging gives only by number or Id.\n"
        "Exit codes: 0 ok, 1 some inputs failed, 2 usage or fatal error.");
    cmd->add_option("--store", o->store, "Store directory (default: $TOEZEG_STORE, else .toezeg)");
    cmd->add_option("paths", o->paths, "Page files (*.json), register files (*.xml, *.html, *.txt) or folders of them")->required();
    cmd->add_flag("--init", o->init, "Create the store first when there is none");
    cmd->callback([&run, o] {
        run = [o] {
            auto store = open_store(o->store, pipeline::Access::write, o->init);
            if (!store) return k_exit_fatal;
            auto done = pipeline::import_records(*store, o->paths);
            if (!done) {
                print_error(done.error());
                return k_exit_fatal;
            }
            for (auto& w : done->warnings) print_warning("import", w);
            for (auto& e : done->failed) print_error(e);
            std::map<std::string, std::size_t> per_entity;
            std::vector<std::vector<std::string>> rows;
            for (auto& p : done->pages) {
                per_entity[p.entity] += p.records;
                rows.push_back({p.entity, std::to_string(p.records), p.file});
            }
            std::cout << format_table(rows);
            std::string entities;
            for (auto& [e, n] : per_entity) entities += (entities.empty() ? "" : ", ") + std::to_string(n) + " " + e;
            std::cout << done->pages.size() << " page" << (done->pages.size() == 1 ? "" : "s") << " (" << entities
                      << "), " << done->failed.size() << " failed: " << done->added << " new, " << done->changed
                      << " changed, " << done->unchanged << " unchanged, " << done->deleted << " deleted; "
                      << tracked_items(done->tracked) << "\n";
            return done->failed.empty() ? k_exit_ok : k_exit_some_failed;
        };
    });
}

}  // namespace toezeg::cli
