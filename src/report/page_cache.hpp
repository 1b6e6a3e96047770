#pragma once
// Remembers what each report page was rendered from, so a rerun renders only changed pages.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

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

// The manifest <out>/.toezeg-pages: one line per page with its key and size, under a
// generation line that covers the binary and the report options (a page's key covers its
// template). A page is fresh when its generation, key and size on disk all match;
// anything else re-renders it.
class PageCache {
public:
    static PageCache load(const std::filesystem::path& out_dir, std::uint64_t generation);
    // The page's size on disk when it is fresh.
    std::optional<std::uintmax_t> fresh(const std::string& relative, std::uint64_t key) const;
    void record(const std::string& relative, std::uint64_t key, std::uintmax_t size);
    // Writes the manifest with the pages recorded in this run only.
    Result<void> save() const;

private:
    struct Entry {
        std::uint64_t key = 0;
        std::uintmax_t size = 0;
    };
    std::filesystem::path m_out;
    std::uint64_t m_generation = 0;
    std::unordered_map<std::string, Entry> m_previous, m_current;
};

// Identifies the running binary (size and modification time of /proc/self/exe), so a
// new build of toezeg renders every page again.
std::string binary_stamp();

}  // namespace toezeg::report
