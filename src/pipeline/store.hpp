#pragma once
// A store directory: the git corpus (source of truth), its SQLite index and a write lock.
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "corpus/corpus_store.hpp"
#include "corpus/git_packs.hpp"
#include "db/corpus_index.hpp"
#include "db/id_aliases.hpp"
#include "track/tracker.hpp"
#include "util/file_lock.hpp"

namespace toezeg::pipeline {

// The items one version of a document may give to tracking. The longest real overview seen
// (a budget annex) lists a few hundred; a 20 MB text of one paragraph repeated gives 49,383
// and would cost tracking seconds per thousand (bench/RESULTS.md, "large letters").
constexpr std::size_t k_max_items_per_version = 5000;

struct StorePaths {
    std::filesystem::path root;
    std::filesystem::path git() const { return root / "corpus.git"; }
    std::filesystem::path index() const { return root / "index.sqlite"; }
    std::filesystem::path lock() const { return root / "lock"; }
};

// --store DIR, else $TOEZEG_STORE, else .toezeg in the working directory.
StorePaths resolve_store(const std::string& flag);

enum class Access { read, write };

class Store {
public:
    static Result<void> init(const StorePaths& paths);
    // Opens an existing store. Writers take the lock and first index any commits the
    // index lacks (left by a crash between the git commit and the SQLite write).
    static Result<Store> open(const StorePaths& paths, Access access);

    // The git repository, opened on first use (reading the index alone needs no libgit2).
    corpus::CorpusStore& corpus();
    db::CorpusIndex& index() { return m_index; }
    // What opening for writing removed as left behind by an interrupted run (git lock files,
    // temporary packs, partial downloads): under the store's lock no other writer can exist.
    const std::vector<std::string>& recovered() const { return m_recovered; }
    const StorePaths& paths() const { return m_paths; }
    // Indexes one stored version (with detection) and marks the index as up to `commit`. Past
    // k_max_items_per_version items only the first are kept (a text with more is no letter: a
    // list repeated, a hostile file); returns how many were left out.
    Result<std::size_t> index_commit(const std::string& commit, const std::string& document_id);
    // Rebuilds the index from the git repository alone, into a new file swapped in at the end.
    static Result<int> reindex(const StorePaths& paths);
    // Brings the tracked items up to date with all detections, the corrections in git and
    // the official fates; returns their number. When only letters dated after every letter
    // linked before were added, and corrections and fates are unchanged, only those are
    // linked onto the stored linker state (db/link_state); else all letters are. Both give
    // the same items. Problems with corrections go to `warnings`.
    Result<std::size_t> retrack(std::vector<std::string>& warnings);
    std::vector<track::Correction> corrections();
    // Whether the tracked items were computed from the index as it is now: false after a run
    // was killed between indexing and tracking (then the next writer tracks again).
    bool tracking_is_current();
    // Rebuilds the index of official records from official/ in git at `commit`; returns their number.
    Result<std::size_t> index_official_records(const std::string& commit);
    // Removes a document from the tracked state: one git commit that takes its folder out of
    // the tree (its history stays), then the index. The caller retracks.
    Result<void> remove_document(const std::string& id, const std::string& reason);
    // Appends a correction to corrections/links.jsonl in git (one commit).
    Result<void> add_correction(const track::Correction& correction);
    // When the corpus has more than `max_packs` packs (every ingest batch writes one), writes
    // all its objects into one pack and removes the others (corpus::consolidate_packs), then
    // reopens the repository; `toezeg gc` passes 0 (any second pack or loose object). Writers
    // only, with no batch open. Returns what was done (nothing: `pack` empty).
    Result<corpus::Consolidation> consolidate_packs(std::size_t max_packs);
    // Old item ids and what they stand for, from state/aliases.jsonl in git (the last line
    // of an alias wins); retrack adds the ids that changed (pipeline/id_aliases).
    std::map<std::string, db::StoredAlias> item_aliases();

private:
    Store(StorePaths paths, std::optional<corpus::CorpusStore> corpus, db::CorpusIndex index, std::optional<FileLock> lock)
        : m_paths(std::move(paths)), m_corpus(std::move(corpus)), m_index(std::move(index)), m_lock(std::move(lock)) {}
    Result<int> catch_up();
    // One tracking run; `again` is set when it found renamed ids that corrections name, so
    // that a second run applies those corrections to the items' new ids.
    Result<std::size_t> retrack_once(std::vector<std::string>& warnings, bool& again);
    // Finds the ids of `previous` that the new `items` lack, keeps them as aliases (git and
    // index) and says whether the renamed ones changed.
    Result<bool> keep_item_aliases(db::Database& previous, const std::set<std::string>& previous_ids,
                                   const std::vector<track::Correction>& corrections,
                                   const std::vector<track::TrackedItem>& items);

    StorePaths m_paths;
    std::optional<corpus::CorpusStore> m_corpus;
    db::CorpusIndex m_index;
    std::optional<FileLock> m_lock;
    std::vector<std::string> m_recovered;
    // While reindex builds a new index: the index it replaces, whose item ids become aliases.
    std::optional<db::Database> m_previous_index;
};

}  // namespace toezeg::pipeline
