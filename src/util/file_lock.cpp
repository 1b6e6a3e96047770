#include "util/file_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>
#include <thread>

namespace toezeg {

Result<FileLock> FileLock::acquire(const std::filesystem::path& path, int timeout_seconds) {
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return fail(path.string(), std::string("cannot open lock file: ") + std::strerror(errno));
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK || std::chrono::steady_clock::now() >= deadline) {
            char holder[32] = {};
            ssize_t n = ::pread(fd, holder, sizeof holder - 1, 0);
            ::close(fd);
            std::string who = n > 0 ? " by pid " + std::string(holder, static_cast<std::size_t>(n)) : "";
            return fail(path.parent_path().string(),
                        "the store is locked" + who + " (another toezeg is writing to it); try again when it is done");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::string pid = std::to_string(::getpid());
    if (::ftruncate(fd, 0) == 0) {
        ssize_t ignored = ::pwrite(fd, pid.data(), pid.size(), 0);
        (void)ignored;
    }
    return FileLock(fd);
}

FileLock::~FileLock() {
    if (m_fd >= 0) {
        ::flock(m_fd, LOCK_UN);
        ::close(m_fd);
    }
}

}  // namespace toezeg
