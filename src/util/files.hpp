#pragma once
// Whole-file reads and atomic writes.
#include <filesystem>
#include <string>

#include "core/error.hpp"

namespace toezeg::files {

Result<std::string> read(const std::filesystem::path& path, std::size_t max_bytes);
// Writes `content` to `path` directly (for a file that does not exist yet).
Result<void> write(const std::filesystem::path& path, std::string_view content);
// Writes to a temporary file beside `path`, syncs it, renames it into place and syncs the
// folder: after a crash `path` holds the old content or the new, whole.
Result<void> write_atomic(const std::filesystem::path& path, std::string_view content);
// fsync of a folder, so that renames and new names in it survive a crash.
Result<void> sync_directory(const std::filesystem::path& dir);
// Removes the files with `extension` in `dir` whose "<prefix><name>" is not in `keep`; returns how many.
template <class Set>
int remove_others(const std::filesystem::path& dir, const std::string& extension, const std::string& prefix, const Set& keep) {
    int removed = 0;
    std::error_code ec;
    for (auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.path().extension() == extension && !keep.contains(prefix + entry.path().filename().string())) {
            std::filesystem::remove(entry.path(), ec);
            ++removed;
        }
    return removed;
}

}  // namespace toezeg::files
