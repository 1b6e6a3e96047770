#include "corpus/pack_writer.hpp"

#include <fcntl.h>
#include <libdeflate.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <memory>
#include <unordered_set>

namespace toezeg::corpus {

namespace fs = std::filesystem;

namespace {

struct IdHash {
    std::size_t operator()(const ObjectId& id) const {
        std::size_t h;
        std::memcpy(&h, id.data(), sizeof h);  // an object id is already uniformly spread
        return h;
    }
};

void put_u32(std::string& out, std::uint32_t v) {
    const char bytes[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                           static_cast<char>(v)};
    out.append(bytes, 4);
}

void put_u64(std::string& out, std::uint64_t v) {
    put_u32(out, static_cast<std::uint32_t>(v >> 32));
    put_u32(out, static_cast<std::uint32_t>(v));
}

// SHA-1 of `parts`, as git's pack and index trailers need it (raw bytes).
ObjectId sha1(std::initializer_list<std::string_view> parts) {
    ObjectId out{};
    std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    unsigned int length = 0;
    bool ok = ctx && EVP_DigestInit_ex(ctx.get(), EVP_sha1(), nullptr) == 1;
    for (auto p : parts) ok = ok && EVP_DigestUpdate(ctx.get(), p.data(), p.size()) == 1;
    ok = ok && EVP_DigestFinal_ex(ctx.get(), out.data(), &length) == 1 && length == out.size();
    if (!ok) throw std::runtime_error("SHA-1 of a pack failed (OpenSSL)");
    return out;
}

std::string hex(const ObjectId& id) {
    static const char* k_hex = "0123456789abcdef";
    std::string out;
    for (unsigned char c : id) {
        out.push_back(k_hex[c >> 4]);
        out.push_back(k_hex[c & 15]);
    }
    return out;
}

// Writes `parts` to a new temporary file in `folder`; returns its path.
Result<fs::path> write_temporary(const fs::path& folder, const char* kind,
                                 std::initializer_list<std::string_view> parts) {
    std::string name = (folder / (std::string("tmp_") + kind + "_XXXXXX")).string();
    int fd = mkstemp(name.data());
    if (fd < 0) return fail(name, std::string("cannot create: ") + std::strerror(errno));
    fchmod(fd, 0444);
    for (auto p : parts) {
        const char* data = p.data();
        std::size_t left = p.size();
        while (left > 0) {
            ssize_t n = ::write(fd, data, left);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                std::string why = std::strerror(errno);
                ::close(fd);
                ::unlink(name.c_str());
                return fail(name, "cannot write: " + why);
            }
            data += n;
            left -= static_cast<std::size_t>(n);
        }
    }
    if (::close(fd) != 0) {
        ::unlink(name.c_str());
        return fail(name, std::string("cannot write: ") + std::strerror(errno));
    }
    return fs::path(name);
}

// libdeflate, not zlib: for records of a few hundred bytes zlib's per-stream costs (resetting
// its hash table, building Huffman trees) made deflating 2-3 times slower (bench/RESULTS.md).
// Appends the entry header (3 bits of type and 4 of size, then 7 bits of size per byte) and
// `content` deflated as a zlib stream (git's form) through `scratch`, a buffer kept between objects.
void append_entry(std::string& out, libdeflate_compressor* compressor, std::string& scratch, PackObjectType type,
                  std::string_view content) {
    std::size_t size = content.size();
    unsigned char c = static_cast<unsigned char>((static_cast<unsigned>(type) << 4) | (size & 15));
    size >>= 4;
    while (size) {
        out.push_back(static_cast<char>(c | 0x80));
        c = static_cast<unsigned char>(size & 0x7f);
        size >>= 7;
    }
    out.push_back(static_cast<char>(c));
    std::size_t bound = libdeflate_zlib_compress_bound(compressor, content.size());
    if (scratch.size() < bound) scratch.resize(bound);
    std::size_t written =
        libdeflate_zlib_compress(compressor, content.data(), content.size(), scratch.data(), scratch.size());
    if (written == 0) throw std::runtime_error("libdeflate: an object did not fit its bound");
    out.append(scratch.data(), written);
}

struct Compressor {
    libdeflate_compressor* compressor;
    explicit Compressor(int level) : compressor(libdeflate_alloc_compressor(level)) {
        if (!compressor) throw std::runtime_error("libdeflate: cannot make a compressor");
    }
    Compressor(const Compressor&) = delete;
    Compressor& operator=(const Compressor&) = delete;
    ~Compressor() { libdeflate_free_compressor(compressor); }
};

}  // namespace

