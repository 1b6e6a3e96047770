#include "report/page_cache.hpp"

#include <chrono>
#include <fstream>
#include <sstream>

#include "util/files.hpp"
#include "util/text.hpp"

namespace toezeg::report {

namespace fs = std::filesystem;

namespace {
constexpr const char* k_manifest = ".toezeg-pages";
}

PageKey& PageKey::add(std::string_view part) {
    // Ends with a byte no UTF-8 text contains, so ("ab","c") and ("a","bc") differ.
    m_hash = text::fnv1a("\xff", text::fnv1a(part, m_hash));
    return *this;
}

PageCache PageCache::load(const fs::path& out_dir, std::uint64_t generation) {
    PageCache cache;
    cache.m_out = out_dir;
    cache.m_generation = generation;
    std::ifstream in(out_dir / k_manifest);
    std::string line;
    if (!in || !std::getline(in, line) || line != "generation " + text::hex(generation)) return cache;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string key_hex, path;
        std::uintmax_t size = 0;
        if (!(fields >> key_hex >> size) || !std::getline(fields >> std::ws, path) || path.empty()) continue;
        cache.m_previous[path] = Entry{std::stoull(key_hex, nullptr, 16), size};
    }
    return cache;
}

std::optional<std::uintmax_t> PageCache::fresh(const std::string& relative, std::uint64_t key) const {
    auto it = m_previous.find(relative);
    if (it == m_previous.end() || it->second.key != key) return std::nullopt;
    std::error_code ec;
    auto size = fs::file_size(m_out / relative, ec);
    if (ec || size != it->second.size) return std::nullopt;
    return size;
}

void PageCache::record(const std::string& relative, std::uint64_t key, std::uintmax_t size) {
    m_current[relative] = Entry{key, size};
}

Result<void> PageCache::save() const {
    std::string out = "generation " + text::hex(m_generation) + "\n";
    for (auto& [path, entry] : m_current) out += text::hex(entry.key) + " " + std::to_string(entry.size) + " " + path + "\n";
    return files::write_atomic(m_out / k_manifest, out);
}

std::string binary_stamp() {
    std::error_code ec;
    auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return "";
    auto size = fs::file_size(exe, ec);
    if (ec) return "";
    auto time = fs::last_write_time(exe, ec);
    if (ec) return "";
    return exe.string() + " " + std::to_string(size) + " " + std::to_string(time.time_since_epoch().count());
}

}  // namespace toezeg::report
