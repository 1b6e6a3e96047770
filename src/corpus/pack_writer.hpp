#pragma once
// A git pack (version 2) and its index (version 2) written directly, without delta search:
// for commits of many small files (official records), where libgit2's pack builder spends
// most of its time looking for deltas. Each object is deflated once; the index is built from
// what was written, so nothing is inflated again. No git2.h here.
#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace toezeg::corpus {

using ObjectId = std::array<unsigned char, 20>;

// Git's object type numbers as a pack writes them.
enum class PackObjectType { commit = 1, tree = 2, blob = 3 };

// Deflate level of packs written without delta search (git's default is 6; 1 measured faster,
// bench/RESULTS.md).
inline constexpr int k_record_pack_level = 1;

// `content` as a pack entry (its type-and-size header, then its zlib stream at `level`), made
// before the pack it goes into, e.g. on another thread: PackWriter::add_entry appends it as is.
// Each thread keeps a compressor of its own.
std::string pack_entry(PackObjectType type, std::string_view content, int level);

class PackWriter {
public:
    // `level`: libdeflate's compression level for every object (1 fastest .. 12 smallest).
    explicit PackWriter(int level);
    PackWriter(const PackWriter&) = delete;
    PackWriter& operator=(const PackWriter&) = delete;
    ~PackWriter();

    // Adds one object with its id (the caller computed it from type and content); an id
    // added before is skipped.
    void add(const ObjectId& id, PackObjectType type, std::string_view content);
    // Adds one object as `pack_entry` made it; an id added before is skipped.
    void add_entry(const ObjectId& id, std::string_view entry);
    std::size_t size() const { return m_entries.size(); }
    bool contains(const ObjectId& id) const;

    // Writes pack-<checksum>.pack and .idx into `pack_folder` (objects/pack): each first to a
    // temporary file `tmp_pack_*` (which an interrupted run leaves and the next writer removes),
    // then renamed, the pack before its index, as git does, so a reader never finds an index
    // without its pack. Returns the checksum (hex). The writer is empty afterwards.
    Result<std::string> finish(const std::filesystem::path& pack_folder);

private:
    struct Entry {
        ObjectId id;
        std::uint64_t offset;
        std::uint32_t crc;
    };
    struct Deflater;
    std::unique_ptr<Deflater> m_deflater;
    std::string m_pack;  // the pack's bytes after its 12-byte header
    std::vector<Entry> m_entries;
};

}  // namespace toezeg::corpus
