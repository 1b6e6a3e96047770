// Store::item_aliases and Store::keep_item_aliases: old item ids kept in git
// (state/aliases.jsonl) and in the index (id_aliases), found at every retrack.
#include <nlohmann/json.hpp>

#include "core/date.hpp"
#include "db/id_aliases.hpp"
#include "pipeline/id_aliases.hpp"
#include "pipeline/store.hpp"
#include "track/reconcile.hpp"

namespace toezeg::pipeline {

using nlohmann::json;

namespace {

constexpr const char* k_aliases_path = "state/aliases.jsonl";

}  // namespace

std::map<std::string, db::StoredAlias> Store::item_aliases() {
    std::map<std::string, db::StoredAlias> out;
    auto text = corpus().read_file(k_aliases_path);
    if (!text) return out;
    std::size_t start = 0;
    while (start < text->size()) {
        auto end = text->find('\n', start);
        if (end == std::string::npos) end = text->size();
        json j = json::parse(text->substr(start, end - start), nullptr, false);
        start = end + 1;
        if (!j.is_object() || !j.contains("alias") || !j.contains("id")) continue;
        auto alias = j.value("alias", ""), target = j.value("id", "");
        if (!alias.empty() && !target.empty() && alias != target)
            out[alias] = db::StoredAlias{target, j.value("why", "renamed")};
    }
    return out;
}

Result<bool> Store::keep_item_aliases(db::Database& previous, const std::set<std::string>& previous_ids,
                                      const std::vector<track::Correction>& corrections,
                                      const std::vector<track::TrackedItem>& items) {
    std::set<std::string> live;
    for (auto& t : items) live.insert(t.id);
    auto aliases = item_aliases();
    std::set<std::string> gone;
    for (auto& id : previous_ids)
        if (!live.contains(id)) gone.insert(id);
    // Ids that changed also leave corrections pointing at items merged away before (in the
    // linker's entries only): those are looked up too.
    if (!gone.empty())
        for (auto& c : corrections)
            if ((c.op == "link" || c.op == "unlink") && !track::is_register_correction(c))
                for (auto& id : c.items)
                    if (!live.contains(id) && !aliases.contains(id)) gone.insert(id);
    std::vector<IdAlias> changed;
    if (!gone.empty())
        for (auto& found : find_item_aliases(db::load_previous_items(previous, gone), previous_ids, items)) {
            auto it = aliases.find(found.alias);
            if (it != aliases.end() && it->second.target == found.target && it->second.why == found.why) continue;
            aliases[found.alias] = db::StoredAlias{found.target, found.why};
            changed.push_back(found);
        }
    if (!changed.empty()) {
        std::string text = corpus().read_file(k_aliases_path).value_or("");
        std::string at = utc_now_iso();
        for (auto& a : changed)
            text += json{{"alias", a.alias}, {"id", a.target}, {"why", a.why}, {"at", at}}.dump() + "\n";
        auto commit =
            corpus().write_file(k_aliases_path, text,
                                "Aliases: " + std::to_string(changed.size()) + " old item id" +
                                    (changed.size() == 1 ? "" : "s") + " kept (" + changed.front().alias + " -> " +
                                    changed.front().target + (changed.size() > 1 ? ", ..." : "") + ")\n");
        if (!commit) return std::unexpected(commit.error());
        m_index.set_state("indexed_head", *commit);
    }
    // The index holds the aliases no current item shadows.
    std::map<std::string, db::StoredAlias> table;
    for (auto& [alias, a] : aliases)
        if (!live.contains(alias)) table[alias] = a;
    auto stored = db::load_item_aliases(m_index.database());
    bool same =
        stored.size() == table.size() && std::equal(stored.begin(), stored.end(), table.begin(), [](auto& x, auto& y) {
            return x.first == y.first && x.second.target == y.second.target && x.second.why == y.second.why;
        });
    if (!same) db::replace_item_aliases(m_index.database(), table);
    // Whether corrections now reach further: renames found in this run that they name.
    std::map<std::string, std::string> renamed;
    for (auto& [alias, a] : table)
        if (a.why == "renamed") renamed[alias] = a.target;
    auto again = with_current_ids(corrections, renamed);
    for (std::size_t k = 0; k < corrections.size(); ++k)
        if (again[k].items != corrections[k].items) return true;
    return false;
}

}  // namespace toezeg::pipeline
