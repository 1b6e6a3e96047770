#pragma once
// A bare git repository written through libgit2. The only header that wraps git2.h.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"

namespace toezeg::corpus {

struct CommitInfo {
    std::string id;  // hex commit id
    std::string message;
    long long time = 0;  // seconds since the epoch
};

struct FileToWrite {
    std::string name;  // file name inside the folder
    std::string content;
};

// A file to write (content set) or to remove (content empty) at a path from the root.
struct PathChange {
    std::string path;
    std::optional<std::string> content;
    std::string blob_id = {};  // GitRepository::blob_id(*content) when the caller made it already, else ""
    // pack_entry(blob, *content, k_record_pack_level) when the caller made it already (a commit
    // written as a pack then only appends it), else ""
    std::string pack_entry = {};
};

class GitRepository {
public:
    static Result<GitRepository> init_bare(const std::filesystem::path& path);
    static Result<GitRepository> open(const std::filesystem::path& path);
    GitRepository(GitRepository&&) noexcept;
    GitRepository& operator=(GitRepository&&) noexcept;
    ~GitRepository();

    std::optional<std::string> head() const;
    long long commit_time(const std::string& commit) const;  // seconds since the epoch, 0 if unknown
    // One commit on the current branch whose tree replaces `folder` (e.g. "documents/x")
    // with exactly `files`, keeping everything else. Returns the new commit id.
    Result<std::string> commit_folder(const std::string& folder, const std::vector<FileToWrite>& files,
                                      const std::string& message);
    // One commit that writes a single file at `path`, keeping everything else.
    Result<std::string> commit_file(const std::string& path, const std::string& content, const std::string& message);
    // One commit that writes and removes many files anywhere in the tree (not inside a batch).
    // Removing a path that is absent is not an error. Returns the new commit id.
    Result<std::string> commit_paths(const std::vector<PathChange>& changes, const std::string& message);
    std::optional<std::string> read(const std::string& commit, const std::string& path) const;
    // The blob id (hex) of every file below `folder` at the head, by path from the root, read
    // from the trees alone (no blob is read); empty when absent.
    Result<std::unordered_map<std::string, std::string>> blob_ids(const std::string& folder) const;
    // Every file below `folder` at `commit`, as {path from the root, content}; empty when absent.
    Result<std::vector<std::pair<std::string, std::string>>> read_folder(const std::string& commit,
                                                                         const std::string& folder) const;
    // Between begin_batch and end_batch, commits are kept in memory (readable, and head()
    // is the newest); end_batch writes them as one pack and only then moves the branch.
    // A batch never ended (a crash, an error) leaves the repository as it was before it.
    Result<void> begin_batch();
    Result<void> end_batch();
    void abort_batch();  // drops the open batch's commits
    // The blob id git would give `content` (used to tell unchanged originals).
    static std::string blob_id(std::string_view content);
    // Commits reachable from HEAD, oldest first.
    Result<std::vector<CommitInfo>> history() const;

private:
    struct Impl;
    explicit GitRepository(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace toezeg::corpus
