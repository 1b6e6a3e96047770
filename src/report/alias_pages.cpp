#include "report/alias_pages.hpp"

#include <set>

#include "db/id_aliases.hpp"
#include "db/tracked_items.hpp"
#include "report/exports.hpp"
#include "report/format.hpp"

namespace toezeg::report {

namespace {

// "Het item X is opgegaan in Y." / "Het item X heet nu Y (hetzelfde item onder een nieuwe id)."
std::pair<const char*, const char*> wording(const std::string& why) {
    if (why == "merged") return {"is opgegaan in", ""};
    if (why == "document") return {"heet nu", "de id volgens een eerdere regel"};
    return {"heet nu", "hetzelfde item onder een nieuwe id"};
}

// An id that can name a file in items/ or docs/ (aliases are read from the store's git).
bool safe_file_name(const std::string& id) {
    if (id.empty() || id.size() > 200 || id[0] == '.' || id.find("..") != std::string::npos) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              c == '.' || c == '~'))
            return false;
    return true;
}

}  // namespace

Result<std::size_t> write_alias_pages(const SiteData& site, db::Database& db, PageWriter& out,
                                      const std::string& feed_template) {
    std::map<std::string, const db::ItemFacts*> items;
    for (auto& t : site.items) items[t.id] = &t;
    AtomWriter atom(feed_template);
    std::map<std::string, db::StoredAlias> of_items, of_documents;
    for (auto& [key, alias] : db::load_aliases(db)) (key.first == "item" ? of_items : of_documents)[key.second] = alias;
    std::size_t written = 0;
    // Keyed by what the page says, so a rerun leaves it unrendered.
    auto redirect = [&](const std::string& file, const std::string& alias, const std::string& target,
                        const std::string& name, const std::string& why, bool item) -> Result<void> {
        ++written;
        PageKey key;
        key.add(alias).add(target).add(name).add(why).add(item ? "item" : "document");
        return out.keyed_page(file, "redirect.mustache", "../", key, [&] {
            auto [verb, because] = wording(why);
            nlohmann::json d = {{"title", item ? "Item verplaatst" : "Document verplaatst"},
                                {"what", item ? "Het item" : "Het document"},
                                {"alias", alias},
                                {"verb", verb},
                                {"target", target},
                                {"name", name}};
            if (*because) d["why"] = because;
            return d;
        });
    };
    for (auto& [alias, a] : of_items) {
        if (items.contains(alias) || !safe_file_name(alias)) continue;
        auto found = db::follow_alias(of_items, alias, [&](const std::string& id) { return items.contains(id); });
        if (!found) continue;
        if (auto done =
                redirect("items/" + alias + ".html", alias, found->first + ".html", found->first, found->second, true);
            !done)
            return std::unexpected(done.error());
        // The old feed goes on: the item's entries under the old feed's id, and one saying where it went.
        ++written;
        const std::string& target = found->first;
        out.keyed_file("items/" + alias + ".xml",
                       item_feed_key(*items.at(target), atom).add("alias").add(alias).add(found->second), [&] {
                           auto t = db::load_tracked_item(db, target);
                           std::vector<AtomEntry> entries;
                           if (t)
                               for (auto& [k, e] : AtomWriter::entries_of(*t, true)) entries.push_back(std::move(e));
                           auto [verb, because] = wording(found->second);
                           std::string moved = "Het item " + alias + " " + verb + " " + target;
                           // Dated with the item's newest entry, so it stays at the top of the feed.
                           std::string newest;
                           for (auto& e : entries) newest = std::max(newest, e.date);
                           entries.push_back(AtomEntry{newest.empty() ? site.as_of : newest,
                                                       "urn:toezeg:item:" + alias + ":moved:" + target, moved, target,
                                                       moved + (*because ? std::string(" (") + because + ")" : "") +
                                                           "; volg voortaan " + target + ".xml."});
                           return atom.render_entries(
                               std::move(entries),
                               {"urn:toezeg:item:" + alias,
                                "toezeg: " + (t ? kind_label(t->kind) + " " + item_summary(*t) : target),
                                alias + ".xml", "../", true});
                       });
    }
    auto is_document = [&](const std::string& id) { return site.latest_version.contains(id); };
    for (auto& [alias, a] : of_documents) {
        if (is_document(alias) || !safe_file_name(alias)) continue;
        auto found = db::follow_alias(of_documents, alias, is_document);
        if (!found) continue;
        int latest = site.latest_version.at(found->first);
        if (auto done = redirect("docs/" + alias + ".html", alias, document_file(found->first, latest, latest),
                                 found->first, found->second, false);
            !done)
            return std::unexpected(done.error());
    }
    return written;
}

}  // namespace toezeg::report
