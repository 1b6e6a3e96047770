#pragma once
// Subcommands: each registers its options (setup, no file access) and does its work (run).
#include <CLI/CLI.hpp>

#include <functional>

namespace toezeg::cli {

// Registers a subcommand; `run` is set to the command's work, returning an exit code.
using Runner = std::function<int()>;
void setup_init(CLI::App& app, Runner& run);
void setup_ingest(CLI::App& app, Runner& run);
void setup_import(CLI::App& app, Runner& run);
void setup_reindex(CLI::App& app, Runner& run);
void setup_remove(CLI::App& app, Runner& run);
void setup_gc(CLI::App& app, Runner& run);
void setup_list(CLI::App& app, Runner& run);
void setup_log(CLI::App& app, Runner& run);
void setup_show(CLI::App& app, Runner& run);
void setup_diff(CLI::App& app, Runner& run);
void setup_detect(CLI::App& app, Runner& run);
void setup_eval(CLI::App& app, Runner& run);
void setup_status(CLI::App& app, Runner& run);
void setup_item(CLI::App& app, Runner& run);
void setup_search(CLI::App& app, Runner& run);
void setup_link(CLI::App& app, Runner& run);
void setup_unlink(CLI::App& app, Runner& run);
void setup_review(CLI::App& app, Runner& run);
void setup_accept(CLI::App& app, Runner& run);
void setup_reject(CLI::App& app, Runner& run);
void setup_correct(CLI::App& app, Runner& run);
void setup_report(CLI::App& app, Runner& run);
void setup_fetch(CLI::App& app, Runner& run);
void setup_sync(CLI::App& app, Runner& run);
void setup_ci(CLI::App& app, Runner& run);
void setup_reconcile(CLI::App& app, Runner& run);

}  // namespace toezeg::cli
