#pragma once
// The report's templates and assets: built in, or read from a folder given by the user.
#include <filesystem>
#include <string>

#include "core/error.hpp"

namespace toezeg::report {

class Templates {
public:
    // Built-in templates; files in `override_dir` (if not empty) replace them by name.
    explicit Templates(std::filesystem::path override_dir = {}) : m_dir(std::move(override_dir)) {}
    Result<std::string> get(const std::string& name) const;

private:
    std::filesystem::path m_dir;
};

}  // namespace toezeg::report
