#include "cli/app.hpp"

#include <exception>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/output.hpp"

namespace toezeg::cli {

int run(int argc, char** argv) {
    CLI::App app{"toezeg: follow ministers' commitments (toezeggingen) and motions (moties) across letters to parliament"};
    app.set_version_flag("--version", std::string("toezeg ") + TOEZEG_VERSION);
    app.require_subcommand(1, 1);
    app.footer("Exit codes: 0 ok, 1 some inputs failed, 2 usage or fatal error.\n"
               "The store is --store DIR, else $TOEZEG_STORE, else .toezeg in the working directory.");
    Runner runner;
    setup_init(app, runner);
    setup_ingest(app, runner);
    setup_import(app, runner);
    setup_reindex(app, runner);
    setup_list(app, runner);
    setup_log(app, runner);
    setup_show(app, runner);
    setup_diff(app, runner);
    setup_detect(app, runner);
    setup_eval(app, runner);
    setup_status(app, runner);
    setup_item(app, runner);
    setup_link(app, runner);
    setup_unlink(app, runner);
    setup_review(app, runner);
    setup_accept(app, runner);
    setup_reject(app, runner);
    setup_correct(app, runner);
    setup_reconcile(app, runner);
    setup_report(app, runner);
    setup_fetch(app, runner);
    setup_ci(app, runner);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return k_exit_fatal;
    }
    try {
        return runner ? runner() : k_exit_fatal;
    } catch (const std::exception& e) {
        std::cerr << "toezeg: fatal: " << e.what() << "\n";
        return k_exit_fatal;
    }
}

}  // namespace toezeg::cli
