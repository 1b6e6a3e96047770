// init, ingest, reindex, remove, gc: the commands that write to a store.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/store_access.hpp"
#include "db/tracked_items.hpp"
#include "pipeline/ingest_files.hpp"
#include "pipeline/store.hpp"

namespace toezeg::cli {

namespace {
void add_store_option(CLI::App* cmd, std::string& store) {
    cmd->add_option("--store", store, "Store directory (default: $TOEZEG_STORE, else .toezeg)");
}
}  // namespace

void setup_init(CLI::App& app, Runner& run) {
    auto store = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("init", "Create an empty store (a git repository and an SQLite index)");
    add_store_option(cmd, *store);
    cmd->callback([&run, store] {
        run = [store] {
            auto paths = pipeline::resolve_store(*store);
            auto done = pipeline::Store::init(paths);
            if (!done) {
                print_error(done.error());
                return k_exit_fatal;
            }
            std::cout << "initialised store " << paths.root.string() << "\n";
            return k_exit_ok;
        };
    });
}

void setup_ingest(CLI::App& app, Runner& run) {
    struct Options {
        std::string store;
        std::vector<std::string> paths;
        pipeline::IngestOptions ingest;
        double max_mb = 20;
        bool init = false, follow_symlinks = false, json_out = false;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("ingest", "Add letters (files or folders, recursively) to the store");
    add_store_option(cmd, o->store);
    cmd->add_option("paths", o->paths, "Files or folders to ingest")->required();
    cmd->add_option("--as", o->ingest.as_id, "File the input as a new version of this stored document");
    cmd->add_option("--id", o->ingest.id, "Use this id for the document instead of deriving one");
    cmd->add_option("--date", o->ingest.date, "Letter date (YYYY-MM-DD) when the text has none");
    cmd->add_option("--max-size", o->max_mb, "Refuse files larger than this many MB (default 20)");
    cmd->add_option("--pdf-time", o->ingest.pdf_seconds, "Seconds reading one PDF may take before it is refused (default 10)")
        ->check(CLI::Range(1, 3600));
    cmd->add_flag("--init", o->init, "Create the store first when there is none");
    cmd->add_flag("--force", o->ingest.force,
                  "Store files even when nothing marks them as parliamentary documents (refused otherwise)");
    cmd->add_flag("--json", o->json_out,
                  "JSON Lines: one object per file ({source, outcome, id, version, note, warnings, error}), then "
                  "{\"summary\": {...}}");
    cmd->add_flag("--follow-symlinks", o->follow_symlinks,
                  "Read symbolic links in folders that point outside the folder (refused otherwise)");
    cmd->callback([&run, o] {
        run = [o] {
            auto store = open_store(o->store, pipeline::Access::write, o->init);
            if (!store) return k_exit_fatal;
            if (!o->ingest.as_id.empty() && o->paths.size() != 1) {
                print_error(Error{"--as", "takes exactly one file"});
                return k_exit_fatal;
            }
            o->ingest.max_bytes = static_cast<std::size_t>(o->max_mb * 1e6);
            std::vector<Error> refused;
            auto files = pipeline::expand_inputs(o->paths, &refused, o->follow_symlinks);
            if (!files) {
                print_error(files.error());
                return k_exit_fatal;
            }
            int counts[4] = {0, 0, 0, static_cast<int>(refused.size())};
            for (auto& r : refused) {
                print_error(r);
                if (o->json_out)
                    std::cout << nlohmann::json{{"source", r.subject}, {"outcome", "failed"}, {"error", error_to_json(r)}}.dump() << "\n";
            }
            std::vector<std::vector<std::string>> rows;
            auto ingested = pipeline::ingest_files(*store, *files, o->ingest, [&](const pipeline::IngestResult& r) {
                ++counts[static_cast<int>(r.outcome)];
                for (auto& w : r.warnings) print_warning(r.source, w);
                if (o->json_out) std::cout << ingest_result_json(r).dump() << "\n" << std::flush;
                if (r.outcome == pipeline::Outcome::failed) {
                    print_error(r.error);
                    return;
                }
                std::string line = std::string(pipeline::to_string(r.outcome));
                rows.push_back({line, r.id, "v" + std::to_string(r.version), r.source + (r.note.empty() ? "" : "  (" + r.note + ")")});
            });
            if (!o->json_out) std::cout << format_table(rows);
            if (!ingested) {
                print_error(ingested.error());
                return k_exit_fatal;
            }
            // Tracking only changes when a document or version was added, or when a killed run
            // indexed letters without tracking them.
            std::optional<std::size_t> tracked;
            if (counts[0] + counts[1] > 0 || !store->tracking_is_current()) tracked = retrack(*store);
            else tracked = db::load_tracked_summaries(store->index().database(), {}).size();
            if (!tracked) return k_exit_fatal;
            std::size_t n_files = files->size() + refused.size();
            if (o->json_out) {
                std::cout << nlohmann::json{{"summary",
                                             {{"files", n_files}, {"new", counts[0]}, {"new_versions", counts[1]},
                                              {"unchanged", counts[2]}, {"failed", counts[3]}, {"tracked_items", *tracked}}}}
                                 .dump()
                          << "\n";
                return counts[3] ? k_exit_some_failed : k_exit_ok;
            }
            std::cout << n_files << " file" << (n_files == 1 ? "" : "s") << ": " << counts[0] << " new, "
                      << counts[1] << " new version" << (counts[1] == 1 ? "" : "s") << ", " << counts[2]
                      << " unchanged, " << counts[3] << " failed; " << tracked_items(*tracked) << "\n";
            return counts[3] ? k_exit_some_failed : k_exit_ok;
        };
    });
}

void setup_reindex(CLI::App& app, Runner& run) {
    auto store = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("reindex", "Rebuild the SQLite index from the git repository alone");
    add_store_option(cmd, *store);
    cmd->callback([&run, store] {
        run = [store] {
            auto paths = pipeline::resolve_store(*store);
            if (!std::filesystem::exists(paths.git() / "HEAD")) {
                print_error(Error{paths.root.string(), "no store here; create one with `toezeg init`"});
                return k_exit_fatal;
            }
            auto n = pipeline::Store::reindex(paths);
            if (!n) {
                print_error(n.error());
                return k_exit_fatal;
            }
            std::cout << "reindexed " << *n << " document version" << (*n == 1 ? "" : "s") << " from git\n";
            return k_exit_ok;
        };
    });
}

}  // namespace toezeg::cli

namespace toezeg::cli {

void setup_remove(CLI::App& app, Runner& run) {
    struct Options {
        std::string store, reason;
        std::vector<std::string> ids;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("remove", "Take documents out of the tracked state (their history stays in git)");
    add_store_option(cmd, o->store);
    cmd->add_option("ids", o->ids, "Document ids (see `toezeg list`)")->required();
    cmd->add_option("--reason", o->reason, "Why, for the commit message (e.g. \"not a letter: ingested by mistake\")");
    cmd->footer("Each removal is a git commit that takes documents/<shard>/<id>/ out of the tree; `git log` keeps\n"
                "every version, reindex keeps the removal, and ingesting the file again brings the document back.\n"
                "Exit codes: 0 ok, 1 some ids unknown, 2 usage or fatal error.");
    cmd->callback([&run, o] {
        run = [o] {
            auto store = open_store(o->store, pipeline::Access::write);
            if (!store) return k_exit_fatal;
            int removed = 0, failed = 0;
            for (auto& id : o->ids) {
                if (auto done = store->remove_document(current_document_id(*store, id), o->reason); !done) {
                    print_error(done.error());
                    ++failed;
                    continue;
                }
                std::cout << "removed " << id << "\n";
                ++removed;
            }
            if (removed > 0 && !retrack(*store)) return k_exit_fatal;
            std::cout << removed << " removed, " << failed << " failed\n";
            return failed == 0 ? k_exit_ok : k_exit_some_failed;
        };
    });
}

}  // namespace toezeg::cli

namespace toezeg::cli {

void setup_gc(CLI::App& app, Runner& run) {
    struct Options {
        std::string store;
        bool json = false;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("gc", "Write the git repository's packs and loose objects into one pack");
    add_store_option(cmd, o->store);
    cmd->add_flag("--json", o->json,
                  "One object: {packs_before, packs_after, loose_before, loose_after, objects, pack}");
    cmd->footer(
        "Every ingest batch of 1,000 files writes one pack; ingest already does this by itself when there\n"
        "are more than git's gc.autoPackLimit (50 unless `git --git-dir STORE/corpus.git config\n"
        "gc.autoPackLimit N` says otherwise; 0: never). The new pack and its index are on disk (synced)\n"
        "before an old pack is removed; "
        "objects no reference reaches are left out. Exit codes: 0 ok, 2 fatal error.");
    cmd->callback([&run, o] {
        run = [o] {
            auto store = open_store(o->store, pipeline::Access::write);
            if (!store) return k_exit_fatal;
            auto done = store->consolidate_packs(0);
            if (!done) {
                print_error(done.error());
                return k_exit_fatal;
            }
            if (o->json) {
                std::cout << nlohmann::json{{"packs_before", done->before.packs}, {"packs_after", done->after.packs},
                                            {"loose_before", done->before.loose}, {"loose_after", done->after.loose},
                                            {"objects", done->objects},           {"pack", done->pack}}
                                 .dump()
                          << "\n";
            } else if (done->pack.empty()) {
                std::cout << "nothing to do: " << done->before.packs << " pack" << (done->before.packs == 1 ? "" : "s")
                          << ", " << done->before.loose << " loose objects\n";
            } else {
                std::cout << "packs: " << done->before.packs << " -> " << done->after.packs
                          << ", loose objects: " << done->before.loose << " -> " << done->after.loose << ", "
                          << done->objects << " objects in " << done->pack << "\n";
            }
            return k_exit_ok;
        };
    });
}

}  // namespace toezeg::cli
