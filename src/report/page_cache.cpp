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

std::string folder_stamp(const fs::path& dir) {
    std::error_code ec;
    auto time = fs::last_write_time(dir, ec);
    return ec ? "-" : std::to_string(time.time_since_epoch().count());
}

std::string folder_of(const std::string& relative) {
    auto slash = relative.find('/');
    return slash == std::string::npos ? "" : relative.substr(0, slash);
}
}  // namespace

PageKey& PageKey::add(std::string_view part) {
    // Ends with a byte no UTF-8 text contains, so ("ab","c") and ("a","bc") differ.
    m_hash = text::fnv1a("\xff", text::fnv1a(part, m_hash));
    return *this;
}

PageCache PageCache::load(const fs::path& out_dir, std::uint64_t generation, const std::vector<std::string>& folders) {
    PageCache cache;
    cache.m_out = out_dir;
    cache.m_generation = generation;
    cache.m_folders = folders;
    std::ifstream in(out_dir / k_manifest);
    std::string line;
    if (!in || !std::getline(in, line) || !line.starts_with("generation ")) return cache;
    cache.m_known = true;
    cache.m_same_generation = line == "generation " + text::hex(generation);
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        if (line.starts_with("folder ")) {
            std::string word, stamp, name;
            if (fields >> word >> stamp >> name)
                cache.m_folder_unchanged[name] = stamp != "-" && stamp == folder_stamp(out_dir / name);
            continue;
        }
        std::string key_hex, path;
        std::uintmax_t size = 0;
        if (!(fields >> key_hex >> size) || !std::getline(fields >> std::ws, path) || path.empty()) continue;
        cache.m_previous[path] = Entry{std::stoull(key_hex, nullptr, 16), size};
    }
    return cache;
}

std::optional<std::uintmax_t> PageCache::fresh(const std::string& relative, std::uint64_t key) const {
    if (!m_same_generation || key == 0) return std::nullopt;
    auto it = m_previous.find(relative);
    if (it == m_previous.end() || it->second.key != key) return std::nullopt;
    auto folder = m_folder_unchanged.find(folder_of(relative));
    if (folder != m_folder_unchanged.end() && folder->second) return it->second.size;
    std::error_code ec;
    auto size = fs::file_size(m_out / relative, ec);
    if (ec || size != it->second.size) return std::nullopt;
    return size;
}

void PageCache::record(const std::string& relative, std::uint64_t key, std::uintmax_t size) {
    m_current[relative] = Entry{key, size};
}

std::vector<std::string> PageCache::dropped() const {
    std::vector<std::string> out;
    for (auto& [path, entry] : m_previous)
        if (!m_current.contains(path)) out.push_back(path);
    return out;
}

Result<void> PageCache::save() const {
    std::string out = "generation " + text::hex(m_generation) + "\n";
    // Taken after every page of this run is written or removed.
    for (auto& folder : m_folders) out += "folder " + folder_stamp(m_out / folder) + " " + folder + "\n";
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
