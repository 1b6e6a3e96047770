#pragma once
// The id_aliases table (migration 012) and what a retrack needs of the items before it:
// their ids and, for the ones that are gone, their passages.
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "db/sqlite.hpp"
#include "track/tracker.hpp"

namespace toezeg::db {

// An alias as stored: the id it stands for and why ("renamed", "merged", "document").
struct StoredAlias {
    std::string target;
    std::string why;
};

// Makes the item aliases in the table exactly `aliases` (alias -> what it stands for).
void replace_item_aliases(Database& db, const std::map<std::string, StoredAlias>& aliases);
std::map<std::string, StoredAlias> load_item_aliases(Database& db);
// A document id another id rule gives the stored document `target` (ignored when equal).
void add_document_alias(Database& db, const std::string& alias, const std::string& target);
void remove_document_aliases(Database& db, const std::string& target);
// The alias row of `id` of `kind` ("item" or "document"), if any.
std::optional<StoredAlias> find_alias(Database& db, const std::string& kind, const std::string& id);

// Every alias row: (kind, alias) -> what it stands for.
std::map<std::pair<std::string, std::string>, StoredAlias> load_aliases(Database& db);
// Follows `aliases` from `id` (through chains, at most 16 steps) to an id for which `exists`
// is true: that id and why the first step that merged (else the first step) was taken.
std::optional<std::pair<std::string, std::string>> follow_alias(const std::map<std::string, StoredAlias>& aliases,
                                                                const std::string& id,
                                                                const std::function<bool(const std::string&)>& exists);

// The ids of the tracked items as stored (before a retrack replaces them).
std::set<std::string> tracked_item_ids(Database& db);

// Whether a tracked item has the id `id`.
bool tracked_item_exists(Database& db, const std::string& id);
// The passages of the items `ids` named, from tracked_items, else (an item merged into
// another by a correction) from the linker's entries; an index without those tables gives
// none. Each item's first passage (by date) first.
std::map<std::string, std::vector<track::Passage>> load_previous_items(Database& db, const std::set<std::string>& ids);

}  // namespace toezeg::db
