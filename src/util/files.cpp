#include "util/files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
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
        // In MB as --max-size takes them, or in bytes when a tenth of a MB would round to nothing.
        auto amount = [small = max_bytes < 100'000](std::uintmax_t bytes) {
            char buf[48];
            if (small) std::snprintf(buf, sizeof buf, "%ju bytes", bytes);
            else std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
            return std::string(buf);
        };
        return fail(path.string(),
                    "file too large (" + amount(size) + "; the limit is " + amount(max_bytes) + ", see --max-size)");
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

Result<void> sync_directory(const std::filesystem::path& dir) {
    int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return fail(dir.string(), std::string("cannot open folder to sync: ") + std::strerror(errno));
    int rc = ::fsync(fd);
    int err = errno;
    ::close(fd);
    if (rc != 0) return fail(dir.string(), std::string("cannot sync folder: ") + std::strerror(err));
    return {};
}

Result<void> write_atomic(const std::filesystem::path& path, std::string_view content) {
    // The new content reaches the disk before it replaces the old (fsync, then rename), and
    // the rename itself is made durable by syncing the folder: after a crash the file is
    // either the old one or the new one, whole.
    auto tmp = path;
    tmp += ".tmp";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return fail(tmp.string(), std::string("cannot write: ") + std::strerror(errno));
    std::size_t done = 0;
    while (done < content.size()) {
        ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            int err = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            return fail(tmp.string(), std::string("write failed: ") + std::strerror(err));
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        int err = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        return fail(tmp.string(), std::string("cannot sync: ") + std::strerror(err));
    }
    ::close(fd);
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) return fail(path.string(), "cannot rename into place: " + ec.message());
    return sync_directory(path.parent_path());
}

}  // namespace toezeg::files
