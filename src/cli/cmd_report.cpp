// report: the static HTML site with exports.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/store_access.hpp"
#include "core/date.hpp"
#include "pipeline/store.hpp"
#include "report/site.hpp"

namespace toezeg::cli {

void setup_report(CLI::App& app, Runner& run) {
    struct Options {
        std::string store, out = "reports", as_of, week, templates, csv_dialect = "rfc4180";
        bool json_out = false;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("report", "Write the HTML report (dashboard, weekly report, items, documents) and exports");
    cmd->add_option("--store", o->store, "Store directory (default: $TOEZEG_STORE, else .toezeg)");
    cmd->add_option("--out", o->out, "Folder to write the site into (default reports/)");
    cmd->add_option("--as-of", o->as_of, "Date the report is for: overdue and recent are relative to it (default today)");
    cmd->add_option("--week", o->week, "ISO week of the weekly report, e.g. 2026-W12 (default: the last full week, else the latest week with documents)");
    cmd->add_option("--templates", o->templates, "Folder with templates that replace the built-in ones by name");
    cmd->add_option("--csv-dialect", o->csv_dialect,
                    "items.csv as rfc4180 (commas, the default) or excel-nl (BOM, semicolons, decimal commas: opens in Dutch Excel)")
        ->check(CLI::IsMember({"rfc4180", "excel-nl"}));
    cmd->add_flag("--json", o->json_out, "One JSON object: {index, written, unchanged, reused, removed, week_page}");
    cmd->callback([&run, o] {
        run = [o] {
            auto store = open_store(o->store, pipeline::Access::read);
            if (!store) return k_exit_fatal;
            report::ReportOptions options;
            options.out_dir = o->out;
            options.as_of = o->as_of.empty() ? Date::today().iso() : o->as_of;
            options.week = o->week;
            options.templates_dir = o->templates;
            options.csv_dialect = *report::parse_csv_dialect(o->csv_dialect);
            auto stats = report::write_report(store->index(), options);
            if (!stats) {
                print_error(stats.error());
                return k_exit_fatal;
            }
            std::string index = (std::filesystem::path(o->out) / "index.html").string();
            if (o->json_out) {
                std::cout << nlohmann::json{{"index", index},           {"written", stats->written},
                                            {"unchanged", stats->unchanged}, {"reused", stats->reused},
                                            {"removed", stats->removed},     {"week_page", stats->week_page}}
                                 .dump()
                          << "\n";
                return k_exit_ok;
            }
            std::cout << "report in " << (std::filesystem::path(o->out) / "index.html").string() << ": " << stats->written
                      << " files written, " << stats->unchanged << " unchanged (" << stats->reused
                      << " not rendered again), " << stats->removed << " removed; weekly report "
                      << stats->week_page
                      << (stats->week_note.empty() ? "" : " (the last full week had no documents: the latest week that has)")
                      << "\n";
            return k_exit_ok;
        };
    });
}

}  // namespace toezeg::cli
