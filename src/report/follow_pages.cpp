// Pages and Atom feeds to follow one Kamerlid, one bewindspersoon, one dossier or one item.
#include "report/follow_pages.hpp"

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include "report/format.hpp"
#include "report/item_pieces.hpp"
#include "report/list_pages.hpp"
#include "report/site_data.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace toezeg::report {

using nlohmann::json;

namespace {

void assign(FollowPages& out, std::map<std::string, std::string>& pages, const std::string& folder,
            const std::set<std::string>& names) {
    std::set<std::string> taken;
    for (auto& name : names) {
        std::string base = text::slug(name, 60);
        if (base.empty()) base = "naamloos";
        std::string slug = base;
        for (int n = 2; taken.count(slug); ++n) slug = base + "-" + std::to_string(n);
        taken.insert(slug);
        pages[name] = folder + "/" + slug;
        out.titles[pages[name]] = name;
    }
}

// One Kamerlid written differently ("J.A. Bontenbal", "Bontenbal", "bontenbal", "Kostic" and
// "Kostić"): initials and titles left out, case and accents ignored.
std::string member_key(const std::string& name) {
    std::string key, lowered = utf8::to_lower(utf8::strip_marks(name));
    std::size_t start = 0;
    while (start < lowered.size()) {
        auto end = std::min(lowered.find(' ', start), lowered.size());
        std::string word = lowered.substr(start, end - start);
        start = end + 1;
        if (word.empty() || word.find('.') != std::string::npos || word.starts_with("(")) continue;  // "j.a.", "prof.", "(cda)"
        key += (key.empty() ? "" : " ") + word;
    }
    return key.empty() ? lowered : key;
}

template <class Item>
FollowPages follow_pages_from(const std::vector<Item>& items) {
    std::set<std::string> members, actors, dossiers;
    for (auto& t : items) {
        members.insert(t.members.begin(), t.members.end());
        if (!t.actor.empty()) actors.insert(t.actor);
        if (!t.dossier.empty()) dossiers.insert(t.dossier);
    }
    FollowPages out;
    // Each Kamerlid's page is named by the form most items use (one written with a capital
    // first); every other form of the name leads to that page.
    std::map<std::string, std::map<std::string, int>> forms;  // key -> form -> items
    for (auto& t : items)
        for (auto& m : t.members) ++forms[member_key(m)][m];
    std::set<std::string> shown;
    std::map<std::string, std::string> shown_of;  // key -> form shown
    for (auto& [key, counts] : forms) {
        auto best = std::max_element(counts.begin(), counts.end(), [](auto& a, auto& b) {
            bool ua = !a.first.empty() && a.first[0] >= 'A' && a.first[0] <= 'Z';
            bool ub = !b.first.empty() && b.first[0] >= 'A' && b.first[0] <= 'Z';
            return std::tie(ua, a.second) < std::tie(ub, b.second);
        });
        shown.insert(best->first);
        shown_of[key] = best->first;
    }
    assign(out, out.members, "kamerlid", shown);
    for (auto& m : members) out.members[m] = out.members[shown_of[member_key(m)]];
    assign(out, out.actors, "bewindspersoon", actors);
    assign(out, out.dossiers, "dossier", dossiers);
    return out;
}

}  // namespace

FollowPages follow_pages_of(const std::vector<track::TrackedItem>& items) { return follow_pages_from(items); }
FollowPages follow_pages_of(const std::vector<db::ItemFacts>& items) { return follow_pages_from(items); }

const std::string& member_name(const FollowPages& pages, const std::string& form) {
    auto page = pages.members.find(form);
    if (page == pages.members.end()) return form;
    auto title = pages.titles.find(page->second);
    return title == pages.titles.end() ? form : title->second;
}

