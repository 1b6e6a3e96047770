#include "cli/store_access.hpp"

#include <functional>

#include "cli/output.hpp"
#include "db/id_aliases.hpp"
#include "db/tracked_items.hpp"

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

namespace {

const char* why_text(const std::string& why) {
    if (why == "merged") return "merged into it";
    if (why == "document") return "its id under an earlier id rule";
    return "the same item under a new id";
}

// Follows the aliases of `kind` from `id` to an id `exists` knows (at most 16 steps).
std::string follow(pipeline::Store& store, const char* kind, const std::string& id,
                   const std::function<bool(const std::string&)>& exists) {
    if (exists(id)) return id;
    std::string at = id, why;
    for (int step = 0; step < 16; ++step) {
        auto alias = db::find_alias(store.index().database(), kind, at);
        if (!alias || alias->target == at) break;
        at = alias->target;
        if (why.empty() || alias->why == "merged") why = alias->why;
        if (exists(at)) {
            print_info(id + " is an old id of " + at + " (" + why_text(why) + ")");
            return at;
        }
    }
    return id;
}

}  // namespace

std::string current_item_id(pipeline::Store& store, const std::string& id) {
    return follow(store, "item", id,
                  [&](const std::string& x) { return db::load_tracked_item(store.index().database(), x).has_value(); });
}

std::string current_document_id(pipeline::Store& store, const std::string& id) {
    return follow(store, "document", id, [&](const std::string& x) { return store.index().document(x).has_value(); });
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
