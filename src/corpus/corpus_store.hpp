#pragma once
// The corpus: every version of every letter as one git commit under documents/<shard>/<id>/.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/document.hpp"
#include "core/error.hpp"
#include "corpus/git_repository.hpp"

namespace toezeg::corpus {

// A document version as kept in git, with what ingest recorded about it.
struct StoredVersion {
    Document doc;
    std::string commit;
    std::string original_name;  // "original.txt"
    std::string original_oid;   // git blob id of the original bytes
    std::string ingested_at;    // ISO timestamp
    nlohmann::json relations = nlohmann::json::array();  // [{id, kind, score}]
};

// What a commit in the corpus is about, read from its message trailers.
struct CommitSubject {
    std::string kind;  // "document", "correction", "official" (an import of official records) or "removed"
    std::string document_id;
    int version = 0;
};

class CorpusStore {
public:
    static Result<CorpusStore> create(const std::filesystem::path& git_dir);
    static Result<CorpusStore> open(const std::filesystem::path& git_dir);

    // Commits `version` (doc.version must be set) with its original bytes; returns the commit id.
    Result<std::string> store(StoredVersion& version, std::string_view original);
    Result<StoredVersion> load(const std::string& commit, const std::string& document_id) const;
    std::optional<std::string> original(const std::string& commit, const std::string& document_id,
                                        const std::string& original_name) const;
    // One commit that takes the document's folder out of the tree (`toezeg remove`); its
    // versions stay in the history. Returns the commit id.
    Result<std::string> remove_document(const std::string& document_id, const std::string& reason);
    // A file of corrections or settings kept at `path` (e.g. "corrections/links.jsonl").
    std::optional<std::string> read_file(const std::string& path) const;
    Result<std::string> write_file(const std::string& path, const std::string& content, const std::string& message);
    // Official records (official/<Entity>/<shard>/<Id>.json), written and removed in one commit.
    Result<std::string> commit_paths(const std::vector<PathChange>& changes, const std::string& message) {
        return m_git.commit_paths(changes, message);
    }
    Result<std::vector<std::pair<std::string, std::string>>> read_folder(const std::string& commit,
                                                                        const std::string& folder) const {
        return m_git.read_folder(commit, folder);
    }
    Result<std::unordered_map<std::string, std::string>> blob_ids(const std::string& folder) const {
        return m_git.blob_ids(folder);
    }
    Result<std::vector<CommitInfo>> history() const { return m_git.history(); }
    std::optional<std::string> head() const { return m_git.head(); }
    // See GitRepository: commits of a batch reach the disk as one pack at its end.
    Result<void> begin_batch() { return m_git.begin_batch(); }
    Result<void> end_batch() { return m_git.end_batch(); }
    void abort_batch() { m_git.abort_batch(); }
    long long commit_time(const std::string& commit) const { return m_git.commit_time(commit); }
    static std::optional<CommitSubject> parse_subject(const std::string& message);
    // "documents/3f/kst-32317-987": a two-hex-digit shard from the id keeps every tree small,
    // so a commit stays cheap however many documents the store holds.
    static std::string folder_of(const std::string& document_id);

private:
    explicit CorpusStore(GitRepository git) : m_git(std::move(git)) {}
    GitRepository m_git;
};

}  // namespace toezeg::corpus

namespace toezeg::corpus {
// meta.json as stored for `version` (document fields plus original, ingested_at, relations).
std::string document_json_with_extras(const StoredVersion& version);
}  // namespace toezeg::corpus