namespace {

struct Group {
    std::string heading;  // "Kamerlid", "Bewindspersoon", "Dossier"
    std::string name, page;
    std::vector<const db::ItemFacts*> items;
};

std::string count_label(const SiteData& site, const std::vector<const db::ItemFacts*>& items) {
    std::size_t open = 0, late = 0;
    for (auto* t : items) {
        open += t->status == Status::open;
        late += is_overdue(*t, site.as_of);
    }
    return std::to_string(items.size()) + (items.size() == 1 ? " toezegging of motie" : " toezeggingen en moties") +
           ", " + std::to_string(open) + " openstaand, " + std::to_string(late) + " met verlopen termijn";
}

// One page of rows of the group's items `items` (newest first): the group's own page, or one
// of its years' pages; kept while `key` (which stands for what else it shows) is as before.
Result<void> write_rows_page(db::Database& db, PageWriter& out, const Group& g,
                             const std::string& relative, const std::vector<const db::ItemFacts*>& items,
                             PageKey key, const std::function<void(json&)>& more) {
    for (auto* t : items) key.add(t->id).add(t->row_hash);
    return out.keyed_page(relative, "group.mustache", "../", key, [&] {
        std::vector<std::string> ids;
        ids.reserve(items.size());
        for (auto* t : items) ids.push_back(t->id);
        json d{{"title", g.heading + " " + g.name},
               {"heading", g.heading},
               {"name", g.name},
               {"item_rows", db::report_pieces_joined(db, "group_row_html", ids)},
               {"feed", g.page.substr(g.page.find('/') + 1) + ".xml"}};
        more(d);
        return d;
    });
}

Result<void> write_group(const SiteData& site, db::Database& db, PageWriter& out, AtomWriter& atom, const Group& g,
                         std::size_t limit) {
    const std::string slug = g.page.substr(g.page.find('/') + 1);
    // Past the limit: the newest `limit` here, every item on the page of its year.
    std::map<std::string, std::vector<const db::ItemFacts*>> years;
    if (g.items.size() > limit)
        for (auto* t : g.items) years[year_part(t->last_date)].push_back(t);
    json year_links = json::array();
    for (auto& [part, items] : latest_first(std::move(years))) {
        std::string label = part == "zonder-datum" ? "zonder datum" : part;
        year_links.push_back({{"file", slug + "." + part + ".html"}, {"label", label}, {"count", thousands(items.size())}});
        PageKey key;
        key.add(g.heading).add(g.name).add(g.page).add(part);
        auto done = write_rows_page(db, out, g, g.page + "." + part + ".html", items, key, [&](json& d) {
            d["title"] = g.heading + " " + g.name + ", " + label;
            d["year"] = label;
            d["main"] = slug + ".html";
            d["count_label"] = count_label(site, items);
        });
        if (!done) return done;
    }
    std::vector<const db::ItemFacts*> shown(g.items.begin(), g.items.begin() + std::min(limit, g.items.size()));
    // The page stands for the rows it shows, the counts of all its items and the years' links.
    PageKey key;
    key.add(g.heading).add(g.name).add(g.page).add(year_links.dump());
    for (auto* t : g.items) key.add(t->id).add(t->row_hash);
    auto done = write_rows_page(db, out, g, g.page + ".html", shown, key, [&](json& d) {
        d["count_label"] = count_label(site, g.items);
        if (!year_links.empty()) {
            d["has_years"] = true;
            d["years"] = year_links;
            d["shown"] = thousands(shown.size());
        }
    });
    if (!done) return done;
    // The feed stands for the rows of all its items.
    PageKey feed_key;
    feed_key.add(g.heading).add(g.name).add(g.page);
    for (auto* t : g.items) feed_key.add(t->id).add(t->row_hash);
    out.keyed_file(g.page + ".xml", feed_key.add("feed").add(atom.source_key()), [&] {
        std::vector<std::string> ids;
        ids.reserve(g.items.size());
        for (auto* t : g.items) ids.push_back(t->id);
        std::vector<AtomEntry> entries;
        for (auto& e : db::latest_report_entries_of(db, ids, static_cast<int>(k_feed_entries)))
            entries.push_back(AtomEntry{e.date, e.entry_id, e.title, e.item_id, e.summary});
        return atom.render_entries(std::move(entries),
                                   {"urn:toezeg:" + g.page, "toezeg: " + g.heading + " " + g.name, slug + ".xml", "../"});
    });
    return {};
}

}  // namespace

Result<void> write_follow_pages(const SiteData& site, db::Database& db, PageWriter& out, AtomWriter& atom,
                                std::size_t limit) {
    std::map<std::string, Group> groups;  // by page
    auto add = [&](const std::map<std::string, std::string>& pages, const std::string& name, const std::string& heading,
                   const db::ItemFacts& t) {
        auto it = pages.find(name);
        if (it == pages.end()) return;
        auto& g = groups[it->second];
        g.heading = heading;
        g.name = site.follow.titles.at(it->second);
        g.page = it->second;
        if (g.items.empty() || g.items.back() != &t) g.items.push_back(&t);  // two forms of one name in an item
    };
    for (auto& t : site.items) {
        for (auto& m : t.members) add(site.follow.members, m, "Kamerlid", t);
        add(site.follow.actors, t.actor, "Bewindspersoon", t);
        add(site.follow.dossiers, t.dossier, "Dossier", t);
    }
    for (auto& [page, g] : groups) {
        // Newest first, as the index.
        std::stable_sort(g.items.begin(), g.items.end(), [](auto* a, auto* b) { return a->last_date > b->last_date; });
        if (auto done = write_group(site, db, out, atom, g, limit); !done) return done;
    }
    return {};
}

}  // namespace toezeg::report
