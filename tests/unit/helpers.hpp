#pragma once
// Shared test helpers: repository paths, reading seeds, temporary directories.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "core/document.hpp"
#include "ingest/read_document.hpp"
#include "util/files.hpp"

extern char** environ;

namespace toezeg::test {

inline std::filesystem::path source_dir() { return TOEZEG_SOURCE_DIR; }

// The whole file, as bytes (empty when it cannot be read).
inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline std::string read_source(const std::string& relative) {
    auto data = files::read(source_dir() / relative, 1 << 26);
    if (!data) throw std::runtime_error(data.error().describe());
    return *data;
}

inline Document read_letter(const std::string& relative) {
    auto doc = ingest::read_text_document(read_source(relative), relative, {});
    if (!doc) throw std::runtime_error(doc.error().describe());
    return *doc;
}

// A fresh directory removed at the end of the test.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        path = std::filesystem::temp_directory_path() /
               ("toezeg-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    static int& counter() {
        static int n = 0;
        return n;
    }
};

// Runs a program without a shell; returns its exit code and fills `out` with its stdout (and
// `err`, when given, with its stderr, through a temporary file).
inline int run_program(std::vector<std::string> args, std::string* out = nullptr, std::string* err = nullptr) {
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    int fds[2];
    if (::pipe(fds) != 0) return -1;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    char err_path[] = "/tmp/toezeg-test-stderr-XXXXXX";
    int err_fd = err ? ::mkstemp(err_path) : -1;
    if (err_fd >= 0) posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
    pid_t pid;
    if (posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) return -1;
    ::close(fds[1]);
    std::string data;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fds[0], buf, sizeof buf)) > 0) data.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    posix_spawn_file_actions_destroy(&actions);
    if (out) *out = data;
    if (err_fd >= 0) {
        err->clear();
        ::lseek(err_fd, 0, SEEK_SET);
        while ((n = ::read(err_fd, buf, sizeof buf)) > 0) err->append(buf, static_cast<std::size_t>(n));
        ::close(err_fd);
        ::unlink(err_path);
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

inline std::string run_program_output(std::vector<std::string> args) {
    std::string out;
    run_program(std::move(args), &out);
    return out;
}

}  // namespace toezeg::test
