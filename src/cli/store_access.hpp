#pragma once
// Opening the store and retracking from a command, with errors printed the CLI's way.
#include <optional>
#include <string>

#include "pipeline/store.hpp"

namespace toezeg::cli {

// The store named by --store (or the default); `create` makes it when there is none.
std::optional<pipeline::Store> open_store(const std::string& flag, pipeline::Access access, bool create = false);
// The current id of the tracked item or document `id`: `id` itself when one has it, else
// what an old id stands for (an alias kept when ids changed; said on stderr, not under
// --quiet), else `id` unchanged (the caller reports it unknown).
std::string current_item_id(pipeline::Store& store, const std::string& id);
std::string current_document_id(pipeline::Store& store, const std::string& id);
// Recomputes the tracked items; warnings and errors go to stderr. nullopt on failure.
std::optional<std::size_t> retrack(pipeline::Store& store);

}  // namespace toezeg::cli
