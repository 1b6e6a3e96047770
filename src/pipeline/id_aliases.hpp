#pragma once
// Old ids that keep working: when a tracked item's id changes between runs (a new id rule,
// names cleaned) or the item is merged into another, the old id becomes an alias of the item
// that now holds its passages. Pure: previous and current items in, aliases out; the store
// keeps them in git (state/aliases.jsonl) and in the index (id_aliases, migration 012).
#include <map>
#include <set>
#include <string>
#include <vector>

#include "track/tracker.hpp"

namespace toezeg::pipeline {

// One old id and the id it now stands for.
struct IdAlias {
    std::string alias;
    std::string target;
    // "renamed": the same item under a new id; "merged": now part of an item that already
    // had its id; "document": a document id another id rule gives the stored document.
    std::string why;
};

// Items of an earlier run: id -> the passages it held, its first passage first.
using PreviousItems = std::map<std::string, std::vector<track::Passage>>;

// For each previous item whose id no current item has: the current item that holds its first
// passage, else the one holding most of its passages; "renamed" when that item's id is new
// (not in `previous_live`), else "merged". Items whose passages are all gone (a removed
// letter, a rejected detection) get no alias.
std::vector<IdAlias> find_item_aliases(const PreviousItems& previous, const std::set<std::string>& previous_live,
                                       const std::vector<track::TrackedItem>& current);

// Link and unlink corrections name items by id: an id that was renamed is replaced by its
// new id (through chains), so a correction made under an old id still applies. Only
// renames are followed: `link A B` makes B a merged alias of A, and the correction itself
// must still find B.
std::vector<track::Correction> with_current_ids(std::vector<track::Correction> corrections,
                                                const std::map<std::string, std::string>& renamed);

}  // namespace toezeg::pipeline
