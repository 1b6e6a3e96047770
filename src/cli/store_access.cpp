#include "cli/store_access.hpp"

#include "cli/output.hpp"

namespace toezeg::cli {

std::optional<pipeline::Store> open_store(const std::string& flag, pipeline::Access access, bool create) {
    auto paths = pipeline::resolve_store(flag);
    if (create && !std::filesystem::exists(paths.git() / "HEAD")) {
        if (auto made = pipeline::Store::init(paths); !made) {
            print_error(made.error());
            return std::nullopt;
        }
    }
    auto store = pipeline::Store::open(paths, access);
    if (!store) {
        print_error(store.error());
        return std::nullopt;
    }
    print_note("store " + paths.root.string() + (access == pipeline::Access::write ? " (writing)" : " (reading)"));
    for (auto& path : store->recovered()) print_warning(path, "left behind by an interrupted run; removed");
    return std::move(*store);
}

std::optional<std::size_t> retrack(pipeline::Store& store) {
    std::vector<std::string> warnings;
    auto n = store.retrack(warnings);
    for (auto& w : warnings) print_warning("tracking", w);
    if (!n) {
        print_error(n.error());
        return std::nullopt;
    }
    return *n;
}

}  // namespace toezeg::cli
