// The command line's entry: the command table, global flags, parse errors worded once.
#include "cli/app.hpp"

#include <chrono>
#include <cstdlib>
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
    man->footer("Read it with: toezeg man | man -l -\n"
                "The date in its header is the month of $SOURCE_DATE_EPOCH (seconds since 1970-01-01 UTC; the build\n"
                "sets it to the commit's time), else this month, so one commit always gives the same page.");
    man->callback([&run, &app] {
        run = [&app] {
            const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
            std::string month = Date::today().iso().substr(0, 7);
            if (epoch != nullptr && *epoch != '\0') {
                auto given = man_page_month(epoch);
                if (!given) {
                    std::cerr << "toezeg: error: SOURCE_DATE_EPOCH: '" << epoch
                              << "' is not a whole number of seconds since 1970-01-01 UTC; unset it or give e.g. "
                                 "$(git log -1 --format=%ct)\n";
                    return k_exit_fatal;
                }
                month = *given;
            }
            std::cout << man_page(app, TOEZEG_VERSION, month);
            return k_exit_ok;
        };
    });
}

// The flags toezeg itself takes before the command (none of them takes a value).
bool global_flag(std::string_view arg) {
    return arg == "-q" || arg == "--quiet" || arg == "-v" || arg == "--verbose" || arg == "-h" || arg == "--help" ||
           arg == "--version";
}

// What the user gave where the command belongs: the first argument that is not a global flag.
std::string typed_command(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (!global_flag(argv[i])) return argv[i];
    return "";
}

// Every parse error goes out here, with the `toezeg: error:` prefix; a wrong or missing
// command gets the list of commands, a mistyped one the nearest ("bedoelde u status?").
int parse_error(const CLI::App& app, const CLI::ParseError& e, int argc, char** argv) {
    std::string typed = typed_command(argc, argv);
    const char* commands_hint = "\nRun 'toezeg --help' for the list of commands.\n";
    if (typed.empty()) {
        std::cerr << "toezeg: error: no command given" << commands_hint;
        return k_exit_fatal;
    }
    if (typed.starts_with('-')) {
        std::cerr << "toezeg: error: " << typed << " is not an option of toezeg itself; a command's options go after it "
                  << "(toezeg COMMAND " << typed << " ...)" << commands_hint;
        return k_exit_fatal;
    }
    bool known = false;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        known = known || sub->get_name() == typed;
    if (!known) {
        std::cerr << "toezeg: error: unknown command '" << typed << "'";
        if (auto near = nearest_subcommand(app, typed); !near.empty()) std::cerr << "; bedoelde u " << near << "?";
        std::cerr << commands_hint;
        return k_exit_fatal;
    }
    // --quiet with --verbose is an error of toezeg's own flags, not of the command's options.
    std::string_view what = e.what();
    if (what.starts_with("--quiet") || what.starts_with("--verbose")) {
        std::cerr << "toezeg: error: " << what << "\nRun 'toezeg --help' for its options.\n";
        return k_exit_fatal;
    }
    std::cerr << "toezeg: error: " << what << "\nRun 'toezeg " << typed << " --help' for its options.\n";
    return k_exit_fatal;
}

}  // namespace

int run(int argc, char** argv) {
    CLI::App app{"toezeg: follow ministers' commitments (toezeggingen) and motions (moties) across letters to parliament",
                 "toezeg"};  // named, so --help says "Usage: toezeg ..." wherever the binary lies
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
