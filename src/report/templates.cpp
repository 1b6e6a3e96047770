#include "report/templates.hpp"

#include <map>

#include "util/files.hpp"

namespace toezeg::report {

namespace {
const std::map<std::string, std::string>& built_in() {
    static const std::map<std::string, std::string> k_templates = {
#include "templates.inc"
    };
    return k_templates;
}
}  // namespace

Result<std::string> Templates::get(const std::string& name) const {
    if (!m_dir.empty() && std::filesystem::exists(m_dir / name)) return files::read(m_dir / name, 1 << 22);
    auto it = built_in().find(name);
    if (it == built_in().end()) return fail(name, "no such template");
    return it->second;
}

}  // namespace toezeg::report
