#pragma once
// Whole-file reads and atomic writes.
#include <filesystem>
#include <string>

#include "core/error.hpp"

namespace toezeg::files {

Result<std::string> read(const std::filesystem::path& path, std::size_t max_bytes);
// Writes to a temporary file beside `path`, then renames it into place.
Result<void> write_atomic(const std::filesystem::path& path, std::string_view content);

}  // namespace toezeg::files
