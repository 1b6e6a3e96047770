#include "pipeline/store.hpp"

#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <system_error>

#include "detect/dates.hpp"
#include "detect/detector.hpp"
#include "ingest/fingerprint.hpp"
#include "ingest/identity.hpp"
#include "util/files.hpp"

namespace toezeg::pipeline {

namespace fs = std::filesystem;

StorePaths resolve_store(const std::string& flag) {
    if (!flag.empty()) return StorePaths{flag};
    if (const char* env = std::getenv("TOEZEG_STORE"); env && *env) return StorePaths{env};
    return StorePaths{".toezeg"};
}

Result<void> Store::init(const StorePaths& paths) {
    std::error_code ec;
    if (fs::exists(paths.git(), ec)) return fail(paths.root.string(), "a store already exists here");
    fs::create_directories(paths.root, ec);
    if (ec) return fail(paths.root.string(), "cannot create directory: " + ec.message());
    auto lock = FileLock::acquire(paths.lock(), 30);
    if (!lock) return std::unexpected(lock.error());
    auto corpus = corpus::CorpusStore::create(paths.git());
    if (!corpus) return std::unexpected(corpus.error());
    auto index = db::CorpusIndex::open(paths.index());
    if (!index) return std::unexpected(index.error());
    return {};
}

namespace {

// Files an interrupted run leaves behind, found while holding the store's lock: git's lock
// files (HEAD.lock, refs/heads/master.lock, packed-refs.lock, config.lock, index.lock),
// libgit2's temporary packs and objects, and fetch's partial downloads.
std::vector<std::string> remove_leftovers(const StorePaths& paths) {
    std::vector<std::string> removed;
    std::error_code ec;
    auto drop = [&](const fs::path& p) {
        if (fs::remove(p, ec)) removed.push_back(p.string());
    };
    for (const char* name : {"HEAD.lock", "packed-refs.lock", "config.lock", "index.lock", "shallow.lock"})
        if (fs::exists(paths.git() / name, ec)) drop(paths.git() / name);
    if (fs::is_directory(paths.git() / "refs", ec))
        for (auto it = fs::recursive_directory_iterator(paths.git() / "refs", ec); !ec && it != fs::recursive_directory_iterator();
             it.increment(ec))
            if (it->path().extension() == ".lock" && !it->is_directory()) drop(it->path());
    if (fs::is_directory(paths.git() / "objects" / "pack", ec))
        for (auto& e : fs::directory_iterator(paths.git() / "objects" / "pack", ec)) {
            auto name = e.path().filename().string();
            if (name.starts_with("pack_git2_") || name.starts_with("tmp_") || name.ends_with(".lock")) drop(e.path());
        }
    for (auto& e : fs::directory_iterator(paths.root, ec)) {
        auto name = e.path().filename().string();
        if (name.starts_with("download-")) drop(e.path());
    }
    return removed;
}

}  // namespace

Result<Store> Store::open(const StorePaths& paths, Access access) {
    std::error_code ec;
    if (!fs::exists(paths.git() / "HEAD", ec))
        return fail(paths.root.string(), "no store here; create one with `toezeg init --store " + paths.root.string() +
                                             "` (or set TOEZEG_STORE)");
    std::optional<FileLock> lock;
    if (access == Access::write) {
        int timeout = 60;
        if (const char* env = std::getenv("TOEZEG_LOCK_TIMEOUT")) timeout = std::atoi(env);
        auto acquired = FileLock::acquire(paths.lock(), timeout);
        if (!acquired) return std::unexpected(acquired.error());
        lock.emplace(std::move(*acquired));
    }
    std::vector<std::string> recovered;
    if (access == Access::write) recovered = remove_leftovers(paths);
    std::optional<corpus::CorpusStore> corpus;
    if (access == Access::write) {
        auto opened = corpus::CorpusStore::open(paths.git());
        if (!opened) return std::unexpected(opened.error());
        corpus.emplace(std::move(*opened));
    }
    auto index = db::CorpusIndex::open(paths.index());
    if (!index) return std::unexpected(index.error());
    Store store(paths, std::move(corpus), std::move(*index), std::move(lock));
    store.m_recovered = std::move(recovered);
    if (access == Access::write) {
        auto caught = store.catch_up();
        if (!caught) return std::unexpected(caught.error());
    }
    return store;
}

corpus::CorpusStore& Store::corpus() {
    if (!m_corpus) {
        auto opened = corpus::CorpusStore::open(m_paths.git());
        if (!opened) throw std::runtime_error(opened.error().describe());
        m_corpus.emplace(std::move(*opened));
    }
    return *m_corpus;
}

Result<std::size_t> Store::index_commit(const std::string& commit, const std::string& document_id) {
    auto stored = corpus().load(commit, document_id);
    if (!stored) return std::unexpected(stored.error());
    db::VersionRecord record;
    record.commit = commit;
    record.committed_at = corpus().commit_time(commit);
    record.ingested_at = stored->ingested_at;
    record.original_name = stored->original_name;
    record.original_oid = stored->original_oid;
    record.meta_json = corpus::document_json_with_extras(*stored);
    record.doc = std::move(stored->doc);
    if (auto date = detect::reference_date(record.doc)) record.effective_date = date->iso();
    auto items = detect::detect(record.doc, detect::default_rules());
    std::size_t left_out = items.size() > k_max_items_per_version ? items.size() - k_max_items_per_version : 0;
    items.resize(std::min(items.size(), k_max_items_per_version));  // in the order of the text
    m_index.add_version(record, ingest::sentence_fingerprints(std::string_view(record.doc.text).substr(0, record.doc.body_end)),
                        items);
    for (auto& rel : stored->relations)
        m_index.add_relation(record.doc.id, rel.value("id", ""), rel.value("kind", ""), rel.value("score", 0.0));
    // The ids another id rule gives this document find it too (`show OLD`, the report's old pages).
    if (auto legacy = ingest::legacy_document_id(record.doc.meta))
        db::add_document_alias(m_index.database(), *legacy, record.doc.id);
    if (std::string derived = ingest::derive_document_id(record.doc.meta, record.doc.text);
        !derived.starts_with("doc-") && ingest::validate_document_id(derived))
        db::add_document_alias(m_index.database(), derived, record.doc.id);
    m_index.set_state("indexed_head", commit);
    return left_out;
}

Result<int> Store::catch_up() {
    auto head = corpus().head();
    if (!head || m_index.state("indexed_head") == head) return 0;
    auto history = corpus().history();
    if (!history) return std::unexpected(history.error());
    auto indexed = m_index.state("indexed_head");
    std::size_t start = 0;
    if (indexed)
        for (std::size_t i = 0; i < history->size(); ++i)
            if ((*history)[i].id == *indexed) start = i + 1;
    int count = 0;
    // One SQLite transaction per batch of commits instead of one per commit; what a failed
    // batch had done is kept, and the next catch-up starts after it.
    constexpr int k_batch = 500;
    std::optional<db::Transaction> batch(std::in_place, m_index.database());
    bool official = false;  // an import of official records not yet indexed: rebuilt from git at the end
    for (std::size_t i = start; i < history->size(); ++i) {
        const auto& c = (*history)[i];
        auto subject = corpus::CorpusStore::parse_subject(c.message);
        official = official || (subject && subject->kind == "official");
        if (subject && subject->kind == "removed") {
            m_index.remove_document(subject->document_id);
            db::remove_document_aliases(m_index.database(), subject->document_id);
        }
        if (subject && subject->kind == "document") {
            auto done = index_commit(c.id, subject->document_id);
            if (!done) {
                batch->commit();
                return std::unexpected(done.error());
            }
            ++count;
        }
        m_index.set_state("indexed_head", c.id);
        if ((i - start + 1) % k_batch == 0) {
            batch->commit();
            batch.emplace(m_index.database());
        }
    }
    if (official) {
        auto indexed_records = index_official_records(*head);
        if (!indexed_records) {
            batch->commit();
            return std::unexpected(indexed_records.error());
        }
    }
    batch->commit();
    return count;
}

Result<void> Store::remove_document(const std::string& id, const std::string& reason) {
    if (!m_index.document(id)) return fail(id, "no such document; see `toezeg list`");
    auto commit = corpus().remove_document(id, reason);
    if (!commit) return std::unexpected(commit.error());
    auto indexed = catch_up();
    if (!indexed) return std::unexpected(indexed.error());
    return {};
}

Result<corpus::Consolidation> Store::consolidate_packs(std::size_t max_packs) {
    if (!m_lock) return fail(m_paths.root.string(), "consolidating packs needs the store's lock");
    auto count = corpus::count_packs(m_paths.git());
    if (count.packs <= max_packs && (max_packs > 0 || (count.packs <= 1 && count.loose == 0)))
        return corpus::Consolidation{count, count, 0, ""};
    auto done = corpus::consolidate_packs(m_paths.git());
    if (!done) return std::unexpected(done.error());
    // The open repository still holds the removed packs: open it again (in place, so that
    // references to it stay valid).
    if (m_corpus) {
        auto reopened = corpus::CorpusStore::open(m_paths.git());
        if (!reopened) return std::unexpected(reopened.error());
        *m_corpus = std::move(*reopened);
    }
    return done;
}

Result<int> Store::reindex(const StorePaths& paths) {
    auto lock = FileLock::acquire(paths.lock(), 60);
    if (!lock) return std::unexpected(lock.error());
    fs::path tmp = paths.root / "index.sqlite.rebuild";
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(fs::path(tmp.string() + suffix), ec);
    int count = 0;
    {
        auto corpus = corpus::CorpusStore::open(paths.git());
        if (!corpus) return std::unexpected(corpus.error());
        auto index = db::CorpusIndex::open(tmp);
        if (!index) return std::unexpected(index.error());
        Store store(paths, std::move(*corpus), std::move(*index), std::nullopt);
        // The index being replaced: the item ids it had that the new one lacks become aliases.
        if (fs::exists(paths.index()))
            if (auto previous = db::Database::open(paths.index())) store.m_previous_index.emplace(std::move(*previous));
        auto caught = store.catch_up();
        if (!caught) return std::unexpected(caught.error());
        count = *caught;
        std::vector<std::string> warnings;
        auto tracked = store.retrack(warnings);
        if (!tracked) return std::unexpected(tracked.error());
        store.m_index.database().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    for (const char* suffix : {"-wal", "-shm"}) fs::remove(fs::path(paths.index().string() + suffix), ec);
    fs::rename(tmp, paths.index(), ec);
    if (ec) return fail(paths.index().string(), "cannot replace the index: " + ec.message());
    for (const char* suffix : {"-wal", "-shm"}) fs::remove(fs::path(tmp.string() + suffix), ec);
    if (auto synced = files::sync_directory(paths.root); !synced) return std::unexpected(synced.error());
    return count;
}

}  // namespace toezeg::pipeline
