// The command line's entry: the command table, global flags, parse errors worded once.
#include "cli/app.hpp"

#include <chrono>
#include <exception>
#include <iostream>

#include "cli/app_docs.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "core/date.hpp"

namespace toezeg::cli {

namespace {

// `toezeg completion bash|zsh` and `toezeg man`: generated from the command table.
void setup_docs(CLI::App& app, Runner& run) {
    auto shell = std::make_shared<std::string>();
    auto* completion = app.add_subcommand("completion", "Print a shell completion script (bash or zsh)");
    completion->add_option("shell", *shell, "bash or zsh")->required()->check(CLI::IsMember({"bash", "zsh"}));
    completion->footer("Install: toezeg completion bash > /etc/bash_completion.d/toezeg (cmake --install does this).");
    completion->callback([&run, &app, shell] {
        run = [&app, shell] {
            std::cout << completion_script(app, *shell);
            return k_exit_ok;
        };
    });
    auto* man = app.add_subcommand("man", "Print the manual page (roff) built from every command's --help");
    man->footer("Read it with: toezeg man | man -l -");
    man->callback([&run, &app] {
        run = [&app] {
            std::cout << man_page(app, TOEZEG_VERSION, Date::today().iso().substr(0, 7));
            return k_exit_ok;
        };
    });
}

// The first argument that is not an option: the command the user typed.
std::string typed_command(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (argv[i][0] != '-') return argv[i];
    return "";
}

int parse_error(const CLI::App& app, const CLI::ParseError& e, int argc, char** argv) {
    std::string typed = typed_command(argc, argv);
    bool known = false;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        known = known || sub->get_name() == typed;
    if (!typed.empty() && !known) {
        std::cerr << "toezeg: error: unknown command '" << typed << "'";
        if (auto near = nearest_subcommand(app, typed); !near.empty()) std::cerr << "; did you mean '" << near << "'?";
        std::cerr << "\nRun 'toezeg --help' for the list of commands.\n";
        return k_exit_fatal;
    }
    std::cerr << "toezeg: error: " << e.what() << "\nRun with --help for more information.\n";
    return k_exit_fatal;
}

}  // namespace

int run(int argc, char** argv) {
    CLI::App app{"toezeg: follow ministers' commitments (toezeggingen) and motions (moties) across letters to parliament"};
    app.set_version_flag("--version", std::string("toezeg ") + TOEZEG_VERSION);
    app.require_subcommand(1, 1);
    app.fallthrough();
    bool quiet = false, verbose = false;
    auto* q = app.add_flag("-q,--quiet", quiet, "Only errors on stderr: no warnings or progress");
    app.add_flag("-v,--verbose", verbose, "Also say which store is used and how long the command took")->excludes(q);
    app.footer("Exit codes: 0 ok, 1 some inputs failed, 2 usage or fatal error.\n"
               "The store is --store DIR, else $TOEZEG_STORE, else .toezeg in the working directory.");
    Runner runner;
    setup_init(app, runner);
    setup_ingest(app, runner);
    setup_import(app, runner);
    setup_reindex(app, runner);
    setup_remove(app, runner);
    setup_gc(app, runner);
    setup_list(app, runner);
    setup_log(app, runner);
    setup_show(app, runner);
    setup_diff(app, runner);
    setup_detect(app, runner);
    setup_eval(app, runner);
    setup_status(app, runner);
    setup_item(app, runner);
    setup_search(app, runner);
    setup_link(app, runner);
    setup_unlink(app, runner);
    setup_review(app, runner);
    setup_accept(app, runner);
    setup_reject(app, runner);
    setup_correct(app, runner);
    setup_reconcile(app, runner);
    setup_report(app, runner);
    setup_fetch(app, runner);
    setup_sync(app, runner);
    setup_ci(app, runner);
    setup_docs(app, runner);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        return parse_error(app, e, argc, argv);
    }
    set_verbosity(quiet ? Verbosity::quiet : verbose ? Verbosity::verbose : Verbosity::normal);
    auto start = std::chrono::steady_clock::now();
    try {
        int code = runner ? runner() : k_exit_fatal;
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
        print_note("done in " + std::to_string(ms.count()) + " ms, exit code " + std::to_string(code));
        return code;
    } catch (const std::exception& e) {
        std::cerr << "toezeg: fatal: " << e.what() << "\n";
        return k_exit_fatal;
    }
}

}  // namespace toezeg::cli
