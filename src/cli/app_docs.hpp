#pragma once
// Text derived from the command table itself: the nearest command to a mistyped one, shell
// completion scripts and the man page, so none of them can drift from `--help`.
#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace toezeg::cli {

// The subcommand of `app` whose name is closest to `typed` (edit distance at most 2, or a
// prefix of it), "" when none is close.
std::string nearest_subcommand(const CLI::App& app, std::string_view typed);

// A completion script for "bash" or "zsh": subcommands, then each subcommand's options.
std::string completion_script(const CLI::App& app, std::string_view shell);

// The man page (roff, section 1) built from the descriptions, options and footers.
std::string man_page(const CLI::App& app, std::string_view version, std::string_view date);

// The month in the man page's header ("2026-12") for SOURCE_DATE_EPOCH, the reproducible-builds
// convention: whole seconds since 1970-01-01 UTC, so every build of one commit writes the same
// page. nullopt when the value is not such a number (or past the year 9999).
std::optional<std::string> man_page_month(std::string_view source_date_epoch);

}  // namespace toezeg::cli
