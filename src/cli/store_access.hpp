#pragma once
// Opening the store and retracking from a command, with errors printed the CLI's way.
#include <optional>
#include <string>

#include "pipeline/store.hpp"

namespace toezeg::cli {

// The store named by --store (or the default); `create` makes it when there is none.
std::optional<pipeline::Store> open_store(const std::string& flag, pipeline::Access access, bool create = false);
// Recomputes the tracked items; warnings and errors go to stderr. nullopt on failure.
std::optional<std::size_t> retrack(pipeline::Store& store);

}  // namespace toezeg::cli