std::string pack_entry(PackObjectType type, std::string_view content, int level) {
    thread_local std::map<int, Compressor> compressors;
    thread_local std::string scratch;
    auto it = compressors.try_emplace(level, level).first;
    std::string out;
    out.reserve(content.size() / 2 + 16);
    append_entry(out, it->second.compressor, scratch, type, content);
    return out;
}

struct PackWriter::Deflater {
    Compressor compressor;
    std::string scratch;
    std::unordered_set<ObjectId, IdHash> ids;
    explicit Deflater(int level) : compressor(level) {}
};

PackWriter::PackWriter(int level) : m_deflater(std::make_unique<Deflater>(level)) {}
PackWriter::~PackWriter() = default;

void PackWriter::add(const ObjectId& id, PackObjectType type, std::string_view content) {
    if (!m_deflater->ids.insert(id).second) return;
    constexpr std::size_t k_header = 12;  // "PACK", version, count
    std::size_t start = m_pack.size();
    append_entry(m_pack, m_deflater->compressor.compressor, m_deflater->scratch, type, content);
    auto crc = libdeflate_crc32(0, m_pack.data() + start, m_pack.size() - start);
    m_entries.push_back(Entry{id, k_header + start, static_cast<std::uint32_t>(crc)});
}

bool PackWriter::contains(const ObjectId& id) const { return m_deflater->ids.contains(id); }

void PackWriter::add_entry(const ObjectId& id, std::string_view entry) {
    if (!m_deflater->ids.insert(id).second) return;
    constexpr std::size_t k_header = 12;  // "PACK", version, count
    std::size_t start = m_pack.size();
    m_pack.append(entry);
    auto crc = libdeflate_crc32(0, entry.data(), entry.size());
    m_entries.push_back(Entry{id, k_header + start, static_cast<std::uint32_t>(crc)});
}

Result<std::string> PackWriter::finish(const fs::path& pack_folder) {
    std::string header = "PACK";
    put_u32(header, 2);
    put_u32(header, static_cast<std::uint32_t>(m_entries.size()));
    ObjectId pack_sum = sha1({header, m_pack});
    std::string_view pack_trailer(reinterpret_cast<const char*>(pack_sum.data()), pack_sum.size());

    // The index: fan-out by first byte, sorted ids, their CRC-32s, their offsets (31 bits, or
    // an index into the 64-bit table), the pack's checksum, the index's own checksum.
    std::sort(m_entries.begin(), m_entries.end(), [](const Entry& a, const Entry& b) { return a.id < b.id; });
    std::string idx = "\377tOc";
    put_u32(idx, 2);
    std::size_t k = 0;
    for (int first = 0; first < 256; ++first) {
        while (k < m_entries.size() && m_entries[k].id[0] == first) ++k;
        put_u32(idx, static_cast<std::uint32_t>(k));
    }
    for (auto& e : m_entries) idx.append(reinterpret_cast<const char*>(e.id.data()), e.id.size());
    for (auto& e : m_entries) put_u32(idx, e.crc);
    std::vector<std::uint64_t> large;
    for (auto& e : m_entries) {
        if (e.offset < 0x80000000ULL) {
            put_u32(idx, static_cast<std::uint32_t>(e.offset));
        } else {
            put_u32(idx, 0x80000000U | static_cast<std::uint32_t>(large.size()));
            large.push_back(e.offset);
        }
    }
    for (auto v : large) put_u64(idx, v);
    idx.append(pack_trailer);
    ObjectId idx_sum = sha1({idx});
    idx.append(reinterpret_cast<const char*>(idx_sum.data()), idx_sum.size());

    std::string name = hex(pack_sum);
    auto pack_tmp = write_temporary(pack_folder, "pack", {header, m_pack, pack_trailer});
    if (!pack_tmp) return std::unexpected(pack_tmp.error());
    auto idx_tmp = write_temporary(pack_folder, "idx", {idx});
    if (!idx_tmp) {
        fs::remove(*pack_tmp);
        return std::unexpected(idx_tmp.error());
    }
    std::error_code ec;
    fs::rename(*pack_tmp, pack_folder / ("pack-" + name + ".pack"), ec);
    if (!ec) fs::rename(*idx_tmp, pack_folder / ("pack-" + name + ".idx"), ec);
    if (ec) {
        fs::remove(*pack_tmp);
        fs::remove(*idx_tmp);
        return fail((pack_folder / ("pack-" + name)).string(), "cannot put the pack in place: " + ec.message());
    }
    m_pack.clear();
    m_entries.clear();
    m_deflater->ids.clear();
    return name;
}

}  // namespace toezeg::corpus
