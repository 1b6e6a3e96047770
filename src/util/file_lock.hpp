#pragma once
// An exclusive advisory lock on a file (flock), held for the object's lifetime.
#include <filesystem>

#include "core/error.hpp"

namespace toezeg {

class FileLock {
public:
    // Waits up to `timeout_seconds` for the lock, then fails naming the holder's pid.
    static Result<FileLock> acquire(const std::filesystem::path& path, int timeout_seconds);
    FileLock(FileLock&& other) noexcept : m_fd(other.m_fd) { other.m_fd = -1; }
    FileLock& operator=(FileLock&&) = delete;
    ~FileLock();

private:
    explicit FileLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

}  // namespace toezeg
