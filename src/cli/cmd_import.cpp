// import: official records of the Tweede Kamer's open data (OData JSON pages) into the store.
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
        app.add_subcommand("import",
                           "Load official records (OData JSON pages of the Tweede Kamer's open data: Zaak, Document, "
                           "Besluit, Stemming, ...) "
                           "from files or folders; relative @odata.nextLink pages are followed, Verwijderd records "
                           "removed. The records are "
                           "committed to git in one commit and decide each motion's fate (aangenomen, verworpen, ...)");
    cmd->add_option("--store", o->store, "Store directory (default: $TOEZEG_STORE, else .toezeg)");
    cmd->add_option("paths", o->paths, "Page files (*.json) or folders of them")->required();
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
                      << done->tracked << " tracked items\n";
            return done->failed.empty() ? k_exit_ok : k_exit_some_failed;
        };
    });
}

}  // namespace toezeg::cli
