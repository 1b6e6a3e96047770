#pragma once
// Remembers what each report page was rendered from, so a rerun renders only changed pages.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"
#include "util/text.hpp"

namespace toezeg::report {

// A 64-bit key built from everything a page is rendered from (FNV-1a over the parts).
class PageKey {
public:
    PageKey& add(std::string_view part);
    std::uint64_t value() const { return m_hash; }

private:
    std::uint64_t m_hash = text::fnv1a("");
};

// The manifest <out>/.toezeg-pages: one line per file written with its key (0: not keyed)
// and size, under a generation line that covers the binary and the report options (a
// page's key covers its template), and the modification time of each folder of pages as the
// run left it. A page is fresh when its generation and key match and its folder is as the
// last run left it (else its size on disk must match too): a file deleted or put in place
// by renaming changes its folder, so only then are that folder's pages looked at; a page
// edited in place is not noticed. No page is looked at otherwise, and no folder listed.
class PageCache {
public:
    static PageCache load(const std::filesystem::path& out_dir, std::uint64_t generation,
                          const std::vector<std::string>& folders);
    // The page's size when it is fresh.
    std::optional<std::uintmax_t> fresh(const std::string& relative, std::uint64_t key) const;
    void record(const std::string& relative, std::uint64_t key, std::uintmax_t size);
    // Whether a manifest was read (then previous() knows every file the last run wrote).
    bool known() const { return m_known; }
    // Files the last run wrote and this one did not.
    std::vector<std::string> dropped() const;
    // Writes the manifest with the files recorded in this run only.
    Result<void> save() const;

private:
    struct Entry {
        std::uint64_t key = 0;
        std::uintmax_t size = 0;
    };
    std::filesystem::path m_out;
    std::uint64_t m_generation = 0;
    bool m_known = false, m_same_generation = false;
    std::vector<std::string> m_folders;
    std::map<std::string, bool> m_folder_unchanged;  // folder -> as the last run left it
    std::unordered_map<std::string, Entry> m_previous, m_current;
};

// Identifies the running binary (size and modification time of /proc/self/exe), so a
// new build of toezeg renders every page again.
std::string binary_stamp();

}  // namespace toezeg::report
