#pragma once
// Keeps the number of pack files of a bare git repository small: every ingest batch writes
// one pack, and libgit2 looks an object up pack by pack, so hundreds of packs make every
// read slower. consolidate_packs writes every reachable object into one new pack and only
// then removes the old packs and the loose objects the new pack holds.
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace toezeg::corpus {

struct PackCount {
    std::size_t packs = 0;  // pack files with their index (objects/pack/pack-*.idx and .pack)
    std::size_t loose = 0;  // loose objects (objects/xx/...)
};

struct Consolidation {
    PackCount before, after;
    std::size_t objects = 0;  // objects in the new pack
    std::string pack;         // the new pack's file name ("pack-<hash>.pack"), empty when nothing was done
};

// How many packs ingest lets accumulate before it consolidates them: git's own setting
// gc.autoPackLimit in the repository's config (`git --git-dir store/corpus.git config
// gc.autoPackLimit 20`), 50 (git's default too) when it is not set or cannot be read; 0 turns
// the automatic consolidation off, as in git. A negative or unreadable value counts as unset.
std::size_t auto_pack_limit(const std::filesystem::path& git_dir);
inline constexpr std::size_t k_default_auto_pack_limit = 50;

// Counts packs and loose objects without opening the repository.
PackCount count_packs(const std::filesystem::path& git_dir);

// Writes every object reachable from the repository's references into one new pack (with its
// index, both synced to disk with their folder), then removes the other packs (index first,
// so a crash in between leaves a pack git ignores, which the next run removes) and the loose
// objects the new pack holds. Packs with a .keep file are left alone. The caller holds the
// store's lock and has no open batch; repository handles opened before should be reopened.
// A crash at any point leaves every reachable object readable.
Result<Consolidation> consolidate_packs(const std::filesystem::path& git_dir);

}  // namespace toezeg::corpus
