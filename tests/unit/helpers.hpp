#pragma once
// Shared test helpers: repository paths, reading seeds, temporary directories.
#include <filesystem>
#include <string>
#include <unistd.h>

#include "core/document.hpp"
#include "ingest/read_document.hpp"
#include "util/files.hpp"

namespace toezeg::test {

inline std::filesystem::path source_dir() { return TOEZEG_SOURCE_DIR; }

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

}  // namespace toezeg::test
