#include "util/files.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

namespace toezeg::files {

Result<std::string> read(const std::filesystem::path& path, std::size_t max_bytes) {
    std::error_code ec;
    auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) return fail(path.string(), "no such file");
    if (std::filesystem::is_directory(status)) return fail(path.string(), "is a directory");
    auto size = std::filesystem::file_size(path, ec);
    if (ec) return fail(path.string(), "cannot read size: " + ec.message());
    if (size > max_bytes) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "file too large (%.1f MB; the limit is %.1f MB, see --max-size)",
                      static_cast<double>(size) / 1e6, static_cast<double>(max_bytes) / 1e6);
        return fail(path.string(), buf);
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(path.string(), std::string("cannot open: ") + std::strerror(errno));
    std::string data(size, '\0');
    in.read(data.data(), static_cast<std::streamsize>(size));
    data.resize(static_cast<std::size_t>(in.gcount()));
    return data;
}

Result<void> write(const std::filesystem::path& path, std::string_view content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return fail(path.string(), std::string("cannot write: ") + std::strerror(errno));
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) return fail(path.string(), "write failed");
    return {};
}

Result<void> write_atomic(const std::filesystem::path& path, std::string_view content) {
    auto tmp = path;
    tmp += ".tmp";
    if (auto written = write(tmp, content); !written) return written;
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) return fail(path.string(), "cannot rename into place: " + ec.message());
    return {};
}

}  // namespace toezeg::files
